"""Factories for e-file registration tests."""

from __future__ import annotations

from datetime import UTC, datetime

import factory

from openecf.registrations import actions
from openecf.registrations.models import RegistrationRequest

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


def submit_request(account, court, **overrides) -> RegistrationRequest:
    """``account`` asks ``court`` for pro hac vice admission in 4:25-cv-00417 (a Kansas bar
    member, terms accepted); ``overrides`` change any argument of ``submit_registration``."""
    values = {
        "kind": "pro_hac_vice",
        "case_number": "4:25-cv-00417",
        "bar_number": "KS-21987",
        "bar_state": "KS",
        "terms_accepted": True,
        **overrides,
    }
    return actions.submit_registration(account=account, court=court, **values)
