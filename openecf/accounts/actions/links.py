"""Single-use e-mailed links: issue one, use one, and e-mail it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import _subject
from openecf.accounts.errors import (
    LinkNotValid,
)
from openecf.accounts.models import Account, AccountToken
from openecf.core import audit, clock, links, tokens
from openecf.core.letters import Letter
from openecf.core.outbox import queue_letter
from openecf.core.single_use import use_link

# Where each kind of e-mailed link opens (a URL name taking ``token``), and how long it works.
_LINKS: dict[str, tuple[str, timedelta]] = {
    AccountToken.Purpose.VERIFY_EMAIL: ("accounts:verify", rules.VERIFY_LINK_LIFETIME),
    AccountToken.Purpose.CHANGE_EMAIL: ("accounts:verify", rules.VERIFY_LINK_LIFETIME),
    AccountToken.Purpose.RESET_PASSWORD: ("accounts:reset", rules.RESET_LINK_LIFETIME),
    AccountToken.Purpose.REACTIVATE: ("accounts:reactivate_link", rules.VERIFY_LINK_LIFETIME),
}


def _issue_link(*, account: Account, purpose: str, now: datetime, new_email: str = "") -> str:
    """Make a single-use link; earlier unused ones of the same purpose stop working."""
    page, lifetime = _LINKS[purpose]
    AccountToken.objects.filter(account=account, purpose=purpose, used_at__isnull=True).update(
        used_at=now
    )
    token = tokens.new_token()
    AccountToken.objects.create(
        account=account,
        purpose=purpose,
        token_digest=tokens.digest(token),
        new_email=new_email,
        created_at=now,
        expires_at=now + lifetime,
    )
    return links.absolute(reverse(page, kwargs={"token": token}))


def _verification_letter(account: Account, *, now: datetime) -> Letter:
    """The e-mail asking the holder to verify the account's address, with a new link."""
    return letters.verify_registration(
        name=account.full_name,
        username=account.username,
        account_number=account.account_number,
        link=_issue_link(
            account=account,
            purpose=AccountToken.Purpose.VERIFY_EMAIL,
            now=now,
        ),
    )


def _use_token(token: str, *, purposes: Iterable[str], now: datetime) -> AccountToken:
    """The live token for a link, marked used; refused if unknown, used or expired."""
    found = use_link(
        AccountToken.objects.select_related("account").filter(purpose__in=list(purposes)),
        token=token,
        now=now,
    )
    if found is None:
        raise LinkNotValid(
            "This link has expired or was already used. Ask for a new one "
            "(links to reset a password work for 1 hour, and each link works once)."
        )
    return found


def _use_account_link(token: str, purpose: str, *, now: datetime) -> tuple[AccountToken, Account]:
    """Use a link sent to an account (as ``_use_token``) and lock that account for the change."""
    used = _use_token(token, purposes=[purpose], now=now)
    return used, Account.objects.select_for_update().get(pk=used.account_id)


def _send(account: Account, letter: Letter, *, kind: str, to: str = "") -> None:
    queue_letter(letter, to=[to or account.email], kind=kind, account_id=account.pk)


# The links anyone may ask for by e-mail: the audit verb of the asking, the letter (taking
# ``name``, ``username`` and ``link``) and its outbox kind.
_ASKED_FOR: dict[str, tuple[str, Callable[..., Letter], str]] = {
    AccountToken.Purpose.RESET_PASSWORD: (
        "account.password_reset_requested",
        letters.reset_password,
        "account.reset_password",
    ),
    AccountToken.Purpose.REACTIVATE: (
        "account.reactivation_requested",
        letters.reactivate,
        "account.reactivate",
    ),
}


def _email_link(account: Account, purpose: str, *, source_address: str | None) -> None:
    """Issue a single-use link, record who asked, and e-mail the link to the account."""
    verb, letter, kind = _ASKED_FOR[purpose]
    now = clock.now()
    with transaction.atomic():
        link = _issue_link(account=account, purpose=purpose, now=now)
        audit.record(
            actor_id=None,
            verb=verb,
            subject=_subject(account.pk),
            details={"source": source_address},
        )
        _send(
            account,
            letter(name=account.full_name, username=account.username, link=link),
            kind=kind,
        )
