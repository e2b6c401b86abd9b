"""A new password for an account: the rules it must meet, and what replacing one sets off."""

from __future__ import annotations

from datetime import datetime

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import _subject
from openecf.accounts.actions.links import _send
from openecf.accounts.models import Account
from openecf.core import audit
from openecf.signon import facade as signon


def new_password_problems(account: Account, new_password: str) -> list[str]:
    """What is wrong with ``new_password`` for this account (its names may not be in it)."""
    return rules.password_problems(
        new_password,
        first_name=account.first_name,
        last_name=account.last_name,
        username=account.username,
        email=account.email,
    )


def replace_password(
    account: Account,
    new_password: str,
    *,
    now: datetime,
    actor_id: int | None,
    verb: str,
    reason: str,
    keep_session_id: int | None = None,
) -> Account:
    """Inside the caller's action: the new password, audited as ``verb``; every other session
    ends (for ``reason``) and the holder is told by e-mail."""
    locked = Account.objects.select_for_update().get(pk=account.pk)
    locked.set_password(new_password)
    locked.password_changed_at = now
    locked.save(update_fields=["password", "password_changed_at"])
    audit.record(actor_id=actor_id, verb=verb, subject=_subject(account.pk), details={})
    signon.end_all_sessions(
        account_id=account.pk,
        actor_id=actor_id,
        reason=reason,
        keep=keep_session_id,
    )
    _send(
        locked,
        letters.password_changed(name=locked.full_name, username=locked.username),
        kind="account.password_changed",
    )
    return locked
