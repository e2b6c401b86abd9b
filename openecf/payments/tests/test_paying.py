"""Paying a fee through the sandbox gateway: each test card's outcome, once per purpose_ref."""

from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.core.errors import InputInvalid
from openecf.payments import facade
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
from openecf.payments.tests.conftest import (
    CONFIRMATION_LOST,
    DECLINED,
    EXPIRED_AT_ISSUER,
    GATEWAY_DOWN,
    INSUFFICIENT_FUNDS,
    card,
)

pytestmark = pytest.mark.django_db


def test_the_approved_card_pays_and_records_one_ledger_row_with_the_courts_receipt(
    attorney, pay_fee
):
    payment = pay_fee(attorney)

    intent = PaymentIntent.objects.get()
    assert payment == facade.Payment(
        receipt_number=f"AMOWDC-{intent.pk:07d}",
        amount=Decimal("100.00"),
        court_id="mowd",
        paid_at=intent.paid_at,
        payer_id=attorney.pk,
        purpose="court_fee",
        purpose_ref="ecf.fee:1",
        description="Pro hac vice fee",
        gateway_reference=SandboxCharge.objects.get().reference,
        refunded=Decimal("0.00"),
    )
    row = LedgerEntry.objects.get()
    assert (row.kind, row.amount, row.receipt_number, row.payer_id, row.court_id) == (
        "charge",
        Decimal("100.00"),
        payment.receipt_number,
        attorney.pk,
        "mowd",
    )
    assert facade.payment_for(purpose_ref="ecf.fee:1") == payment


def test_paying_again_for_the_same_fee_answers_the_same_payment_and_charges_once(attorney, pay_fee):
    first = pay_fee(attorney)
    again = pay_fee(attorney, card=card(DECLINED))

    assert again == first
    assert SandboxCharge.objects.count() == 1
    assert LedgerEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (DECLINED, "Your card was declined by the card issuer."),
        (INSUFFICIENT_FUNDS, "Your card was declined: insufficient funds."),
        (EXPIRED_AT_ISSUER, "Your card was declined: the card has expired."),
    ],
)
def test_a_refused_card_is_declined_with_the_gateways_reason_and_charges_nothing(
    attorney, pay_fee, number, reason
):
    with pytest.raises(facade.PaymentDeclined) as refused:
        pay_fee(attorney, card=card(number))

    assert (refused.value.status, refused.value.message) == (402, reason)
    assert not SandboxCharge.objects.exists()
    assert not LedgerEntry.objects.exists()
    assert PaymentIntent.objects.get().state == "failed"
    assert facade.payment_for(purpose_ref="ecf.fee:1") is None


def test_after_a_declined_card_another_card_pays_the_fee(attorney, pay_fee):
    with pytest.raises(facade.PaymentDeclined):
        pay_fee(attorney, card=card(DECLINED))

    payment = pay_fee(attorney)

    assert payment.amount == Decimal("100.00")
    assert list(PaymentIntent.objects.order_by("pk").values_list("idempotency_key", "state")) == [
        ("ecf.fee:1#1", "failed"),
        ("ecf.fee:1#2", "completed"),
    ]


def test_when_the_gateway_is_down_the_payer_is_told_and_nothing_is_charged(attorney, pay_fee):
    with pytest.raises(facade.GatewayUnavailable) as down:
        pay_fee(attorney, card=card(GATEWAY_DOWN))

    assert down.value.status == 503
    assert "nothing was charged" in down.value.message
    assert not SandboxCharge.objects.exists()
    assert PaymentIntent.objects.get().state == "failed"


def test_a_lost_confirmation_is_found_by_idempotency_key_and_charged_once(attorney, pay_fee):
    payment = pay_fee(attorney, card=card(CONFIRMATION_LOST))
    again = pay_fee(attorney, card=card(CONFIRMATION_LOST))

    assert again == payment
    assert SandboxCharge.objects.get().reference == payment.gateway_reference
    assert LedgerEntry.objects.get().receipt_number == payment.receipt_number


def test_a_firms_pacer_administrative_account_can_never_pay_a_court_fee(office_manager, pay_fee):
    for purpose in ("court_fee", "filing_fee"):
        with pytest.raises(facade.PaaCannotPayCourtFees) as refused:
            pay_fee(office_manager, purpose=purpose)
        assert (refused.value.status, refused.value.code, refused.value.message) == (
            403,
            "paa_cannot_pay_court_fees",
            "A PACER Administrative Account manages PACER fees only and cannot pay court "
            "fees: sign in with your individual PACER account.",
        )
    assert not PaymentIntent.objects.exists()
    assert not SandboxCharge.objects.exists()


def test_a_shared_account_cannot_pay_a_court_fee(pay_fee):
    from openecf.tests_support.factories import AccountFactory

    shared = AccountFactory(kind="shared", purpose="case_search")

    with pytest.raises(facade.PaaCannotPayCourtFees):
        pay_fee(shared)
    assert not PaymentIntent.objects.exists()


def test_a_pacer_administrative_account_may_pay_a_pacer_invoice(office_manager, pay_fee):
    payment = pay_fee(office_manager, purpose="pacer_invoice", ref="billing.invoice:7")

    assert payment.purpose == "pacer_invoice"


def test_an_expired_card_is_refused_with_a_clear_message_before_the_gateway(attorney, pay_fee):
    with pytest.raises(facade.PaymentMethodExpired) as refused:
        pay_fee(attorney, card=card(exp_year=2020))

    assert refused.value.status == 422
    assert refused.value.message == (
        "This card has expired: use another card or update the stored payment method."
    )
    assert not PaymentIntent.objects.exists()


def test_a_mistyped_card_is_invalid_input_naming_each_field(attorney, pay_fee):
    with pytest.raises(InputInvalid) as refused:
        pay_fee(attorney, card=card("4111111111111112", cvc="1", name=" "))

    assert refused.value.problems == {
        "number": ["This card number is not valid: check the digits."],
        "cvc": ["Enter the card's 3- or 4-digit security code."],
        "name": ["Enter the name on the card."],
    }
    assert not PaymentIntent.objects.exists()


def test_an_amount_that_is_not_whole_cents_is_refused(attorney, pay_fee):
    with pytest.raises(InputInvalid) as refused:
        pay_fee(attorney, amount=Decimal("10.005"))

    assert refused.value.problems == {"amount": ["The amount must be in whole cents."]}
