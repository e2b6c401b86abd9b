"""The bar of W.D. Mo.: two court logins not linked yet and one linked attorney."""

from __future__ import annotations

import pytest

from openecf.ecf.factories import CourtLoginFactory, LinkedCourtLoginFactory


@pytest.fixture
def bar(mowd, attorney):
    """all: 3 people; not_linked: 2; attorneys: 2."""
    CourtLoginFactory(
        court=mowd,
        login="uunlinked",
        first_name="Ursula",
        last_name="Unlinked",
        email="ursula@lawfirm.example",
    )
    CourtLoginFactory(
        court=mowd,
        login="bcreditor",
        first_name="Bea",
        last_name="Creditor",
        email="bea@bank.example",
        role="creditor",
    )
    LinkedCourtLoginFactory(court=mowd, login="aattorney", linked_account=attorney)
    return {
        "all": sorted(["ursula@lawfirm.example", "bea@bank.example", attorney.email]),
        "not_linked": sorted(["ursula@lawfirm.example", "bea@bank.example"]),
        "attorneys": sorted(["ursula@lawfirm.example", attorney.email]),
    }
