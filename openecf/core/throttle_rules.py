"""Pure throttling rules shared by every app: fixed windows and the failure lockout.

No database, no clock: callers pass ``now``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# 5 failures lock for 5 minutes, plus 1 minute for each further failure (like PACER's sign-on).
LOCK_AFTER_FAILURES = 5


def window_start(now: datetime, window: timedelta) -> datetime:
    """The start of the fixed window ``now`` falls in (windows are aligned to the epoch)."""
    seconds = int(window.total_seconds())
    stamp = int(now.timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=now.tzinfo)


def lockout_minutes(failures: int) -> int:
    """5 failures lock for 5 minutes, plus 1 minute for each further failure (6 → 6, 7 → 7)."""
    if failures < LOCK_AFTER_FAILURES:
        return 0
    return failures


def locked_until(*, failures: int, failed_at: datetime) -> datetime | None:
    """When the lock caused by the ``failures``-th failure at ``failed_at`` ends, if any."""
    minutes = lockout_minutes(failures)
    return failed_at + timedelta(minutes=minutes) if minutes else None


def minutes_to_wait(remaining: timedelta) -> int:
    """Whole minutes to wait, rounded up (never 0 while still locked)."""
    seconds = max(0.0, remaining.total_seconds())
    return max(1, int(-(-seconds // 60)))
