"""The shared throttle: fixed-window attempt counts and the failure lockout, on the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from openecf.core import throttle
from openecf.core.models import AttemptCount, FailureCount
from openecf.tests_support.concurrency import run_together

NOW = datetime(2026, 3, 2, 15, 0, 10, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(hours=24)


def attempt(key="test:email:a@example.com", limit=3, now=NOW):
    return throttle.count_attempt(key=key, limit=limit, window=HOUR, now=now)


def fail(key="test:user:ann", now=NOW, forget_after=DAY):
    return throttle.record_failure(key=key, now=now, forget_after=forget_after)


@pytest.mark.django_db
def test_attempts_are_allowed_up_to_the_limit_and_counted_past_it():
    assert [attempt() for _ in range(5)] == [True, True, True, False, False]
    row = AttemptCount.objects.get()
    assert (row.key, row.window_start, row.count) == (
        "test:email:a@example.com",
        datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        5,
    )


@pytest.mark.django_db
def test_a_new_window_starts_a_new_count_and_keys_count_apart():
    assert [attempt() for _ in range(4)][-1] is False
    assert attempt(key="test:email:b@example.com") is True
    assert attempt(now=NOW + HOUR) is True
    assert AttemptCount.objects.count() == 3


@pytest.mark.django_db
def test_purge_forgets_the_windows_that_started_before_the_cut_off():
    attempt(now=NOW - 2 * DAY)
    attempt(now=NOW)
    assert throttle.purge_attempt_counts(before=NOW - DAY) == 1
    assert list(AttemptCount.objects.values_list("count", flat=True)) == [1]


@pytest.mark.django_db
def test_the_fifth_failure_locks_for_five_minutes_and_each_further_one_adds_a_minute():
    assert [fail(now=NOW + timedelta(seconds=i)) for i in range(4)] == [None] * 4
    assert throttle.lockout_remaining(key="test:user:ann", now=NOW) is None
    fifth = NOW + timedelta(seconds=4)
    assert fail(now=fifth) == timedelta(minutes=5)
    assert throttle.lockout_remaining(key="test:user:ann", now=fifth) == timedelta(minutes=5)
    later = fifth + timedelta(minutes=2)
    assert throttle.lockout_remaining(key="test:user:ann", now=later) == timedelta(minutes=3)
    assert throttle.lockout_remaining(key="test:user:ann", now=fifth + timedelta(minutes=5)) is None
    sixth = fifth + timedelta(minutes=5)
    assert fail(now=sixth) == timedelta(minutes=6)
    assert FailureCount.objects.get(key="test:user:ann").failures == 6
    assert throttle.lockout_remaining(key="test:user:other", now=sixth) is None


@pytest.mark.django_db
@pytest.mark.parametrize("forget_after", [DAY, HOUR])
def test_failures_are_forgotten_after_the_callers_quiet_spell(forget_after):
    for _ in range(4):
        fail(forget_after=forget_after)
    assert fail(now=NOW + forget_after, forget_after=forget_after) is None
    assert FailureCount.objects.get(key="test:user:ann").failures == 1
    for _ in range(3):
        fail(now=NOW + forget_after, forget_after=forget_after)
    just_before = NOW + 2 * forget_after - timedelta(seconds=1)
    assert fail(now=just_before, forget_after=forget_after) == timedelta(minutes=5)


@pytest.mark.django_db
def test_clearing_lifts_the_lock_and_starts_the_count_again():
    for _ in range(5):
        fail()
    throttle.clear_failures(key="test:user:ann")
    assert throttle.lockout_remaining(key="test:user:ann", now=NOW) is None
    assert FailureCount.objects.get(key="test:user:ann").failures == 0
    assert fail() is None
    assert FailureCount.objects.get(key="test:user:ann").failures == 1


@pytest.mark.django_db
def test_long_keys_are_cut_to_the_column_and_still_match():
    key = "test:email:" + "x" * 400
    assert attempt(key=key, limit=1) is True
    assert attempt(key=key, limit=1) is False
    for _ in range(5):
        fail(key=key)
    assert throttle.lockout_remaining(key=key, now=NOW) == timedelta(minutes=5)
    assert len(FailureCount.objects.get().key) == throttle.KEY_LENGTH


@pytest.mark.django_db(transaction=True)
def test_simultaneous_failures_all_count_and_the_last_one_locks():
    results = run_together([fail] * 5)
    assert not [r for r in results if isinstance(r, Exception)]
    assert FailureCount.objects.get(key="test:user:ann").failures == 5
    assert results.count(None) == 4
    assert timedelta(minutes=5) in results


@pytest.mark.django_db(transaction=True)
def test_simultaneous_attempts_all_count():
    results = run_together([attempt] * 5)
    assert sorted(results) == [False, False, True, True, True]
    assert AttemptCount.objects.get().count == 5


@pytest.mark.django_db
def test_stale_failure_counts_are_purged_but_live_locks_are_kept():
    from datetime import UTC, datetime, timedelta

    from openecf.core import throttle
    from openecf.core.models import FailureCount

    long_ago = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(5):
        throttle.record_failure(key="t:stale", now=long_ago, forget_after=timedelta(days=1))
    throttle.record_failure(
        key="t:recent", now=long_ago + timedelta(days=9), forget_after=timedelta(days=1)
    )
    assert throttle.purge_stale_failures(before=long_ago + timedelta(days=8)) == 1
    assert list(FailureCount.objects.values_list("key", flat=True)) == ["t:recent"]
