"""The one throttle every app uses: fixed-window attempt counts and the failure lockout.

Keys are namespaced strings owned by the caller (``"signon:user:<name>"``,
``"ecf:login:<court>:<login>"``, ``"accounts:forgot-password:email:<e-mail>"``); the messages
shown when a key is over its limit or locked stay the caller's. Counts use ``get_or_create`` on
a unique key and single ``UPDATE ... SET n = n + 1`` statements, so concurrent attempts each
count on SQLite and PostgreSQL.

Each function runs in its own (possibly nested) transaction: call them outside the caller's
action when the count must stay although the caller then refuses.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Case, F, Value, When

from openecf.core import throttle_rules as rules
from openecf.core.models import AttemptCount, FailureCount

KEY_LENGTH = 255


def _key(key: str) -> str:
    return key[:KEY_LENGTH]


# --- Fixed-window attempt counts ----------------------------------------------------------------


def count_attempt(*, key: str, limit: int, window: timedelta, now: datetime) -> bool:
    """Count one attempt on ``key`` in the fixed ``window`` ``now`` falls in.

    Returns True while the attempt is within ``limit`` (this one included), False once over
    it; the attempt is counted either way, so refusals cannot be used to probe.
    """
    key = _key(key)
    start = rules.window_start(now, window)
    with transaction.atomic():
        AttemptCount.objects.get_or_create(key=key, window_start=start)
        AttemptCount.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
        count = AttemptCount.objects.values_list("count", flat=True).get(
            key=key, window_start=start
        )
    return count <= limit


def purge_attempt_counts(*, before: datetime) -> int:
    """Forget the counts of windows that started before ``before``; returns how many."""
    deleted, _ = AttemptCount.objects.filter(window_start__lt=before).delete()
    return deleted


def purge_stale_failures(*, before: datetime) -> int:
    """Forget failure counts last touched before ``before`` and no longer locking; how many."""
    deleted, _ = (
        FailureCount.objects.filter(last_failure_at__lt=before)
        .exclude(locked_until__gte=before)
        .delete()
    )
    return deleted


# --- Failure lockout ----------------------------------------------------------------------------


def record_failure(*, key: str, now: datetime, forget_after: timedelta) -> timedelta | None:
    """Count one failure on ``key``; how long the key is now locked for, or None.

    Failures are forgotten once ``forget_after`` passed since the last one (done inside the
    UPDATE, so concurrent failures count right); the lock follows ``throttle_rules.locked_until``.
    """
    key = _key(key)
    with transaction.atomic():
        FailureCount.objects.get_or_create(key=key)
        # One statement: forget a stale count and add this failure, under the row's lock.
        FailureCount.objects.filter(key=key).update(
            failures=Case(
                When(last_failure_at__gt=now - forget_after, then=F("failures") + 1),
                default=Value(1),
            ),
            last_failure_at=now,
        )
        failures = FailureCount.objects.values_list("failures", flat=True).get(key=key)
        until = rules.locked_until(failures=failures, failed_at=now)
        FailureCount.objects.filter(key=key).update(locked_until=until)
    return until - now if until is not None else None


def lockout_remaining(*, key: str, now: datetime) -> timedelta | None:
    """How long ``key`` stays locked, or None when it is not locked."""
    until = (
        FailureCount.objects.filter(key=_key(key), locked_until__gt=now)
        .values_list("locked_until", flat=True)
        .first()
    )
    return until - now if until is not None else None


def clear_failures(*, key: str) -> None:
    """Forget ``key``'s failures and lift its lock (after a success or a password reset)."""
    FailureCount.objects.filter(key=_key(key)).update(failures=0, locked_until=None)
