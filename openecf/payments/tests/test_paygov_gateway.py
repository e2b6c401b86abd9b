"""The pay.gov adapter against a fake pay.gov on loopback: a real HTTP server, no mocks."""

from __future__ import annotations

import urllib.parse
import urllib.request
from decimal import Decimal

import pytest

from openecf.payments import facade
from openecf.payments.gateways import ChargeOrder, gateway
from openecf.payments.models import LedgerEntry, PaymentIntent
from openecf.payments.tests import fake_paygov
from openecf.payments.tests.conftest import (
    CONFIRMATION_LOST,
    DECLINED,
    GATEWAY_DOWN,
    INSUFFICIENT_FUNDS,
    card,
    refund,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def paygov(settings):
    """The fake pay.gov, and the settings that make it the gateway: ``books``."""
    with fake_paygov.as_the_gateway(settings) as books:
        yield books


def test_an_approved_card_is_collected_in_the_three_pay_gov_steps(attorney, pay_fee, paygov):
    payment = pay_fee(attorney)

    assert paygov.calls == ["startOnlineCollection", "pay", "completeOnlineCollection"]
    [capture] = paygov.captures()
    assert capture["agency_tracking_id"] == "ecf.fee:1#1"
    assert capture["transaction_amount"] == "100.00"
    assert payment.gateway_reference == capture["paygov_tracking_id"]
    assert LedgerEntry.objects.get().gateway_reference == capture["paygov_tracking_id"]


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (DECLINED, "Your card was declined by the card issuer."),
        (INSUFFICIENT_FUNDS, "Your card was declined: insufficient funds."),
    ],
)
def test_a_card_pay_gov_refuses_is_declined_with_its_reason(
    attorney, pay_fee, paygov, number, reason
):
    with pytest.raises(facade.PaymentDeclined) as refused:
        pay_fee(attorney, card=card(number))

    assert refused.value.message == reason
    assert paygov.captures() == []
    assert PaymentIntent.objects.get().state == "failed"


def test_when_pay_gov_does_not_answer_nothing_is_charged(attorney, pay_fee, paygov):
    with pytest.raises(facade.GatewayUnavailable):
        pay_fee(attorney, card=card(GATEWAY_DOWN))

    assert paygov.captures() == []
    assert paygov.calls[-1] == "getDetails"
    assert PaymentIntent.objects.get().state == "failed"


def test_a_lost_pay_gov_answer_is_found_by_agency_tracking_id_and_charged_once(
    attorney, pay_fee, paygov
):
    payment = pay_fee(attorney, card=card(CONFIRMATION_LOST))
    again = pay_fee(attorney, card=card(CONFIRMATION_LOST))

    assert again == payment
    [capture] = paygov.captures()
    assert payment.gateway_reference == capture["paygov_tracking_id"]
    assert paygov.calls.count("completeOnlineCollection") == 1


def test_a_stored_pay_gov_token_pays_without_the_hosted_page(attorney, pay_fee, paygov):
    from openecf.payments import actions

    method = actions.add_payment_method(account_id=attorney.pk, nickname="Office", card=card())
    payment = pay_fee(attorney, card=None, method_id=method.pk)

    assert method.token.startswith("pgt_")
    assert "pay" not in paygov.calls
    assert payment.receipt_number.startswith("AMOWDC-")


def test_a_refund_goes_to_pay_gov_once(attorney, clerk, pay_fee, paygov):
    payment = pay_fee(attorney)

    refunded = refund(payment, clerk, "40.00", "Paid twice")

    assert refunded.refunded == Decimal("40.00")
    [given] = [t for t in paygov.transactions.values() if t["kind"] == "refund"]
    assert given["refunded_tracking_id"] == payment.gateway_reference
    assert given["transaction_amount"] == "40.00"


def test_the_hosted_page_sends_the_payer_back_with_the_token_to_complete(attorney, paygov):
    hosted = gateway().start_hosted(  # type: ignore[attr-defined]
        ChargeOrder(idempotency_key="ecf.fee:9#1", amount=Decimal("199.00"), description="Fee"),
        url_success="http://ecf.example/payments/paygov/return/",
        url_cancel="http://ecf.example/cancelled/",
    )
    page = urllib.request.urlopen(hosted.redirect_url, timeout=5).read().decode()  # noqa: S310
    assert '<form method="post" action="/pay">' in page

    form = {"token": hosted.token, "card_number": "4111111111111111", "exp_month": "12"}
    no_redirect = urllib.request.build_opener(_Stop)
    with pytest.raises(urllib.error.HTTPError) as back:
        no_redirect.open(
            urllib.request.Request(
                hosted.redirect_url.split("?")[0], data=urllib.parse.urlencode(form).encode()
            ),
            timeout=5,
        )
    assert back.value.code == 303
    assert back.value.headers["Location"] == (
        f"http://ecf.example/payments/paygov/return/?token={hosted.token}"
    )
    charge = gateway().complete_hosted(token=hosted.token)  # type: ignore[attr-defined]
    assert charge.amount == Decimal("199.00")


class _Stop(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
