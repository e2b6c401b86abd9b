from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.payments import facade

APPROVED = "4111111111111111"
DECLINED = "4000000000000002"
INSUFFICIENT_FUNDS = "4000000000009995"
EXPIRED_AT_ISSUER = "4000000000000069"
GATEWAY_DOWN = "4000000000000119"
CONFIRMATION_LOST = "4000000000003220"


# The approved card as a form or the API sends it (``card`` makes the facade's Card of it).
APPROVED_CARD = {
    "number": APPROVED,
    "exp_month": 12,
    "exp_year": 2030,
    "cvc": "123",
    "name": "Alice Attorney",
}


def card(number: str = APPROVED, **changes) -> facade.Card:
    return facade.Card(**{**APPROVED_CARD, "number": number, **changes})


def pay_court_fee(payer, ref: str = "ecf.fee:1", **overrides) -> facade.Payment:
    """Pay the $100 pro hac vice fee at W.D. Mo. (``overrides`` change any argument)."""
    arguments = {
        "payer_id": payer.pk,
        "court_id": "mowd",
        "purpose": "court_fee",
        "purpose_ref": ref,
        "description": "Pro hac vice fee",
        "amount": Decimal("100.00"),
        "card": card(),
        **overrides,
    }
    return facade.pay(**arguments)


def begin_court_fee(payer, ref: str = "ecf.fee:1") -> facade.HostedCheckout:
    """Send ``payer`` to the hosted page to pay the same $100 fee as ``pay_court_fee``."""
    return facade.begin_hosted(
        payer_id=payer.pk,
        court_id="mowd",
        purpose="court_fee",
        purpose_ref=ref,
        description="Pro hac vice fee",
        amount=Decimal("100.00"),
        return_url="http://ecf.example/back/",
        cancel_url="http://ecf.example/cancel/",
    )


@pytest.fixture
def pay_fee(mowd):
    """``pay_fee(payer, ref="ecf.fee:1", **overrides)``: ``pay_court_fee`` once the courts exist."""
    return pay_court_fee


def refund(payment, clerk, amount: str = "100.00", reason: str = "Duplicate payment"):
    """The court's clerk refunds ``amount`` of ``payment``."""
    return facade.refund(
        receipt_number=payment.receipt_number,
        amount=Decimal(amount),
        reason=reason,
        by_account_id=clerk.pk,
    )
