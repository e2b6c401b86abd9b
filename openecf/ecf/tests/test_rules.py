"""Pure court-login rules: lockout, reset links, password rules, privilege kinds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from openecf.ecf import rules

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def failures(count: int, start: datetime = T0) -> list[datetime]:
    return [start + timedelta(seconds=10 * i) for i in range(count)]


@pytest.mark.parametrize("count", [0, 1, 4])
def test_fewer_than_five_failures_do_not_lock(count):
    assert rules.locked_until(failures(count), T0 + timedelta(minutes=1)) is None


def test_five_failures_lock_for_five_minutes_after_the_last():
    times = failures(5)
    assert rules.locked_until(times, times[-1]) == times[-1] + timedelta(minutes=5)
    assert rules.locked_until(times, times[-1] + timedelta(minutes=5)) is None


@pytest.mark.parametrize(("count", "minutes"), [(6, 6), (7, 7), (10, 10)])
def test_each_further_failure_adds_a_minute(count, minutes):
    times = failures(count)
    assert rules.locked_until(times, times[-1]) == times[-1] + timedelta(minutes=minutes)


def test_failures_older_than_an_hour_are_forgotten():
    times = failures(5, T0 - timedelta(hours=2))
    assert rules.locked_until(times, T0) is None


def test_an_address_locks_after_five_failures_like_sign_on():
    assert rules.address_locked_until(failures(4), T0 + timedelta(minutes=3)) is None
    times = failures(5)
    assert rules.address_locked_until(times, times[-1]) == times[-1] + timedelta(minutes=5)
    assert rules.address_locked_until(times, times[-1] + timedelta(minutes=5)) is None


@pytest.mark.parametrize(("count", "minutes"), [(6, 6), (7, 7), (10, 10)])
def test_each_further_failure_from_an_address_adds_a_minute(count, minutes):
    times = failures(count)
    assert rules.address_locked_until(times, times[-1]) == times[-1] + timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("seconds", "expected"), [(1, 1), (60, 1), (61, 2), (299, 5), (300, 5), (0, 1)]
)
def test_minutes_left_rounds_up(seconds, expected):
    assert rules.minutes_left(T0 + timedelta(seconds=seconds), T0) == expected


@pytest.mark.parametrize(
    ("age", "used", "live"),
    [
        (timedelta(minutes=59), None, True),
        (timedelta(hours=1), None, True),
        (timedelta(hours=1, seconds=1), None, False),
        (timedelta(minutes=5), T0, False),
    ],
)
def test_reset_links_work_once_for_one_hour(age, used, live):
    assert rules.reset_link_is_live(T0 - age, used, T0) is live


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Short-1", "Use at least 8 characters."),
        ("alllower-1", "Use both upper- and lower-case letters."),
        ("ALLUPPER-1", "Use both upper- and lower-case letters."),
        ("OnlyLetters", "Use at least one digit or special character."),
        ("Good-Pass", None),
        ("GoodPass1", None),
    ],
)
def test_court_password_rules(password, problem):
    assert rules.court_password_problem(password) == problem


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("attorney", "attorney"),
        ("trustee", "trustee"),
        ("creditor", "creditor"),
        ("filing_agent", "filing_agent"),
        ("pro_se", "pro_se"),
        ("court_user", None),
    ],
)
def test_privilege_kind_for_each_login_role(role, kind):
    assert rules.privilege_kind_for_role(role) == kind


@pytest.mark.parametrize(
    ("filer", "mfa_from", "today", "required"),
    [
        (True, datetime(2025, 12, 31).date(), datetime(2025, 12, 30).date(), False),
        (True, datetime(2025, 12, 31).date(), datetime(2025, 12, 31).date(), True),
        (False, datetime(2025, 12, 31).date(), datetime(2026, 1, 1).date(), False),
        (True, None, datetime(2026, 1, 1).date(), False),
    ],
)
def test_mfa_is_required_of_filers_from_the_configured_day(filer, mfa_from, today, required):
    assert rules.mfa_required(filer, mfa_from, today) is required
