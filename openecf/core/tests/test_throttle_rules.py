"""Pure throttle rules: fixed windows, the lockout length, forgetting, minutes to wait."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from openecf.core import throttle_rules as rules

NOW = datetime(2026, 3, 2, 15, 0, 10, tzinfo=UTC)


def test_throttle_windows_are_aligned_hours():
    moment = datetime(2026, 6, 1, 14, 37, 12, tzinfo=UTC)
    assert rules.window_start(moment, timedelta(hours=1)) == datetime(2026, 6, 1, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("failures", "minutes"), [(0, 0), (1, 0), (4, 0), (5, 5), (6, 6), (7, 7), (12, 12)]
)
def test_five_failures_lock_for_five_minutes_plus_one_per_further_failure(failures, minutes):
    assert rules.lockout_minutes(failures) == minutes


def test_a_lock_ends_that_many_minutes_after_the_failure():
    assert rules.locked_until(failures=5, failed_at=NOW) == NOW + timedelta(minutes=5)
    assert rules.locked_until(failures=6, failed_at=NOW) == NOW + timedelta(minutes=6)
    assert rules.locked_until(failures=4, failed_at=NOW) is None


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, 1), (1, 1), (3, 1), (60, 1), (61, 2), (241, 5), (299, 5), (300, 5), (-5, 1)],
)
def test_minutes_to_wait_round_up_and_are_never_zero(seconds, expected):
    assert rules.minutes_to_wait(timedelta(seconds=seconds)) == expected
