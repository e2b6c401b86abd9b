from __future__ import annotations

import pytest

from openecf.ecf.factories import CourtLoginFactory
from openecf.payments.tests.conftest import APPROVED_CARD


@pytest.fixture
def mowd_login(mowd):
    """An attorney's unlinked CM/ECF login at W.D. Mo."""
    return CourtLoginFactory(
        court=mowd,
        login="aatty",
        first_name="Alice",
        last_name="Attorney",
        email="alice.old@lawfirm.example",
        bar_id="51234",
        case_count=37,
    )


@pytest.fixture
def moed(courts):
    """A court with no NextGen go-live scheduled."""
    from openecf.courts.models import Court

    court = Court.objects.get(pk="moed")
    assert court.nextgen_go_live is None
    return court


SANDBOX_CARD = APPROVED_CARD


def pay_through_payments(fee):
    """Pay ``fee`` with the sandbox's approved card as ecf would, but stop before marking it."""
    from openecf.payments import facade as payments

    return payments.pay(
        payer_id=fee.account_id,
        court_id=fee.court_id,
        purpose="court_fee",
        purpose_ref=f"ecf.fee:{fee.pk}",
        description="Pro hac vice fee, W.D. Mo.",
        amount=fee.amount,
        card=payments.Card(**SANDBOX_CARD),
    )
