"""Failure counters that lock a key for a while (sign-in, and re-typing the current password).

Imports only signon's models and rules, so ``accounts`` may use it without a cycle.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction

from openecf.signon import rules
from openecf.signon.errors import TooManyAttempts
from openecf.signon.models import SignOnThrottle


def current_password_key(account_id: int) -> str:
    """The counter of wrong current passwords typed by a signed-in account holder."""
    return f"password-check:account:{account_id}"


def lock_in_force(keys: list[str], now: datetime) -> datetime | None:
    return (
        SignOnThrottle.objects.filter(key__in=keys, locked_until__gt=now)
        .order_by("-locked_until")
        .values_list("locked_until", flat=True)
        .first()
    )


def refuse_if_locked(
    *, keys: list[str], now: datetime, template: str = rules.LOCKED_MESSAGE
) -> None:
    until = lock_in_force(keys, now)
    if until is not None:
        raise TooManyAttempts(rules.locked_message(locked_until=until, now=now, template=template))


def count_failure(keys: list[str], now: datetime) -> datetime | None:
    """Add one failure to every key (inside the caller's transaction); the lock it causes."""
    lock: datetime | None = None
    for key in keys:
        try:
            with transaction.atomic():
                row, _ = SignOnThrottle.objects.select_for_update().get_or_create(key=key)
        except IntegrityError:
            row = SignOnThrottle.objects.select_for_update().get(key=key)
        failures = (
            rules.failures_so_far(
                failures=row.failures, last_failure_at=row.last_failure_at, now=now
            )
            + 1
        )
        until = rules.locked_until(failures=failures, failed_at=now)
        SignOnThrottle.objects.filter(pk=row.pk).update(
            failures=failures, last_failure_at=now, locked_until=until
        )
        if until is not None and (lock is None or until > lock):
            lock = until
    return lock


def clear_failures(key: str) -> None:
    SignOnThrottle.objects.filter(key=key).update(failures=0, locked_until=None)
