"""Registering a PACER account and verifying its e-mail address."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from openecf.accounts import letters, rules
from openecf.accounts.actions.input import (
    Address,
    SecurityQuestion,
    _save_security_answers,
    _subject,
    _username_taken,
)
from openecf.accounts.actions.links import (
    _issue_link,
    _send,
    _use_account_link,
    _verification_letter,
)
from openecf.accounts.actions.recovery import count_request
from openecf.accounts.errors import (
    AccountMayAlreadyExist,
    UsernameTaken,
)
from openecf.accounts.models import Account, AccountToken, RegisteredPerson
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action

NUMBER_ATTEMPTS = 20


def save_with_new_account_number(account: Account) -> Account:
    """Save a new account under a free account number: the one allocator of account numbers.

    The unique constraint decides, not a look first: a number taken meanwhile is retried with
    another inside a savepoint, so two registrations at once never share one. Any other clash
    (a username taken meanwhile) is raised for the caller to put in its own words.
    """
    for _ in range(NUMBER_ATTEMPTS):
        account.account_number = rules.new_account_number()
        try:
            with transaction.atomic():  # a savepoint inside the caller's transaction
                account.save(force_insert=True)
        except IntegrityError:
            if not Account.objects.filter(account_number=account.account_number).exists():
                raise
            continue
        return account
    raise RuntimeError("could not find a free account number")  # 20 clashes in 9,000,000


@dataclass(frozen=True)
class Registration:
    account: Account
    held_for_review: bool


def register_account(
    *,
    username: str,
    password: str,
    email: str,
    first_name: str,
    last_name: str,
    date_of_birth: date | None,
    purpose: str,
    phone: str,
    address: Address,
    security_questions: Sequence[SecurityQuestion],
    continue_if_may_exist: bool = False,
    source_address: str | None = None,
) -> Registration:
    """Register an individual PACER account; it becomes active when the e-mail is verified.

    Two of {name, date of birth, e-mail} matching an existing account refuses with
    ``AccountMayAlreadyExist`` unless ``continue_if_may_exist``; all three matching holds the
    registration for review.
    """
    now = clock.now()
    username = username.strip()
    email = email.strip()
    first_name, last_name = first_name.strip(), last_name.strip()
    problems: dict[str, list[str]] = {
        "first_name": [] if first_name else ["Enter your first name."],
        "last_name": [] if last_name else ["Enter your last name."],
        "date_of_birth": rules.birth_problems(date_of_birth, now),
        "email": rules.email_problems(email),
        "phone": [] if rules.is_phone(phone) else ["Enter a phone number, such as 816-555-0100."],
        "purpose": [] if purpose in Account.Purpose.values else ["Choose what the account is for."],
        "username": rules.username_problems(username),
        "password": rules.password_problems(
            password, first_name=first_name, last_name=last_name, username=username, email=email
        ),
        "security_questions": rules.security_problems(security_questions),
        **rules.address_problems(address),
    }
    InputInvalid.raise_if(problems)
    # Well-formed attempts count (per e-mail and per source address), so a script cannot
    # mint accounts or probe the duplicate rules at speed.
    count_request(kind="register", email=email, source_address=source_address)
    if _username_taken(username):
        raise UsernameTaken(f"The username {username} is taken: choose another.", field="username")
    key = rules.PersonKey(first_name, last_name, date_of_birth, email)
    verdict = rules.duplicate_verdict(key, _people_like(key))
    if verdict == rules.DuplicateVerdict.MAY_EXIST and not continue_if_may_exist:
        raise AccountMayAlreadyExist(
            "An account may already exist for you: two of your name, date of birth and e-mail "
            "address match an existing PACER account. Use Forgot Username or Forgot Password to "
            "get into it, or continue to register a new account."
        )
    warned = verdict == rules.DuplicateVerdict.MAY_EXIST
    try:
        with durable_action():
            account = Account(
                username=username,
                email=email,
                first_name=first_name,
                last_name=last_name,
                date_of_birth=date_of_birth,
                phone=phone.strip(),
                **address.as_stored(),
                kind=Account.Kind.INDIVIDUAL,
                purpose=purpose,
                status=Account.Status.PENDING_VERIFICATION,
                is_upgraded=True,
                created_at=now,
                password_changed_at=now,
            )
            account.set_password(password)
            save_with_new_account_number(account)
            if not _first_registration_of(key, account) or verdict == rules.DuplicateVerdict.HOLD:
                verdict = rules.DuplicateVerdict.HOLD
                account.status = Account.Status.REVIEW_HOLD
                account.save(update_fields=["status"])
            held = verdict == rules.DuplicateVerdict.HOLD
            _save_security_answers(account, security_questions)
            audit.record(
                actor_id=account.pk,
                verb="account.registered",
                subject=_subject(account.pk),
                details={
                    "purpose": purpose,
                    "duplicate": verdict,
                    "continued_past_warning": warned,
                    "source": source_address,
                },
            )
            if held:
                letter = letters.registration_on_hold(
                    name=account.full_name,
                    username=username,
                    account_number=account.account_number,
                )
            else:
                letter = _verification_letter(account, now=now)
            _send(account, letter, kind="account.verify" if not held else "account.hold")
    except IntegrityError:
        if not _username_taken(username):
            raise
        raise UsernameTaken(
            f"The username {username} is taken: choose another.", field="username"
        ) from None
    return Registration(account=account, held_for_review=held)


def _first_registration_of(key: rules.PersonKey, account: Account) -> bool:
    """Claim the person's unique key for ``account``; False when another account holds it.

    The reads of ``_people_like`` cannot see a registration still in flight; the unique row can:
    PostgreSQL makes the second insert wait for the first transaction and then refuses it, and
    SQLite runs writing transactions one at a time.
    """
    digest = rules.person_key_digest(key)
    if digest is None:
        return True
    try:
        with transaction.atomic():
            RegisteredPerson.objects.create(person_key=digest, account=account)
    except IntegrityError:
        return False
    return True


def _people_like(key: rules.PersonKey) -> list[rules.PersonKey]:
    """Existing accounts sharing at least one of name, date of birth, e-mail (for comparing)."""
    canonical = rules.canonical_email(key.email)
    local, _, domain = canonical.partition("@")
    near = (
        Q(first_name__iexact=key.first_name, last_name__iexact=key.last_name)
        | Q(email__iexact=canonical)
        | Q(email__istartswith=f"{local}+", email__iendswith=f"@{domain}")
    )
    if key.date_of_birth is not None:
        near |= Q(date_of_birth=key.date_of_birth)
    return [
        rules.PersonKey(a.first_name, a.last_name, a.date_of_birth, a.email)
        for a in Account.objects.filter(near).only(
            "first_name", "last_name", "date_of_birth", "email"
        )[:500]
    ]


def verify_email(*, token: str) -> Account:
    """Use the registration link: the e-mail is verified and the account becomes active."""
    now = clock.now()
    with durable_action():
        _, account = _use_account_link(token, AccountToken.Purpose.VERIFY_EMAIL, now=now)
        account.email_verified_at = now
        if account.status == Account.Status.PENDING_VERIFICATION:
            account.status = Account.Status.ACTIVE
        account.save(update_fields=["email_verified_at", "status"])
        audit.record(
            actor_id=account.pk,
            verb="account.email_verified",
            subject=_subject(account.pk),
            details={"email": account.email, "status": account.status},
        )
    return account


def create_administrative_account(
    *,
    username: str,
    password: str,
    email: str,
    first_name: str,
    last_name: str,
    phone: str,
    now: datetime,
) -> Account:
    """A new PACER Administrative Account for a firm, waiting for its e-mail to be verified.

    Part of the firm's registration: call inside that action's transaction, which checked the
    input, audits the registration and sends the e-mail (``issue_email_verification``).
    """
    if _username_taken(username):
        raise UsernameTaken(
            f"The username {username!r} is taken: choose another.", field="username"
        )
    account = Account(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        kind=Account.Kind.ADMINISTRATIVE,
        purpose=Account.Purpose.CASE_SEARCH,
        status=Account.Status.PENDING_VERIFICATION,
        is_upgraded=True,
        created_at=now,
        password_changed_at=now,
    )
    account.set_password(password)
    try:
        return save_with_new_account_number(account)
    except IntegrityError:
        if not _username_taken(username):
            raise
        raise UsernameTaken(
            f"The username {username!r} is taken: choose another.", field="username"
        ) from None


def issue_email_verification(*, account: Account) -> str:
    """A new 48-hour link that verifies the account's e-mail (at /account/verify/); using it
    makes a pending account active. Earlier unused verification links stop working.

    For an action that creates an account and sends its own e-mail (firms' PAA registration):
    call it inside that action's transaction; that action writes the audit row. A helper,
    not a durable action, for that reason.
    """
    with transaction.atomic():
        return _issue_link(
            account=account,
            purpose=AccountToken.Purpose.VERIFY_EMAIL,
            now=clock.now(),
        )
