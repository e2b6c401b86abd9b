"""The bar of W.D. Mo.: two court logins not linked yet and one linked attorney."""

from __future__ import annotations

import pytest

from openecf.ecf.factories import CourtLoginFactory, LinkedCourtLoginFactory


@pytest.fixture
def bar(mowd, attorney):
    """all: 3 people; not_linked: 2; attorneys: 2."""
    for login, first_name, last_name, email, role in [
        ("uunlinked", "Ursula", "Unlinked", "ursula@lawfirm.example", "attorney"),
        ("bcreditor", "Bea", "Creditor", "bea@bank.example", "creditor"),
    ]:
        CourtLoginFactory(court=mowd, login=login, first_name=first_name, last_name=last_name,
                          email=email, role=role)  # fmt: skip
    LinkedCourtLoginFactory(court=mowd, login="aattorney", linked_account=attorney)
    return {
        "all": sorted(["ursula@lawfirm.example", "bea@bank.example", attorney.email]),
        "not_linked": sorted(["ursula@lawfirm.example", "bea@bank.example"]),
        "attorneys": sorted(["ursula@lawfirm.example", attorney.email]),
    }
