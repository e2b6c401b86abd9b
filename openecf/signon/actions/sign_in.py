"""The password step and the second factor (an authenticator code or a backup code)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q

from openecf.accounts import facade as accounts
from openecf.core import audit
from openecf.signon import queries, rules
from openecf.signon.actions.throttling import (
    _clear_account_failures,
    _clear_user_failures,
    _record_failure,
    _refuse_if_locked,
    _subject,
    account_key,
    throttle_keys,
)
from openecf.signon.errors import (
    SignOnRefused,
    WrongSecondFactor,
)
from openecf.signon.models import (
    AuthenticatorApp,
    BackupCode,
)

if TYPE_CHECKING:
    from openecf.accounts.models import Account

WRONG_CODE = (
    "That code is not right. Enter the current code from your authenticator app, or a backup code."
)


def check_password(
    *, username: str, password: str, source_address: str | None, now: datetime
) -> Account:
    """The account for a good username and password, or a refusal that reveals nothing.

    Unknown usernames and wrong passwords get the same answer and are throttled alike, by
    username and by source address. A correct password clears the username's count but not the
    account's count of wrong second-factor codes: while that locks, the password is refused too.
    """
    keys = throttle_keys(username=username, source_address=source_address)
    _refuse_if_locked(keys=keys, now=now)
    check = accounts.authenticate(username, password, now=now)
    if check.ok:
        assert check.account is not None
        _refuse_if_locked(keys=[account_key(check.account.pk)], now=now)
        _clear_user_failures(username)
        return check.account
    if check.refusal != accounts.SignOnRefusal.BAD_CREDENTIALS:
        raise SignOnRefused(check.message)
    _record_failure(
        keys=keys,
        account_id=check.account_id,
        verb="signon.failed",
        source_address=source_address,
        now=now,
    )
    raise SignOnRefused(check.message)


def verify_second_factor(
    *, account: Account, code: str, source_address: str | None, now: datetime
) -> str:
    """Accept a current TOTP code (once) or an unused backup code; returns "app" or "backup".

    Wrong codes count as failed sign-in attempts, by username, by source address and against
    the account itself (the one count a correct password does not clear), with the same lockout
    and the same words as wrong passwords.
    """
    keys = [
        *throttle_keys(username=account.username, source_address=source_address),
        account_key(account.pk),
    ]
    _refuse_if_locked(keys=keys, now=now)
    method = _use_totp(account=account, code=code, now=now) or _use_backup_code(
        account=account, code=code, now=now
    )
    if method:
        _clear_account_failures(account.pk)
        return method
    _record_failure(
        keys=keys,
        account_id=account.pk,
        verb="signon.mfa_failed",
        source_address=source_address,
        now=now,
    )
    raise WrongSecondFactor(WRONG_CODE, field="code")


def _use_totp(*, account: Account, code: str, now: datetime) -> str | None:
    for app in AuthenticatorApp.objects.filter(account_id=account.pk):
        step = rules.matching_totp_step(
            secret=app.secret, code=code, now=now, last_used_step=app.last_used_step
        )
        if step is None:
            continue
        with transaction.atomic():
            # Conditional update: two requests racing with one code cannot both win.
            won = AuthenticatorApp.objects.filter(
                Q(last_used_step__isnull=True) | Q(last_used_step__lt=step), pk=app.pk
            ).update(last_used_step=step, last_used_at=now)
            if not won:
                return None
            audit.record(
                actor_id=account.pk,
                verb="signon.mfa_passed",
                subject=_subject(account.pk),
                details={"method": "app", "app": app.pk},
            )
        return "app"
    return None


def _use_backup_code(*, account: Account, code: str, now: datetime) -> str | None:
    if rules.normalize_backup_code(code) is None:
        return None
    for row in BackupCode.objects.filter(account_id=account.pk, used_at__isnull=True):
        if not secrets.compare_digest(rules.backup_code_hash(code, row.salt), row.code_hash):
            continue
        with transaction.atomic():
            won = BackupCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now)
            if not won:
                return None
            audit.record(
                actor_id=account.pk,
                verb="signon.backup_code_used",
                subject=_subject(account.pk),
                details={"left": queries.backup_codes_left(account.pk)},
            )
        return "backup"
    return None
