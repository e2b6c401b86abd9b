"""Demo PACER accounts: an upgraded attorney, a legacy attorney, a shared firm account, a
search-only member of the public and an operator."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

from django.contrib.auth.hashers import make_password

from openecf.accounts.actions import Address, save_with_new_account_number
from openecf.accounts.models import Account
from openecf.core import clock
from openecf.core.demo import DemoLogin

DEMO_PASSWORD = "Demo-Pacer-Sign-On-2025!"


LOGINS = [
    DemoLogin("Upgraded attorney (filer)", "aattorney1", DEMO_PASSWORD, "attorney filer"),
    DemoLogin("Legacy attorney (not upgraded)", "LA1234", DEMO_PASSWORD, "must upgrade"),
    DemoLogin("Attorney on a shared firm account", "smithfirm1", DEMO_PASSWORD, "search only"),
    DemoLogin("Member of the public", "ppublic01", DEMO_PASSWORD, "case search only"),
    DemoLogin("Operator", "operator01", DEMO_PASSWORD, "is_operator"),
]

_PEOPLE = [
    {
        "username": "aattorney1",
        "account_number": "4000001",
        "first_name": "Alice",
        "last_name": "Attorney",
        "email": "alice.attorney@example.com",
        "purpose": Account.Purpose.ATTORNEY_FILER,
        "date_of_birth": date(1978, 3, 14),
        "created_at": datetime(2016, 2, 1, 15, tzinfo=UTC),
        "filer": True,
    },
    {
        "username": "LA1234",
        "account_number": "4000002",
        "first_name": "Larry",
        "last_name": "Legacy",
        "email": "larry.legacy@example.com",
        "purpose": Account.Purpose.ATTORNEY_FILER,
        "date_of_birth": None,
        "created_at": datetime(2009, 6, 1, 15, tzinfo=UTC),
        "is_upgraded": False,
    },
    {
        "username": "smithfirm1",
        "account_number": "4000003",
        "first_name": "Sam",
        "last_name": "Shared",
        "email": "library@smithfirm.example.com",
        "purpose": Account.Purpose.CASE_SEARCH,
        "kind": Account.Kind.SHARED,
        "date_of_birth": date(1970, 1, 1),
        "created_at": datetime(2017, 9, 5, 15, tzinfo=UTC),
    },
    {
        "username": "ppublic01",
        "account_number": "4000004",
        "first_name": "Pat",
        "last_name": "Public",
        "email": "pat.public@example.com",
        "purpose": Account.Purpose.CASE_SEARCH,
        "date_of_birth": date(1990, 7, 4),
        "created_at": datetime(2021, 4, 12, 15, tzinfo=UTC),
    },
    {
        "username": "operator01",
        "account_number": "4000005",
        "first_name": "Opal",
        "last_name": "Operator",
        "email": "operator@openecf.localhost",
        "purpose": Account.Purpose.CASE_SEARCH,
        "date_of_birth": date(1985, 11, 30),
        "created_at": datetime(2020, 1, 6, 15, tzinfo=UTC),
        "is_operator": True,
    },
]


COURTHOUSE = Address(
    street="400 E. 9th Street", city="Kansas City", state="MO", zip_code="64106", county="Jackson"
)


@cache
def _demo_hash(password: str) -> str:
    """Argon2 is slow: hash each demo password once per run."""
    return make_password(password)


def ensure_demo_account(
    *,
    username: str,
    password: str,
    first_name: str,
    last_name: str,
    email: str,
    purpose: str,
    date_of_birth: date | None,
    account_number: str = "",
    created_at: datetime | None = None,
    phone: str = "816-555-0100",
    address: Address = COURTHOUSE,
    kind: str = Account.Kind.INDIVIDUAL,
    is_upgraded: bool = True,
    is_operator: bool = False,
    filer: bool = False,
) -> Account:
    """The demo account with this username; the first time, it is created active.

    Created with its e-mail verified at ``created_at`` (default: now), upgraded then unless
    ``is_upgraded`` is false, a filer since then if ``filer``, and a free account number unless
    ``account_number`` is given. An existing account is returned unchanged.
    """
    found = Account.objects.filter(username__iexact=username).first()
    if found is not None:
        return found
    now = clock.now()
    created_at = created_at or now
    account = Account(
        username=username,
        account_number=account_number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        email_verified_at=created_at,
        date_of_birth=date_of_birth,
        phone=phone,
        **address.as_stored(),
        kind=kind,
        purpose=purpose,
        status=Account.Status.ACTIVE,
        is_upgraded=is_upgraded,
        upgraded_at=created_at if is_upgraded else None,
        is_operator=is_operator,
        created_at=created_at,
        password_changed_at=now,
        last_active_at=now,
        filer_since=created_at if filer else None,
        password=_demo_hash(password),
    )
    if account_number:
        account.save(force_insert=True)
        return account
    return save_with_new_account_number(account)


def load() -> list:
    """Create the demo accounts once; running again changes nothing."""
    for person in _PEOPLE:
        ensure_demo_account(password=DEMO_PASSWORD, **person)
    return LOGINS


def demo_account(username: str) -> Account | None:
    """The demo account with this username (any case), for the other apps' demo parts."""
    return Account.objects.filter(username__iexact=username).first()


def mark_demo_account_verified(account_id: int) -> None:
    """The demo person has used their e-mailed verification link: the account is active."""
    Account.objects.filter(pk=account_id).update(
        email_verified_at=clock.now(), status=Account.Status.ACTIVE
    )
