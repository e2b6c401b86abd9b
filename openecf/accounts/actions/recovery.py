"""Forgot username, forgot password and reactivation: throttled, and the same answer either way."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import _subject
from openecf.accounts.actions.links import _email_link, _send, _use_account_link, _use_token
from openecf.accounts.actions.password import new_password_problems, replace_password
from openecf.accounts.errors import (
    LinkNotValid,
)
from openecf.accounts.models import Account, AccountToken
from openecf.core import audit, clock, throttle, tokens
from openecf.core.errors import InputInvalid, Throttled
from openecf.core.transactions import durable_action

THROTTLE_WINDOW = timedelta(hours=1)
THROTTLE_PER_EMAIL = 5
THROTTLE_PER_SOURCE = 20


def count_request(*, kind: str, email: str, source_address: str | None) -> None:
    """Count one request per e-mail and per source address; refuse when over the limit.

    Runs in its own transaction so the count stays even when the request is then refused.
    """
    now = clock.now()
    limits = {f"accounts:{kind}:email:{rules.canonical_email(email)}": THROTTLE_PER_EMAIL}
    if source_address:
        limits[f"accounts:{kind}:source:{source_address}"] = THROTTLE_PER_SOURCE
    with durable_action():
        within = [
            throttle.count_attempt(key=key, limit=limit, window=THROTTLE_WINDOW, now=now)
            for key, limit in limits.items()
        ]
    if not all(within):
        raise Throttled(
            "Too many requests. Wait an hour and try again, or contact the PACER Service Center."
        )


def purge_throttle_counts(*, now: datetime | None = None) -> int:
    """Forget throttle counts of windows that ended more than a day ago; returns how many.

    Purges every app's fixed-window counts (``AttemptCount``) and the failure counts no sign-in
    or court-login lockout still needs (``FailureCount``; lockouts forget after a day at most).
    """
    now = now or clock.now()
    return throttle.purge_attempt_counts(before=now - timedelta(days=1)) + (
        throttle.purge_stale_failures(before=now - timedelta(days=2))
    )


def _matching_accounts(
    *,
    email: str,
    username: str = "",
    account_number: str = "",
    date_of_birth: date | None = None,
) -> list[Account]:
    if not email.strip() or not (username.strip() or account_number.strip() or date_of_birth):
        return []
    found = Account.objects.filter(email__iexact=email.strip())
    if username.strip():
        found = found.filter(username__iexact=username.strip())
    if account_number.strip():
        found = found.filter(account_number=account_number.strip())
    if date_of_birth:
        found = found.filter(date_of_birth=date_of_birth)
    return list(found.order_by("pk")[:5])


def send_username_reminder(
    *,
    email: str,
    account_number: str = "",
    date_of_birth: date | None = None,
    source_address: str | None = None,
) -> None:
    """E-mail the username to the account's address if the details match; silent otherwise."""
    count_request(kind="forgot-username", email=email, source_address=source_address)
    matches = _matching_accounts(
        email=email, account_number=account_number, date_of_birth=date_of_birth
    )
    if not matches:
        return
    with durable_action():
        first = matches[0]
        for account in matches:
            audit.record(
                actor_id=None,
                verb="account.username_reminder_sent",
                subject=_subject(account.pk),
                details={"source": source_address},
            )
        _send(
            first,
            letters.username_reminder(
                name=first.full_name, usernames=[a.username for a in matches]
            ),
            kind="account.username_reminder",
        )


def send_password_reset(
    *,
    email: str,
    username: str = "",
    account_number: str = "",
    date_of_birth: date | None = None,
    source_address: str | None = None,
) -> None:
    """E-mail a single-use reset link (1 hour) if the details match; silent otherwise."""
    count_request(kind="forgot-password", email=email, source_address=source_address)
    matches = _matching_accounts(
        email=email, username=username, account_number=account_number, date_of_birth=date_of_birth
    )
    if len(matches) != 1:  # e-mail + date of birth naming two accounts: ask for more
        return
    _email_link(matches[0], AccountToken.Purpose.RESET_PASSWORD, source_address=source_address)


def reset_link_account(*, token: str) -> Account:
    """The account a live reset link belongs to (for showing the form); nothing is used."""
    found = (
        AccountToken.objects.select_related("account")
        .filter(
            token_digest=tokens.digest(token or ""),
            purpose=AccountToken.Purpose.RESET_PASSWORD,
            used_at__isnull=True,
            expires_at__gt=clock.now(),
        )
        .first()
    )
    if found is None:
        raise LinkNotValid(
            "This link has expired or was already used. Ask for a new one "
            "(links to reset a password work for 1 hour, and each link works once)."
        )
    return found.account


def reset_password(*, token: str, new_password: str) -> Account:
    """Set a new password from a reset link; every session of the account ends."""
    account = reset_link_account(token=token)
    InputInvalid.raise_if({"new_password": new_password_problems(account, new_password)})
    now = clock.now()
    with durable_action():
        _use_token(token, purposes=[AccountToken.Purpose.RESET_PASSWORD], now=now)
        return replace_password(
            account,
            new_password,
            now=now,
            actor_id=None,
            verb="account.password_reset",
            reason="password_reset",
        )


def send_reactivation_link(
    *,
    email: str,
    username: str = "",
    account_number: str = "",
    source_address: str | None = None,
) -> None:
    """E-mail a reactivation link to an inactive account's address; silent otherwise."""
    count_request(kind="reactivate", email=email, source_address=source_address)
    matches = [
        account
        for account in _matching_accounts(
            email=email, username=username, account_number=account_number
        )
        if account.status == Account.Status.INACTIVE
    ]
    if len(matches) != 1:
        return
    _email_link(matches[0], AccountToken.Purpose.REACTIVATE, source_address=source_address)


def reactivate_account(*, token: str) -> Account:
    now = clock.now()
    with durable_action():
        _, account = _use_account_link(token, AccountToken.Purpose.REACTIVATE, now=now)
        if account.status == Account.Status.INACTIVE:
            account.status = Account.Status.ACTIVE
        account.last_active_at = now
        account.save(update_fields=["status", "last_active_at"])
        audit.record(
            actor_id=account.pk,
            verb="account.reactivated",
            subject=_subject(account.pk),
            details={},
        )
    return account
