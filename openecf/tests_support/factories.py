"""factory_boy factories for every app's tests (never JSON fixtures)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import factory
from django.contrib.auth.hashers import make_password

from openecf.accounts.models import Account
from openecf.courts.models import CourtStaff

DEFAULT_PASSWORD = "Correct-Horse-Battery-9!"
_HASH_CACHE: dict[str, str] = {}


def hashed(password: str) -> str:
    """Argon2 is slow on purpose; hash each test password once per process."""
    if password not in _HASH_CACHE:
        _HASH_CACHE[password] = make_password(password)
    return _HASH_CACHE[password]


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account

    account_number = factory.Sequence(lambda n: f"{3100000 + n:07d}")
    username = factory.Sequence(lambda n: f"user{n:04d}x")
    email = factory.LazyAttribute(lambda a: f"{a.username}@example.com")
    email_verified_at = factory.LazyFunction(lambda: datetime(2024, 1, 2, tzinfo=UTC))
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    date_of_birth = date(1980, 5, 17)
    phone = "816-555-0100"
    street = "400 E. 9th Street"
    city = "Kansas City"
    state = "MO"
    zip_code = "64106"
    county = "Jackson"
    kind = Account.Kind.INDIVIDUAL
    purpose = Account.Purpose.CASE_SEARCH
    status = Account.Status.ACTIVE
    is_upgraded = True
    created_at = factory.LazyFunction(lambda: datetime(2020, 3, 1, tzinfo=UTC))
    upgraded_at = None
    password_changed_at = factory.LazyFunction(lambda: datetime.now(UTC))
    password = factory.LazyFunction(lambda: hashed(DEFAULT_PASSWORD))


class LegacyAccountFactory(AccountFactory):
    username = factory.Sequence(lambda n: f"lp{n:04d}")  # legacy usernames are 6 characters
    is_upgraded = False
    date_of_birth = None
    created_at = factory.LazyFunction(lambda: datetime(2009, 6, 1, tzinfo=UTC))


class CourtStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourtStaff

    role = CourtStaff.Role.CLERK


def court_staff(court, *, role: str, first_name: str, last_name: str) -> Account:
    """A case-search account that works at ``court`` as ``role`` (clerk, judge)."""
    account = AccountFactory(purpose="case_search", first_name=first_name, last_name=last_name)
    CourtStaffFactory(court=court, account=account, role=role)
    return account
