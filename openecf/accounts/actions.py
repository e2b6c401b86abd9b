"""Every write to PACER accounts: one transaction, one audit row, e-mail after commit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q

from openecf.accounts import emails, rules
from openecf.accounts.errors import (
    AccountInputInvalid,
    AccountMayAlreadyExist,
    AlreadyUpgraded,
    DateOfBirthIsPermanent,
    LegacyAccountMustUpgrade,
    LinkNotValid,
    UsernameTaken,
    WrongPassword,
)
from openecf.accounts.models import Account, AccountToken, SecurityAnswer
from openecf.core import audit, clock, throttle
from openecf.core.errors import Throttled
from openecf.core.outbox import queue_email
from openecf.signon import rules as signon_rules
from openecf.signon.errors import TooManyAttempts
from openecf.signon.sessions import end_all_sessions

US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
}  # fmt: skip


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    state: str
    zip_code: str
    county: str


@dataclass(frozen=True)
class SecurityQuestion:
    question: str
    answer: str


def _subject(account_id: int) -> str:
    return f"account:{account_id}"


# --- validation (collects every problem, then refuses before any write) -------------------


def _email_problems(email: str) -> list[str]:
    try:
        validate_email(email)
    except ValidationError:
        return ["Enter a valid e-mail address, such as name@example.com."]
    return []


def _address_problems(address: Address) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not address.street.strip():
        problems["street"] = ["Enter your street address."]
    if not address.city.strip():
        problems["city"] = ["Enter your city."]
    if address.state.strip().upper() not in US_STATES:
        problems["state"] = ["Enter the two-letter state or territory code, such as MO."]
    if not rules.is_zip_code(address.zip_code.strip()):
        problems["zip"] = ["Enter a 5-digit ZIP code (or ZIP+4, such as 64106-2607)."]
    if not address.county.strip():
        problems["county"] = ["Enter your county."]
    return problems


def _security_problems(questions: Sequence[SecurityQuestion]) -> list[str]:
    if len(questions) != rules.SECURITY_QUESTIONS_REQUIRED:
        return ["Choose two security questions and answer each."]
    problems = []
    if any(not q.question.strip() for q in questions):
        problems.append("Choose two security questions.")
    elif questions[0].question.strip().lower() == questions[1].question.strip().lower():
        problems.append("Choose two different security questions.")
    if any(len(rules.normalise_answer(q.answer)) < 2 for q in questions):
        problems.append("Answer each security question (at least 2 characters).")
    return problems


def _birth_problems(date_of_birth: date | None, now: datetime) -> list[str]:
    if date_of_birth is None:
        return ["Enter your date of birth."]
    if not rules.plausible_birth_date(date_of_birth, now.date()):
        return ["Enter your real date of birth: you must be at least 13 years old."]
    return []


def _username_taken(username: str, *, exclude: int | None = None) -> bool:
    found = Account.objects.filter(username__iexact=username)
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return found.exists()


def _raise_if(problems: dict[str, list[str]]) -> None:
    if any(problems.values()):
        raise AccountInputInvalid(problems)


def _save_security_answers(account: Account, questions: Sequence[SecurityQuestion]) -> None:
    SecurityAnswer.objects.filter(account=account).delete()
    SecurityAnswer.objects.bulk_create(
        SecurityAnswer(
            account=account,
            question=q.question.strip()[:200],
            answer_hash=make_password(rules.normalise_answer(q.answer)),
        )
        for q in questions
    )


# Where each kind of e-mailed link opens, and for how long it works.
_LINKS: dict[str, tuple[str, timedelta]] = {
    AccountToken.Purpose.VERIFY_EMAIL: ("/account/verify/", rules.VERIFY_LINK_LIFETIME),
    AccountToken.Purpose.CHANGE_EMAIL: ("/account/verify/", rules.VERIFY_LINK_LIFETIME),
    AccountToken.Purpose.RESET_PASSWORD: ("/account/reset/", rules.RESET_LINK_LIFETIME),
    AccountToken.Purpose.REACTIVATE: ("/account/reactivate/", rules.VERIFY_LINK_LIFETIME),
}


def _issue_link(
    *, account: Account, purpose: str, base_url: str, now: datetime, new_email: str = ""
) -> str:
    """Make a single-use link; earlier unused ones of the same purpose stop working."""
    path, lifetime = _LINKS[purpose]
    AccountToken.objects.filter(account=account, purpose=purpose, used_at__isnull=True).update(
        used_at=now
    )
    token = rules.new_link_token()
    AccountToken.objects.create(
        account=account,
        purpose=purpose,
        token_digest=rules.token_digest(token),
        new_email=new_email,
        created_at=now,
        expires_at=now + lifetime,
    )
    return f"{base_url.rstrip('/')}{path}{token}/"


def _use_token(token: str, *, purposes: Iterable[str], now: datetime) -> AccountToken:
    """The live token for a link, marked used; refused if unknown, used or expired."""
    found = (
        AccountToken.objects.select_for_update()
        .select_related("account")
        .filter(token_digest=rules.token_digest(token or ""), purpose__in=list(purposes))
        .first()
    )
    if found is None or found.used_at is not None or found.expires_at <= now:
        raise LinkNotValid(
            "This link has expired or was already used. Ask for a new one "
            "(links to reset a password work for 1 hour, and each link works once)."
        )
    found.used_at = now
    found.save(update_fields=["used_at"])
    return found


def _send(account: Account, letter: emails.Letter, *, kind: str, to: str = "") -> None:
    queue_email(
        to=[to or account.email],
        subject=letter.subject,
        text=letter.text,
        kind=kind,
        account_id=account.pk,
    )


def _email_link(
    *,
    account: Account,
    purpose: str,
    base_url: str,
    verb: str,
    source_address: str | None,
    letter: Callable[..., emails.Letter],
    kind: str,
) -> None:
    """Issue a single-use link, record who asked, and e-mail the link to the account.

    ``letter`` is the e-mail builder taking ``name``, ``username`` and ``link``.
    """
    now = clock.now()
    with transaction.atomic():
        link = _issue_link(account=account, purpose=purpose, base_url=base_url, now=now)
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


def _create_account_number() -> str:
    for _ in range(50):
        number = rules.new_account_number()
        if not Account.objects.filter(account_number=number).exists():
            return number
    raise RuntimeError("could not find a free account number")


# --- registration ---------------------------------------------------------------------------


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
    base_url: str,
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
        "date_of_birth": _birth_problems(date_of_birth, now),
        "email": _email_problems(email),
        "phone": [] if rules.is_phone(phone) else ["Enter a phone number, such as 816-555-0100."],
        "purpose": [] if purpose in Account.Purpose.values else ["Choose what the account is for."],
        "username": rules.username_problems(username),
        "password": rules.password_problems(
            password, first_name=first_name, last_name=last_name, username=username, email=email
        ),
        "security_questions": _security_problems(security_questions),
        **_address_problems(address),
    }
    _raise_if(problems)
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
    held = verdict == rules.DuplicateVerdict.HOLD
    try:
        with transaction.atomic():
            account = Account(
                account_number=_create_account_number(),
                username=username,
                email=email,
                first_name=first_name,
                last_name=last_name,
                date_of_birth=date_of_birth,
                phone=phone.strip(),
                street=address.street.strip(),
                city=address.city.strip(),
                state=address.state.strip().upper(),
                zip_code=address.zip_code.strip(),
                county=address.county.strip(),
                kind=Account.Kind.INDIVIDUAL,
                purpose=purpose,
                status=(
                    Account.Status.REVIEW_HOLD if held else Account.Status.PENDING_VERIFICATION
                ),
                is_upgraded=True,
                created_at=now,
                password_changed_at=now,
            )
            account.set_password(password)
            account.save()
            _save_security_answers(account, security_questions)
            audit.record(
                actor_id=account.pk,
                verb="account.registered",
                subject=_subject(account.pk),
                details={
                    "purpose": purpose,
                    "duplicate": verdict,
                    "continued_past_warning": verdict == rules.DuplicateVerdict.MAY_EXIST,
                    "source": source_address,
                },
            )
            if held:
                letter = emails.registration_on_hold(
                    name=account.full_name,
                    username=username,
                    account_number=account.account_number,
                )
            else:
                letter = emails.verify_registration(
                    name=account.full_name,
                    username=username,
                    account_number=account.account_number,
                    link=_issue_link(
                        account=account,
                        purpose=AccountToken.Purpose.VERIFY_EMAIL,
                        base_url=base_url,
                        now=now,
                    ),
                )
            _send(account, letter, kind="account.verify" if not held else "account.hold")
    except IntegrityError:
        if not _username_taken(username):
            raise
        raise UsernameTaken(
            f"The username {username} is taken: choose another.", field="username"
        ) from None
    return Registration(account=account, held_for_review=held)


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
    with transaction.atomic():
        used = _use_token(token, purposes=[AccountToken.Purpose.VERIFY_EMAIL], now=now)
        account = Account.objects.select_for_update().get(pk=used.account_id)
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


def issue_email_verification(*, account: Account, base_url: str) -> str:
    """A new 48-hour link that verifies the account's e-mail (at /account/verify/); using it
    makes a pending account active. Earlier unused verification links stop working.

    For an action that creates an account and sends its own e-mail (firms' PAA registration):
    call it inside that action's transaction; that action writes the audit row.
    """
    with transaction.atomic():
        return _issue_link(
            account=account,
            purpose=AccountToken.Purpose.VERIFY_EMAIL,
            base_url=base_url,
            now=clock.now(),
        )


# --- Manage My Account ----------------------------------------------------------------------


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
        raise TooManyAttempts(
            signon_rules.locked_message(
                locked_until=now + remaining,
                now=now,
                template=signon_rules.CURRENT_PASSWORD_LOCKED_MESSAGE,
            )
        )
    if account.check_password(password or ""):
        throttle.clear_failures(key=key)
        return
    with transaction.atomic():
        left = throttle.record_failure(key=key, now=now, forget_after=signon_rules.FAILURE_MEMORY)
        lock = now + left if left is not None else None
        audit.record(
            actor_id=account.pk,
            verb="account.password_check_failed",
            subject=_subject(account.pk),
            details={"locked_until": lock},
        )
    if lock is not None:
        raise TooManyAttempts(
            signon_rules.locked_message(
                locked_until=lock, now=now, template=signon_rules.CURRENT_PASSWORD_LOCKED_MESSAGE
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
    problems = rules.password_problems(
        new_password,
        first_name=account.first_name,
        last_name=account.last_name,
        username=account.username,
        email=account.email,
    )
    if not problems and new_password == current_password:
        problems.append("The new password must be different from the current one.")
    _raise_if({"new_password": problems})
    now = clock.now()
    with transaction.atomic():
        locked = Account.objects.select_for_update().get(pk=account.pk)
        locked.set_password(new_password)
        locked.password_changed_at = now
        locked.save(update_fields=["password", "password_changed_at"])
        audit.record(
            actor_id=account.pk,
            verb="account.password_changed",
            subject=_subject(account.pk),
            details={},
        )
        end_all_sessions(
            account_id=account.pk,
            actor_id=account.pk,
            reason="password_changed",
            keep=current_session_id,
        )
        _send(
            locked,
            emails.password_changed(name=locked.full_name, username=locked.username),
            kind="account.password_changed",
        )
    return locked


def change_username(*, account: Account, password: str, new_username: str) -> Account:
    _refuse_legacy(account, "change its username")
    new_username = new_username.strip()
    _check_current_password(
        account, password, field="password", message="The password is not right."
    )
    _raise_if({"new_username": rules.username_problems(new_username)})
    if new_username == account.username:
        raise AccountInputInvalid({"new_username": ["That is already your username."]})
    if _username_taken(new_username, exclude=account.pk):
        raise UsernameTaken(
            f"The username {new_username} is taken: choose another.", field="new_username"
        )
    try:
        with transaction.atomic():
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
    _raise_if(
        {
            "phone": []
            if rules.is_phone(phone)
            else ["Enter a phone number, such as 816-555-0100."],
            **_address_problems(address),
        }
    )


def update_contact(*, account: Account, phone: str, address: Address) -> Account:
    _refuse_legacy(account, "update its contact information")
    check_contact(phone=phone, address=address)
    with transaction.atomic():
        locked = Account.objects.select_for_update().get(pk=account.pk)
        before = {
            "phone": locked.phone,
            "street": locked.street,
            "city": locked.city,
            "state": locked.state,
            "zip_code": locked.zip_code,
            "county": locked.county,
        }
        locked.phone = phone.strip()
        locked.street = address.street.strip()
        locked.city = address.city.strip()
        locked.state = address.state.strip().upper()
        locked.zip_code = address.zip_code.strip()
        locked.county = address.county.strip()
        locked.save(update_fields=list(before))
        changed = sorted(k for k, v in before.items() if getattr(locked, k) != v)
        audit.record(
            actor_id=account.pk,
            verb="account.contact_updated",
            subject=_subject(account.pk),
            details={"changed": changed},
        )
    return locked


def request_email_change(*, account: Account, new_email: str, password: str, base_url: str) -> None:
    """Send a confirmation link to the new address; the e-mail changes only when it is used.

    Needs the current password, as the e-mail address is where password resets are sent.
    """
    _refuse_legacy(account, "change its e-mail address")
    new_email = new_email.strip()
    _raise_if({"email": _email_problems(new_email)})
    if new_email.lower() == account.email.lower():
        raise AccountInputInvalid({"email": ["That is already your e-mail address."]})
    _check_current_password(
        account, password, field="password", message="The password is not right."
    )
    now = clock.now()
    with transaction.atomic():
        link = _issue_link(
            account=account,
            purpose=AccountToken.Purpose.CHANGE_EMAIL,
            base_url=base_url,
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
            emails.confirm_new_email(name=account.full_name, link=link),
            kind="account.change_email",
            to=new_email,
        )
        _send(
            account,
            emails.email_change_notice(name=account.full_name, new_email=new_email),
            kind="account.change_email_notice",
        )


def confirm_email_change(*, token: str) -> Account:
    now = clock.now()
    with transaction.atomic():
        used = _use_token(token, purposes=[AccountToken.Purpose.CHANGE_EMAIL], now=now)
        account = Account.objects.select_for_update().get(pk=used.account_id)
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
    found = AccountToken.objects.filter(token_digest=rules.token_digest(token or "")).first()
    if found is not None and found.purpose == AccountToken.Purpose.CHANGE_EMAIL:
        return "email_changed", confirm_email_change(token=token)
    return "verified", verify_email(token=token)


# --- legacy upgrade -------------------------------------------------------------------------

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
    _raise_if(
        {
            "date_of_birth": _birth_problems(date_of_birth, clock.now()),
            "user_type": [] if user_type in USER_TYPES else ["Choose a user type."],
        }
    )


def check_address(*, address: Address) -> None:
    _raise_if(_address_problems(address))


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
        **_address_problems(address),
        "username": rules.username_problems(username),
        "password": rules.password_problems(
            password,
            first_name=account.first_name,
            last_name=account.last_name,
            username=username,
            email=account.email,
        ),
        "security_questions": _security_problems(security_questions),
    }
    _raise_if(problems)
    if _username_taken(username, exclude=account.pk):
        raise UsernameTaken(f"The username {username} is taken: choose another.", field="username")
    try:
        with transaction.atomic():
            locked = Account.objects.select_for_update().get(pk=account.pk)
            if locked.is_upgraded:
                raise AlreadyUpgraded("This account is already an Upgraded PACER Account.")
            old_username = locked.username
            locked.date_of_birth = locked.date_of_birth or date_of_birth
            locked.street = address.street.strip()
            locked.city = address.city.strip()
            locked.state = address.state.strip().upper()
            locked.zip_code = address.zip_code.strip()
            locked.county = address.county.strip()
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
            end_all_sessions(
                account_id=account.pk,
                actor_id=account.pk,
                reason="password_changed",
                keep=current_session_id,
            )
            _send(
                locked,
                emails.upgrade_complete(
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


# --- forgot username / password, reactivation (throttled, same answer either way) -----------

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
    with transaction.atomic():
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
    with transaction.atomic():
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
            emails.username_reminder(name=first.full_name, usernames=[a.username for a in matches]),
            kind="account.username_reminder",
        )


def send_password_reset(
    *,
    email: str,
    base_url: str,
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
    _email_link(
        account=matches[0],
        purpose=AccountToken.Purpose.RESET_PASSWORD,
        base_url=base_url,
        verb="account.password_reset_requested",
        source_address=source_address,
        letter=emails.reset_password,
        kind="account.reset_password",
    )


def reset_link_account(*, token: str) -> Account:
    """The account a live reset link belongs to (for showing the form); nothing is used."""
    found = (
        AccountToken.objects.select_related("account")
        .filter(
            token_digest=rules.token_digest(token or ""),
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
    _raise_if(
        {
            "new_password": rules.password_problems(
                new_password,
                first_name=account.first_name,
                last_name=account.last_name,
                username=account.username,
                email=account.email,
            )
        }
    )
    now = clock.now()
    with transaction.atomic():
        _use_token(token, purposes=[AccountToken.Purpose.RESET_PASSWORD], now=now)
        locked = Account.objects.select_for_update().get(pk=account.pk)
        locked.set_password(new_password)
        locked.password_changed_at = now
        locked.save(update_fields=["password", "password_changed_at"])
        audit.record(
            actor_id=None,
            verb="account.password_reset",
            subject=_subject(account.pk),
            details={},
        )
        end_all_sessions(account_id=account.pk, actor_id=None, reason="password_reset")
        _send(
            locked,
            emails.password_changed(name=locked.full_name, username=locked.username),
            kind="account.password_changed",
        )
    return locked


def send_reactivation_link(
    *,
    email: str,
    base_url: str,
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
    _email_link(
        account=matches[0],
        purpose=AccountToken.Purpose.REACTIVATE,
        base_url=base_url,
        verb="account.reactivation_requested",
        source_address=source_address,
        letter=emails.reactivate,
        kind="account.reactivate",
    )


def reactivate_account(*, token: str) -> Account:
    now = clock.now()
    with transaction.atomic():
        used = _use_token(token, purposes=[AccountToken.Purpose.REACTIVATE], now=now)
        account = Account.objects.select_for_update().get(pk=used.account_id)
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


# --- PACER Service Center (operator) -------------------------------------------------------


def release_registration_hold(*, account_id: int, actor_id: int | None, base_url: str) -> Account:
    """The PACER Service Center releases a held registration: the verification link is sent."""
    now = clock.now()
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account_id)
        if account.status != Account.Status.REVIEW_HOLD:
            raise AccountInputInvalid(
                {"status": [f"Account {account.username} is not on a review hold."]}
            )
        account.status = (
            Account.Status.ACTIVE
            if account.email_verified_at
            else Account.Status.PENDING_VERIFICATION
        )
        account.save(update_fields=["status"])
        audit.record(
            actor_id=actor_id,
            verb="account.hold_released",
            subject=_subject(account.pk),
            details={"status": account.status},
        )
        if account.status == Account.Status.PENDING_VERIFICATION:
            _send(
                account,
                emails.verify_registration(
                    name=account.full_name,
                    username=account.username,
                    account_number=account.account_number,
                    link=_issue_link(
                        account=account,
                        purpose=AccountToken.Purpose.VERIFY_EMAIL,
                        base_url=base_url,
                        now=now,
                    ),
                ),
                kind="account.verify",
            )
    return account


def reactivate_by_service_center(*, account_id: int, actor_id: int | None) -> Account:
    """The PACER Service Center makes an inactive account active again."""
    now = clock.now()
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account_id)
        if account.status != Account.Status.INACTIVE:
            raise AccountInputInvalid({"status": [f"Account {account.username} is not inactive."]})
        account.status = Account.Status.ACTIVE
        account.last_active_at = now
        account.save(update_fields=["status", "last_active_at"])
        audit.record(
            actor_id=actor_id,
            verb="account.reactivated",
            subject=_subject(account.pk),
            details={"by": "service center"},
        )
    return account


# --- inactivity, filer status ---------------------------------------------------------------


def deactivate_unused_account(*, account_id: int, now: datetime) -> bool:
    with transaction.atomic():
        changed = Account.objects.filter(pk=account_id, status=Account.Status.ACTIVE).update(
            status=Account.Status.INACTIVE
        )
        if changed:
            audit.record(
                actor_id=None,
                verb="account.deactivated_unused",
                subject=_subject(account_id),
                details={"rule": "unused for more than 2 years"},
            )
    return bool(changed)


def deactivate_unused_accounts(*, now: datetime | None = None) -> int:
    """Make every active account unused for more than 2 years inactive; returns how many."""
    now = now or clock.now()
    cutoff = now - rules.INACTIVE_AFTER
    candidates = (
        Account.objects.filter(status=Account.Status.ACTIVE, created_at__lt=cutoff)
        .filter(Q(last_active_at__isnull=True) | Q(last_active_at__lt=cutoff))
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
    )
    count = 0
    for account in candidates.only("pk", "last_active_at", "last_login", "created_at").iterator():
        if rules.is_unused(
            last_active_at=account.last_active_at,
            last_login=account.last_login,
            created_at=account.created_at,
            now=now,
        ) and deactivate_unused_account(account_id=account.pk, now=now):
            count += 1
    return count


def mark_as_filer(*, account_id: int, actor_id: int | None = None) -> datetime:
    """Set ``filer_since`` once (later calls keep the first moment)."""
    now = clock.now()
    with transaction.atomic():
        changed = Account.objects.filter(pk=account_id, filer_since__isnull=True).update(
            filer_since=now
        )
        if changed:
            audit.record(
                actor_id=actor_id,
                verb="account.became_filer",
                subject=_subject(account_id),
                details={},
            )
        since = Account.objects.values_list("filer_since", flat=True).get(pk=account_id)
    assert since is not None
    return since


# --- operator import ------------------------------------------------------------------------


@dataclass(frozen=True)
class LegacyAccountRow:
    """One validated row of a legacy import file."""

    line: int
    account_number: str
    username: str
    first_name: str
    last_name: str
    email: str
    phone: str
    password_hash: str  # already in a Django format
    created_at: datetime


def import_legacy_accounts(
    *, rows: Sequence[LegacyAccountRow], progress: Callable[[int], None] | None = None
) -> int:
    """Create every row as a Legacy PACER Account in one transaction (all or nothing)."""
    now = clock.now()
    with transaction.atomic():
        for row in rows:
            account = Account.objects.create(
                account_number=row.account_number or _create_account_number(),
                username=row.username,
                email=row.email,
                email_verified_at=None,
                first_name=row.first_name,
                last_name=row.last_name,
                phone=row.phone,
                kind=Account.Kind.INDIVIDUAL,
                purpose=Account.Purpose.CASE_SEARCH,
                status=Account.Status.ACTIVE,
                is_upgraded=False,
                created_at=row.created_at,
                # The old system's password age is unknown: the import starts the 180 days.
                password_changed_at=now,
                last_active_at=now,
                password=row.password_hash,
            )
            audit.record(
                actor_id=None,
                verb="account.legacy_imported",
                subject=_subject(account.pk),
                details={"line": row.line, "username": row.username},
            )
            if progress:
                progress(1)
    return len(rows)
