"""What other apps may ask of PACER accounts (signon, firms and the court apps import this).

Only plain frozen dataclasses and simple values cross this boundary, except
``authenticate``'s ``SignOnCheck.account``, which signon needs to start a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.db.models import F

from openecf.accounts import rules
from openecf.accounts.errors import LegacyAccountMustUpgrade, UsernameTaken
from openecf.accounts.models import Account
from openecf.accounts.rules import password_problems, username_problems
from openecf.core import clock
from openecf.core.records import copy_of, one_or_none

__all__ = [
    "AccountKind",
    "AccountPurpose",
    "AccountSummary",
    "Person",
    "SignOnCheck",
    "SignOnRefusal",
    "UsernameTaken",
    "account_summary",
    "authenticate",
    "can_file_or_link",
    "count_mfa_skip",
    "count_request",
    "create_administrative_account",
    "is_filer",
    "issue_email_verification",
    "lock_person",
    "lock_person_by_number",
    "mark_as_filer",
    "password_expired",
    "password_problems",
    "people",
    "person",
    "person_by_username",
    "person_of",
    "require_upgraded",
    "username_problems",
]

FILER_PURPOSES = {Account.Purpose.ATTORNEY_FILER, Account.Purpose.NON_ATTORNEY_FILER}
REACTIVATE_URL = "/account/reactivate/"


def is_filer(account: Account) -> bool:
    """Registered as a filer or has gained a way to file; never shared or administrative."""
    if account.kind != Account.Kind.INDIVIDUAL:
        return False
    return account.purpose in FILER_PURPOSES or account.filer_since is not None


def can_file_or_link(account: Account) -> str | None:
    """None when the account may file or link a court login; otherwise the reason why not."""
    if account.kind == Account.Kind.SHARED:
        return (
            "A shared PACER account (used by more than one person) can search but can never "
            "file or link a court login. Each filer needs an individual, upgraded PACER account."
        )
    if account.kind == Account.Kind.ADMINISTRATIVE:
        return (
            "A PACER Administrative Account cannot search, file or link a court login. "
            "Sign in with your individual PACER account."
        )
    if account.is_legacy:
        return (
            "This is a Legacy PACER Account: upgrade it in Manage My Account "
            "(/account/upgrade/) before filing or linking a court login."
        )
    if account.status != Account.Status.ACTIVE:
        return (
            "This PACER account is not active. Reactivate it at /account/reactivate/ "
            "before filing or linking a court login."
        )
    return None


LEGACY_MMA_MESSAGE = (
    "A Legacy PACER Account can only make payments and upgrade in Manage My Account. "
    "Upgrade your account first: /account/upgrade/"
)


def require_upgraded(account: Account) -> Account:
    """Manage My Account pages other than payments and upgrade are for upgraded accounts."""
    if account.is_legacy:
        raise LegacyAccountMustUpgrade(LEGACY_MMA_MESSAGE)
    return account


def mark_as_filer(*, account_id: int, actor_id: int | None = None) -> datetime:
    """Record when the person first gained a way to file (set once; later calls keep it)."""
    from openecf.accounts import actions

    return actions.mark_as_filer(account_id=account_id, actor_id=actor_id)


def issue_email_verification(*, account_id: int) -> str:
    """A new single-use link (48 hours) that verifies the account's e-mail address.

    Call inside your own action's transaction; that action audits and sends the e-mail.
    """
    from openecf.accounts import actions

    return actions.issue_email_verification(account=Account.objects.get(pk=account_id))


def create_administrative_account(
    *,
    username: str,
    password: str,
    email: str,
    first_name: str,
    last_name: str,
    phone: str,
    now: datetime,
) -> Person:
    """A new PACER Administrative Account (pending e-mail verification) under a free number.

    Raises ``UsernameTaken``. Call inside your own action's transaction; it audits and e-mails
    (``issue_email_verification`` gives the link).
    """
    from openecf.accounts import actions

    return person_of(
        actions.create_administrative_account(
            username=username,
            password=password,
            email=email,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            now=now,
        )
    )


def password_expired(account: Account, now: datetime) -> bool:
    """A password older than 180 days must be changed at the next sign-on (/account/password/)."""
    return rules.password_expired(
        password_changed_at=account.password_changed_at, created_at=account.created_at, now=now
    )


class SignOnRefusal:
    """Why ``authenticate`` said no (``SignOnCheck.refusal``)."""

    BAD_CREDENTIALS = "bad_credentials"
    PENDING_VERIFICATION = "pending_verification"
    REVIEW_HOLD = "review_hold"
    INACTIVE = "inactive"
    DISABLED = "disabled"


_REFUSAL_MESSAGES = {
    SignOnRefusal.BAD_CREDENTIALS: "Invalid username or password.",
    SignOnRefusal.PENDING_VERIFICATION: (
        "Verify your e-mail first: use the link in the e-mail we sent when you registered."
    ),
    SignOnRefusal.REVIEW_HOLD: (
        "Your registration is on hold for review by the PACER Service Center because it "
        "matches an existing account."
    ),
    SignOnRefusal.INACTIVE: (
        "Your account is inactive because it was not used for more than 2 years — "
        f"reactivate it at {REACTIVATE_URL}."
    ),
    SignOnRefusal.DISABLED: (
        "Your account has been disabled by the PACER Service Center. Contact the PACER "
        "Service Center."
    ),
}

_STATUS_REFUSALS = {
    Account.Status.PENDING_VERIFICATION: SignOnRefusal.PENDING_VERIFICATION,
    Account.Status.REVIEW_HOLD: SignOnRefusal.REVIEW_HOLD,
    Account.Status.INACTIVE: SignOnRefusal.INACTIVE,
    Account.Status.DISABLED: SignOnRefusal.DISABLED,
}


@dataclass(frozen=True)
class SignOnCheck:
    """The answer to "are these a good username and password?".

    ``account`` is set only when the sign-on may go ahead. ``account_id`` names the account
    the username belongs to even when refused, so signon can write a failure row on it.
    """

    account: Account | None
    account_id: int | None = None
    refusal: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.account is not None and not self.refusal


_DUMMY_HASH: list[str] = []


def _burn_time(password: str) -> None:
    """Hash anyway when the username is unknown, so timing does not reveal which usernames exist."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(make_password("dummy password for timing"))
    from django.contrib.auth.hashers import check_password

    check_password(password, _DUMMY_HASH[0])


def _password_matches(account: Account, password: str) -> bool:
    try:
        # Django upgrades an older hash (pbkdf2, bcrypt, md5 ...) to Argon2id on success.
        return account.check_password(password)
    except ValueError:  # e.g. bcrypt refuses passwords over 72 bytes
        return False


def authenticate(username: str, password: str, *, now: datetime | None = None) -> SignOnCheck:
    """Check a username (any case) and password; refuse unverified, held or inactive accounts.

    On success, ``last_login`` is set to now. (Accounts unused for more than 2 years are made
    inactive by ``openecf accounts deactivate-unused``; they are then refused here with the
    reactivation message.)
    """
    now = now or clock.now()
    account = Account.objects.filter(username__iexact=(username or "").strip()).first()
    if account is None or not password:
        _burn_time(password or "")
        return _refused(None, SignOnRefusal.BAD_CREDENTIALS)
    if not _password_matches(account, password):
        return _refused(account.pk, SignOnRefusal.BAD_CREDENTIALS)
    refusal = _STATUS_REFUSALS.get(account.status)  # type: ignore[call-overload]
    if refusal:
        return _refused(account.pk, refusal)
    Account.objects.filter(pk=account.pk).update(last_login=now)
    account.last_login = now
    return SignOnCheck(account=account, account_id=account.pk)


def _refused(account_id: int | None, refusal: str) -> SignOnCheck:
    return SignOnCheck(
        account=None, account_id=account_id, refusal=refusal, message=_REFUSAL_MESSAGES[refusal]
    )


@dataclass(frozen=True)
class AccountSummary:
    id: int
    account_number: str
    username: str
    full_name: str
    first_name: str
    last_name: str
    email: str
    account_type_label: str
    kind: str
    purpose: str
    status: str
    is_upgraded: bool
    is_operator: bool


def account_summary(account: Account) -> AccountSummary:
    return copy_of(AccountSummary, account)


@dataclass(frozen=True)
class Person:
    """A PACER account as other apps see it: a plain copy, never the model."""

    id: int
    account_number: str
    username: str
    first_name: str
    last_name: str
    email: str
    phone: str
    kind: str
    purpose: str
    status: str
    is_upgraded: bool
    filer_since: datetime | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def person_of(account: Account) -> Person:
    return copy_of(Person, account)


def person(*, account_id: int) -> Person | None:
    found = one_or_none(Account.objects.filter(pk=account_id))
    return person_of(found) if found is not None else None


def people(*, account_ids: list[int]) -> dict[int, Person]:
    """Several accounts in one query, by id (missing ids are left out)."""
    return {a.pk: person_of(a) for a in Account.objects.filter(pk__in=account_ids)}


def person_by_username(*, username: str) -> Person | None:
    """The account with this username (any case), or None."""
    found = Account.objects.filter(username__iexact=(username or "").strip()).first()
    return person_of(found) if found is not None else None


AccountKind = Account.Kind  # individual, shared, administrative (str values)
AccountPurpose = Account.Purpose  # attorney_filer, non_attorney_filer, case_search, ...


def lock_person(*, account_id: int) -> Person | None:
    """Hold the account's row until the caller's transaction ends (call inside ``atomic``)."""
    found = Account.objects.select_for_update().filter(pk=account_id).first()
    return person_of(found) if found is not None else None


def lock_person_by_number(*, account_number: str) -> Person | None:
    """The account with this account number, its row held until the transaction ends."""
    found = Account.objects.select_for_update().filter(account_number=account_number).first()
    return person_of(found) if found is not None else None


def count_request(*, kind: str, email: str, source_address: str | None) -> None:
    """Count a registration-like request per e-mail (5 an hour) and source (20); ``Throttled``."""
    from openecf.accounts import actions

    actions.count_request(kind=kind, email=email, source_address=source_address)


def count_mfa_skip(*, account_id: int) -> int:
    """Count one skipped MFA enrolment on the account (call inside your action's transaction);
    returns how many skips the account has now used."""
    Account.objects.filter(pk=account_id).update(mfa_skips_used=F("mfa_skips_used") + 1)
    return Account.objects.filter(pk=account_id).values_list("mfa_skips_used", flat=True).get()
