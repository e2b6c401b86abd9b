"""Upgrading a Legacy PACER account to an individual (NextGen) account."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import IntegrityError

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import (
    Address,
    SecurityQuestion,
    _save_security_answers,
    _subject,
    _username_taken,
)
from openecf.accounts.actions.links import _send
from openecf.accounts.errors import (
    AlreadyUpgraded,
    DateOfBirthIsPermanent,
    UsernameTaken,
)
from openecf.accounts.models import Account
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.signon import facade as signon

USER_TYPES = {
    "individual": "Individual",
    "government": "Government (federal, state or local agency)",
}


def check_upgrade_person(*, account: Account, date_of_birth: date | None, user_type: str) -> None:
    """The upgrade's Person step on its own (the web asks it before showing the next step)."""
    if account.is_upgraded:
        raise AlreadyUpgraded("This account is already an Upgraded PACER Account.")
    if account.date_of_birth is not None and date_of_birth != account.date_of_birth:
        raise DateOfBirthIsPermanent(
            "The date of birth on a PACER account is permanent and cannot be changed. "
            "Enter the date of birth already on the account, or contact the PACER Service Center.",
            field="date_of_birth",
        )
    InputInvalid.raise_if(
        {
            "date_of_birth": rules.birth_problems(date_of_birth, clock.now()),
            "user_type": [] if user_type in USER_TYPES else ["Choose a user type."],
        }
    )


def check_address(*, address: Address) -> None:
    InputInvalid.raise_if(rules.address_problems(address))


def upgrade_legacy_account(
    *,
    account: Account,
    date_of_birth: date | None,
    user_type: str,
    address: Address,
    username: str,
    password: str,
    security_questions: Sequence[SecurityQuestion],
    current_session_id: int | None = None,
) -> Account:
    """Legacy → Upgraded: account number, creation date, history and balance carry over.

    The upgrade sets a new password, so every other Central Sign-On session ends.
    """
    check_upgrade_person(account=account, date_of_birth=date_of_birth, user_type=user_type)
    now = clock.now()
    username = username.strip()
    problems: dict[str, list[str]] = {
        **rules.address_problems(address),
        "username": rules.username_problems(username),
        "password": rules.password_problems(
            password,
            first_name=account.first_name,
            last_name=account.last_name,
            username=username,
            email=account.email,
        ),
        "security_questions": rules.security_problems(security_questions),
    }
    InputInvalid.raise_if(problems)
    if _username_taken(username, exclude=account.pk):
        raise UsernameTaken(f"The username {username} is taken: choose another.", field="username")
    try:
        with durable_action():
            locked = Account.objects.select_for_update().get(pk=account.pk)
            if locked.is_upgraded:
                raise AlreadyUpgraded("This account is already an Upgraded PACER Account.")
            old_username = locked.username
            locked.date_of_birth = locked.date_of_birth or date_of_birth
            for column, value in address.as_stored().items():
                setattr(locked, column, value)
            locked.username = username
            locked.set_password(password)
            locked.password_changed_at = now
            locked.is_upgraded = True
            locked.upgraded_at = now
            locked.save()
            _save_security_answers(locked, security_questions)
            audit.record(
                actor_id=account.pk,
                verb="account.upgraded",
                subject=_subject(account.pk),
                details={"from_username": old_username, "to_username": username,
                         "user_type": user_type},
            )  # fmt: skip
            signon.end_all_sessions(
                account_id=account.pk,
                actor_id=account.pk,
                reason="password_changed",
                keep=current_session_id,
            )
            _send(
                locked,
                letters.upgrade_complete(
                    name=locked.full_name,
                    username=username,
                    account_number=locked.account_number,
                ),
                kind="account.upgraded",
            )
    except IntegrityError:
        raise UsernameTaken(
            f"The username {username} is taken: choose another.", field="username"
        ) from None
    return locked
