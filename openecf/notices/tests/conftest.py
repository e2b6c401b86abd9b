"""The bar of W.D. Mo.: two court logins not linked yet and one linked attorney."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.tests_support.factories import hashed

WHEN = datetime(2018, 5, 1, tzinfo=UTC)


def court_login(court_id, login, first, last, email, role="attorney", linked=None):
    return CourtLogin.objects.create(
        court_id=court_id,
        login=login,
        password=hashed("Old-Ecf-Pass-7"),
        first_name=first,
        last_name=last,
        email=email,
        role=role,
        created_at=datetime(2012, 1, 1, tzinfo=UTC),
        linked_account=linked,
        linked_at=WHEN if linked else None,
    )


@pytest.fixture
def bar(mowd, attorney):
    """all: 3 people; not_linked: 2; attorneys: 2."""
    court_login("mowd", "uunlinked", "Ursula", "Unlinked", "ursula@lawfirm.example")
    court_login("mowd", "bcreditor", "Bea", "Creditor", "bea@bank.example", role="creditor")
    linked = court_login("mowd", "aattorney", "Alice", "Attorney", attorney.email, linked=attorney)
    FilingPrivilege.objects.create(
        court_id="mowd",
        account=attorney,
        kind="attorney",
        source="linked_login",
        court_login=linked,
        granted_at=WHEN,
    )
    return {
        "all": sorted(["ursula@lawfirm.example", "bea@bank.example", attorney.email]),
        "not_linked": sorted(["ursula@lawfirm.example", "bea@bank.example"]),
        "attorneys": sorted(["ursula@lawfirm.example", attorney.email]),
    }
