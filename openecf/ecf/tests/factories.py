"""Factories for the court side's tests."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.tests_support.factories import hashed

COURT_PASSWORD = "Old-Ecf-Pass-7"


class CourtLoginFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourtLogin

    login = factory.Sequence(lambda n: f"ecf{n:04d}")
    password = factory.LazyFunction(lambda: hashed(COURT_PASSWORD))
    first_name = "Eve"
    last_name = factory.Sequence(lambda n: f"Filer{n}")
    email = factory.LazyAttribute(lambda o: f"{o.login}@lawfirm.example")
    bar_id = factory.Sequence(lambda n: f"{50000 + n}")
    bar_state = "MO"
    role = CourtLogin.Role.ATTORNEY
    case_count = 12
    created_at = factory.LazyFunction(lambda: datetime(2015, 1, 5, tzinfo=UTC))


class FilingPrivilegeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FilingPrivilege

    kind = FilingPrivilege.Kind.ATTORNEY
    source = FilingPrivilege.Source.APPROVED_REQUEST
    granted_at = factory.LazyFunction(lambda: datetime(2018, 5, 1, tzinfo=UTC))
