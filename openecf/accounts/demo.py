"""Demo PACER accounts: an upgraded attorney, a legacy attorney, a shared firm account, a
search-only member of the public and an operator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.contrib.auth.hashers import make_password

from openecf.accounts.models import Account
from openecf.core import clock

DEMO_PASSWORD = "Demo-Pacer-Sign-On-2025!"


@dataclass(frozen=True)
class _Login:
    who: str
    username: str
    password: str
    note: str = ""


LOGINS = [
    _Login("Upgraded attorney (filer)", "aattorney1", DEMO_PASSWORD, "attorney filer"),
    _Login("Legacy attorney (not upgraded)", "LA1234", DEMO_PASSWORD, "must upgrade"),
    _Login("Attorney on a shared firm account", "smithfirm1", DEMO_PASSWORD, "search only"),
    _Login("Member of the public", "ppublic01", DEMO_PASSWORD, "case search only"),
    _Login("Operator", "operator01", DEMO_PASSWORD, "is_operator"),
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


def load() -> list:
    """Create the demo accounts once; running again changes nothing."""
    now = clock.now()
    password_hash = ""
    for person in _PEOPLE:
        if Account.objects.filter(username__iexact=person["username"]).exists():
            continue
        password_hash = password_hash or make_password(DEMO_PASSWORD)
        upgraded = person.get("is_upgraded", True)
        Account.objects.create(
            username=person["username"],
            account_number=person["account_number"],
            first_name=person["first_name"],
            last_name=person["last_name"],
            email=person["email"],
            email_verified_at=person["created_at"],
            date_of_birth=person["date_of_birth"],
            phone="816-555-0100",
            street="400 E. 9th Street",
            city="Kansas City",
            state="MO",
            zip_code="64106",
            county="Jackson",
            kind=person.get("kind", Account.Kind.INDIVIDUAL),
            purpose=person["purpose"],
            status=Account.Status.ACTIVE,
            is_upgraded=upgraded,
            upgraded_at=person["created_at"] if upgraded else None,
            is_operator=person.get("is_operator", False),
            created_at=person["created_at"],
            password_changed_at=now,
            last_active_at=now,
            filer_since=person["created_at"] if person.get("filer") else None,
            password=password_hash,
        )
    return LOGINS
