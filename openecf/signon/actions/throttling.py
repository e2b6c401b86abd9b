"""Counting failed sign-ins by username and by source address, and refusing while locked."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from openecf.core import audit, throttle
from openecf.signon import rules
from openecf.signon.errors import (
    TooManyAttempts,
)


def _subject(account_id: int) -> audit.Subject:
    return audit.Subject("account", account_id)


def throttle_keys(*, username: str, source_address: str | None) -> list[str]:
    keys = [f"signon:user:{(username or '').strip().lower()[:100]}"]
    if source_address:
        keys.append(f"signon:addr:{source_address}")
    return keys


def account_key(account_id: int) -> str:
    """Wrong second-factor codes count here: against the account itself, whatever its name or
    the source address, and a correct password does not clear it (only a correct code does)."""
    return f"signon:account:{account_id}"


def _refuse_if_locked(*, keys: list[str], now: datetime) -> None:
    """Refuse while any key is locked (the longest lock is the one shown)."""
    remaining = [
        left for key in keys if (left := throttle.lockout_remaining(key=key, now=now)) is not None
    ]
    if remaining:
        raise TooManyAttempts(rules.locked_message(locked_until=now + max(remaining), now=now))


def _record_failure(
    *, keys: list[str], account_id: int | None, verb: str, source_address: str | None, now: datetime
) -> None:
    """Count a failure against every key and audit it; the failure that locks a key is refused
    with the lockout's words (``TooManyAttempts``), once the count and the audit are kept."""
    with transaction.atomic():
        lock: datetime | None = None
        for key in keys:
            left = throttle.record_failure(key=key, now=now, forget_after=rules.FAILURE_MEMORY)
            if left is not None and (lock is None or now + left > lock):
                lock = now + left
        subject = (
            _subject(account_id)
            if account_id
            else audit.Subject("address", source_address or "unknown")
        )
        audit.record(
            actor_id=None,
            verb=verb,
            subject=subject,
            details={"source": source_address, "locked_until": lock},
        )
        if lock is not None and account_id:
            audit.record(
                actor_id=None,
                verb="signon.locked",
                subject=subject,
                details={"source": source_address, "locked_until": lock},
            )
    if lock is not None:
        raise TooManyAttempts(rules.locked_message(locked_until=lock, now=now))


def _clear_user_failures(username: str) -> None:
    throttle.clear_failures(key=throttle_keys(username=username, source_address=None)[0])


def _clear_account_failures(account_id: int) -> None:
    throttle.clear_failures(key=account_key(account_id))
