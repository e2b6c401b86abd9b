"""Factories for e-file registration tests."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.registrations.models import RegistrationRequest
from openecf.tests_support.factories import hashed

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class RegistrationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationRequest

    kind = RegistrationRequest.Kind.EFILE_REGISTRATION
    status = RegistrationRequest.Status.SUBMITTED
    bar_number = factory.Sequence(lambda n: f"MO-{60000 + n}")
    bar_state = "MO"
    terms_accepted_at = factory.LazyFunction(lambda: datetime(2026, 1, 5, tzinfo=UTC))
    submitted_at = factory.LazyFunction(lambda: datetime(2026, 1, 5, tzinfo=UTC))
    updated_at = factory.LazyFunction(lambda: datetime(2026, 1, 5, tzinfo=UTC))


class CourtLoginFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourtLogin

    login = factory.Sequence(lambda n: f"reg{n:04d}")
    password = factory.LazyFunction(lambda: hashed("Old-Ecf-Pass-7"))
    first_name = "Alice"
    last_name = "Attorney"
    email = factory.LazyAttribute(lambda o: f"{o.login}@lawfirm.example")
    role = CourtLogin.Role.ATTORNEY
    created_at = factory.LazyFunction(lambda: datetime(2015, 1, 5, tzinfo=UTC))


class FilingPrivilegeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FilingPrivilege

    kind = FilingPrivilege.Kind.ATTORNEY
    source = FilingPrivilege.Source.APPROVED_REQUEST
    granted_at = factory.LazyFunction(lambda: datetime(2018, 5, 1, tzinfo=UTC))
