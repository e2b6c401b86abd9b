"""Manage My Account: password, username, contact details and e-mail address."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import (
    Address,
    _subject,
    _username_taken,
)
from openecf.accounts.actions.links import _issue_link, _send, _use_account_link
from openecf.accounts.actions.password import new_password_problems, replace_password
from openecf.accounts.actions.registration import verify_email
from openecf.accounts.errors import (
    LegacyAccountMustUpgrade,
    UsernameTaken,
    WrongPassword,
)
from openecf.accounts.models import Account, AccountToken
from openecf.core import audit, clock, throttle, tokens
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.signon import facade as signon


def _refuse_legacy(account: Account, what: str) -> None:
    if account.is_legacy:
        raise LegacyAccountMustUpgrade(
            f"A Legacy PACER Account cannot {what}: upgrade the account first "
            "(Manage My Account → Upgrade)."
        )


def current_password_key(account_id: int) -> str:
    """The counter of wrong current passwords typed by a signed-in account holder."""
    return f"accounts:password-check:account:{account_id}"


def _check_current_password(account: Account, password: str, *, field: str, message: str) -> None:
    """Refuse a wrong current password; 5 wrong ones lock these forms for 5 minutes.

    The counter is the account's own (not the sign-in one), so a session holder guessing cannot
    lock the owner out of signing in. A failure is counted in its own transaction.
    """
    now = clock.now()
    key = current_password_key(account.pk)
    remaining = throttle.lockout_remaining(key=key, now=now)
    if remaining is not None:
        raise signon.TooManyAttempts(
            signon.locked_message(
                locked_until=now + remaining,
                now=now,
                template=signon.CURRENT_PASSWORD_LOCKED_MESSAGE,
            )
        )
    if account.check_password(password or ""):
        throttle.clear_failures(key=key)
        return
    with transaction.atomic():
        left = throttle.record_failure(key=key, now=now, forget_after=signon.FAILURE_MEMORY)
        lock = now + left if left is not None else None
        audit.record(
            actor_id=account.pk,
            verb="account.password_check_failed",
            subject=_subject(account.pk),
            details={"locked_until": lock},
        )
    if lock is not None:
        raise signon.TooManyAttempts(
            signon.locked_message(
                locked_until=lock, now=now, template=signon.CURRENT_PASSWORD_LOCKED_MESSAGE
            )
        )
    raise WrongPassword(message, field=field)


def change_password(
    *,
    account: Account,
    current_password: str,
    new_password: str,
    current_session_id: int | None = None,
) -> Account:
    """Change the password; every other Central Sign-On session of the account ends."""
    _refuse_legacy(account, "change its password")
    _check_current_password(
        account,
        current_password,
        field="current_password",
        message="The current password is not right.",
    )
    problems = new_password_problems(account, new_password)
    if not problems and new_password == current_password:
        problems.append("The new password must be different from the current one.")
    InputInvalid.raise_if({"new_password": problems})
    with durable_action():
        return replace_password(
            account,
            new_password,
            now=clock.now(),
            actor_id=account.pk,
            verb="account.password_changed",
            reason="password_changed",
            keep_session_id=current_session_id,
        )


def change_username(*, account: Account, password: str, new_username: str) -> Account:
    _refuse_legacy(account, "change its username")
    new_username = new_username.strip()
    _check_current_password(
        account, password, field="password", message="The password is not right."
    )
    InputInvalid.raise_if({"new_username": rules.username_problems(new_username)})
    if new_username == account.username:
        raise InputInvalid({"new_username": ["That is already your username."]})
    if _username_taken(new_username, exclude=account.pk):
        raise UsernameTaken(
            f"The username {new_username} is taken: choose another.", field="new_username"
        )
    try:
        with durable_action():
            locked = Account.objects.select_for_update().get(pk=account.pk)
            old = locked.username
            locked.username = new_username
            locked.save(update_fields=["username"])
            audit.record(
                actor_id=account.pk,
                verb="account.username_changed",
                subject=_subject(account.pk),
                details={"from": old, "to": new_username},
            )
    except IntegrityError:
        raise UsernameTaken(
            f"The username {new_username} is taken: choose another.", field="new_username"
        ) from None
    return locked


def check_contact(*, phone: str, address: Address) -> None:
    """Refuse a bad phone number or address (before anything is written)."""
    InputInvalid.raise_if(
        {
            "phone": []
            if rules.is_phone(phone)
            else ["Enter a phone number, such as 816-555-0100."],
            **rules.address_problems(address),
        }
    )


def update_contact(*, account: Account, phone: str, address: Address) -> Account:
    _refuse_legacy(account, "update its contact information")
    check_contact(phone=phone, address=address)
    with durable_action():
        locked = Account.objects.select_for_update().get(pk=account.pk)
        stored = {"phone": phone.strip(), **address.as_stored()}
        before = {column: getattr(locked, column) for column in stored}
        for column, value in stored.items():
            setattr(locked, column, value)
        locked.save(update_fields=list(stored))
        changed = sorted(k for k, v in before.items() if getattr(locked, k) != v)
        audit.record(
            actor_id=account.pk,
            verb="account.contact_updated",
            subject=_subject(account.pk),
            details={"changed": changed},
        )
    return locked


def request_email_change(*, account: Account, new_email: str, password: str) -> None:
    """Send a confirmation link to the new address; the e-mail changes only when it is used.

    Needs the current password, as the e-mail address is where password resets are sent.
    """
    _refuse_legacy(account, "change its e-mail address")
    new_email = new_email.strip()
    InputInvalid.raise_if({"email": rules.email_problems(new_email)})
    if new_email.lower() == account.email.lower():
        raise InputInvalid({"email": ["That is already your e-mail address."]})
    _check_current_password(
        account, password, field="password", message="The password is not right."
    )
    now = clock.now()
    with durable_action():
        link = _issue_link(
            account=account,
            purpose=AccountToken.Purpose.CHANGE_EMAIL,
            now=now,
            new_email=new_email,
        )
        audit.record(
            actor_id=account.pk,
            verb="account.email_change_requested",
            subject=_subject(account.pk),
            details={"to": new_email},
        )
        _send(
            account,
            letters.confirm_new_email(name=account.full_name, link=link),
            kind="account.change_email",
            to=new_email,
        )
        _send(
            account,
            letters.email_change_notice(name=account.full_name, new_email=new_email),
            kind="account.change_email_notice",
        )


def confirm_email_change(*, token: str) -> Account:
    now = clock.now()
    with durable_action():
        used, account = _use_account_link(token, AccountToken.Purpose.CHANGE_EMAIL, now=now)
        old = account.email
        account.email = used.new_email
        account.email_verified_at = now
        account.save(update_fields=["email", "email_verified_at"])
        audit.record(
            actor_id=account.pk,
            verb="account.email_changed",
            subject=_subject(account.pk),
            details={"from": old, "to": account.email},
        )
    return account


def use_email_link(*, token: str) -> tuple[str, Account]:
    """/account/verify/<token>/ serves both registration and new-address links."""
    found = AccountToken.objects.filter(token_digest=tokens.digest(token or "")).first()
    if found is not None and found.purpose == AccountToken.Purpose.CHANGE_EMAIL:
        return "email_changed", confirm_email_change(token=token)
    return "verified", verify_email(token=token)
