"""Pay now with the pay.gov gateway: our page sends the person to pay.gov's hosted page, and
the return page completes the payment on our server, once.

The whole flow runs through Django's test client for our pages and real HTTP to the fake
pay.gov on loopback (``payments/tests/fake_paygov.py``) for pay.gov's page, as a browser
would: no mock of our code.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest

from openecf.core.models import AuditEvent
from openecf.ecf.factories import CourtFeeOwedFactory
from openecf.ecf.models import CourtFeeOwed
from openecf.payments import ledger_check
from openecf.payments.models import PaymentIntent
from openecf.payments.tests import fake_paygov
from openecf.payments.tests.conftest import (  # the sandbox's test cards
    APPROVED,
    CONFIRMATION_LOST,
    DECLINED,
    EXPIRED_AT_ISSUER,
    GATEWAY_DOWN,
    INSUFFICIENT_FUNDS,
)

PAA_REFUSAL = (
    "A PACER Administrative Account manages PACER fees only and cannot pay court fees: "
    "sign in with your individual PACER account."
)


@pytest.fixture
def paygov(settings):
    with fake_paygov.as_the_gateway(settings) as books:
        yield books


@pytest.fixture
def fee(attorney, mowd):
    return CourtFeeOwedFactory(court=mowd, account=attorney)


class _Stop(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _press_pay_now(client, fee, paygov) -> str:
    """Our pay page's "Pay now" with "a card": the pay.gov address it sends the browser to."""
    response = client.post(f"/account/fees/{fee.pk}/pay/", {"method": "card"})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"].startswith(f"{paygov.url}/pay?token=")
    return response["Location"]


def _at_paygov(address: str, number: str = APPROVED, *, cancel: bool = False) -> str:
    """On pay.gov's page (real HTTP): type the card and continue, or cancel. The path of ours
    that pay.gov sends the browser back to."""
    page = urllib.request.urlopen(address, timeout=5).read().decode()  # noqa: S310
    assert '<form method="post" action="/pay">' in page
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(address).query)["token"][0]
    form = {
        "token": token,
        "name_on_card": "Alice Attorney",
        "card_number": number,
        "exp_month": "12",
        "exp_year": "2030",
        "cvc": "123",
    }
    if cancel:
        form["cancel"] = "1"
    request = urllib.request.Request(  # noqa: S310 - loopback
        address.split("?")[0], data=urllib.parse.urlencode(form).encode()
    )
    with pytest.raises(urllib.error.HTTPError) as back:
        urllib.request.build_opener(_Stop).open(request, timeout=5)
    assert back.value.code == 303
    location = back.value.headers["Location"]
    assert location.startswith("http://testserver/account/fees/")
    return location.removeprefix("http://testserver")


def _token(address: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(address).query)["token"][0]


def test_pay_now_goes_to_pay_gov_and_comes_back_to_the_receipt(attorney, fee, signed_in, paygov):
    client = signed_in(attorney)
    page = client.get(f"/account/fees/{fee.pk}/pay/").content.decode()

    back = _at_paygov(_press_pay_now(client, fee, paygov))
    response = client.get(back)

    fee.refresh_from_db()
    assert 'name="number"' not in page and "Pay.gov" in page  # no card field on our page
    assert back.startswith(f"/account/fees/{fee.pk}/pay/return/?token=")
    assert response.status_code == 302
    assert response["Location"] == f"/payments/receipts/{fee.receipt_number}/"
    assert fee.receipt_number.startswith("AMOWDC-")
    receipt = client.get(response["Location"]).content.decode()
    assert fee.receipt_number in receipt and "100.00" in receipt
    [capture] = paygov.captures()
    assert capture["agency_tracking_id"] == f"ecf.fee:{fee.pk}#1"
    assert paygov.calls.count("completeOnlineCollection") == 1
    assert AuditEvent.objects.filter(verb="fee.paid").count() == 1
    assert ledger_check.check() == []


def test_coming_back_twice_answers_the_same_receipt_and_completes_once(
    attorney, fee, signed_in, paygov
):
    client = signed_in(attorney)
    back = _at_paygov(_press_pay_now(client, fee, paygov))

    first = client.get(back)
    second = client.get(back)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert paygov.calls.count("completeOnlineCollection") == 1
    assert len(paygov.captures()) == 1
    assert PaymentIntent.objects.get().state == "completed"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (DECLINED, "Your card was declined by the card issuer."),
        (INSUFFICIENT_FUNDS, "Your card was declined: insufficient funds."),
        (EXPIRED_AT_ISSUER, "Your card was declined: the card has expired."),
    ],
)
def test_a_card_pay_gov_declines_shows_the_reason_and_another_card_may_pay(
    attorney, fee, signed_in, paygov, number, reason
):
    client = signed_in(attorney)

    declined = client.get(_at_paygov(_press_pay_now(client, fee, paygov), number))

    assert declined.status_code == 400
    assert reason in declined.content.decode()
    assert 'data-testid="refusal"' in declined.content.decode()
    assert paygov.captures() == []
    assert CourtFeeOwed.objects.get(pk=fee.pk).paid_at is None

    paid = client.get(_at_paygov(_press_pay_now(client, fee, paygov)))

    assert paid.status_code == 302
    [capture] = paygov.captures()
    assert capture["agency_tracking_id"] == f"ecf.fee:{fee.pk}#2"
    assert ledger_check.check() == []


def test_cancel_on_pay_gov_charges_nothing_and_offers_pay_now_again(
    attorney, fee, signed_in, paygov
):
    client = signed_in(attorney)
    address = _press_pay_now(client, fee, paygov)

    back = _at_paygov(address, cancel=True)
    cancelled = client.get(back)
    page = client.get(cancelled["Location"])
    late = client.get(f"/account/fees/{fee.pk}/pay/return/?token={_token(address)}")

    assert back.startswith(f"/account/fees/{fee.pk}/pay/cancel/?token=")
    assert cancelled["Location"] == f"/account/fees/{fee.pk}/pay/?cancelled=1"
    assert "You cancelled on Pay.gov" in page.content.decode()
    assert late.status_code == 400
    assert "nothing was charged" in late.content.decode()
    assert "completeOnlineCollection" not in paygov.calls
    assert PaymentIntent.objects.get().failure_code == "cancelled"
    assert CourtFeeOwed.objects.get(pk=fee.pk).paid_at is None
    assert ledger_check.check() == []


def test_an_expired_pay_gov_token_charges_nothing_and_says_so(attorney, fee, signed_in, paygov):
    client = signed_in(attorney)
    address = _press_pay_now(client, fee, paygov)
    back = _at_paygov(address)
    paygov.expire(_token(address))

    response = client.get(back)

    assert response.status_code == 400
    assert fake_paygov.EXPIRED in response.content.decode()
    assert paygov.captures() == []
    assert PaymentIntent.objects.get().state == "failed"
    assert client.get(_at_paygov(_press_pay_now(client, fee, paygov))).status_code == 302
    assert len(paygov.captures()) == 1


def test_when_pay_gov_does_not_answer_the_completion_nothing_is_charged(
    attorney, fee, signed_in, paygov
):
    client = signed_in(attorney)

    response = client.get(_at_paygov(_press_pay_now(client, fee, paygov), GATEWAY_DOWN))

    assert response.status_code == 400
    assert "nothing was charged" in response.content.decode()
    assert paygov.captures() == []
    assert paygov.calls[-1] == "getDetails"
    assert PaymentIntent.objects.get().state == "failed"


def test_a_lost_completion_answer_is_found_by_tracking_id_and_charged_once(
    attorney, fee, signed_in, paygov
):
    client = signed_in(attorney)
    back = _at_paygov(_press_pay_now(client, fee, paygov), CONFIRMATION_LOST)

    response = client.get(back)
    again = client.get(back)

    fee.refresh_from_db()
    assert response["Location"] == again["Location"] == f"/payments/receipts/{fee.receipt_number}/"
    assert len(paygov.captures()) == 1
    assert paygov.calls.count("completeOnlineCollection") == 1
    assert ledger_check.check() == []


def test_a_page_left_on_pay_gov_is_abandoned_by_a_new_pay_now_and_never_charged(
    attorney, fee, signed_in, paygov
):
    client = signed_in(attorney)
    first = _press_pay_now(client, fee, paygov)  # the first tab, left on pay.gov
    second = _press_pay_now(client, fee, paygov)

    first_back = client.get(_at_paygov(first))
    second_back = client.get(_at_paygov(second))

    assert first_back.status_code == 400
    assert "nothing was charged here" in first_back.content.decode()
    assert second_back.status_code == 302
    [capture] = paygov.captures()
    assert capture["agency_tracking_id"] == f"ecf.fee:{fee.pk}#2"
    assert paygov.calls.count("completeOnlineCollection") == 1
    assert ledger_check.check() == []


def test_someone_elses_return_token_looks_missing_and_charges_nothing(
    attorney, fee, signed_in, paygov, legacy_attorney
):
    back = _at_paygov(_press_pay_now(signed_in(attorney), fee, paygov))

    assert signed_in(legacy_attorney).get(back).status_code == 404
    assert signed_in(attorney).get(back.replace("token=", "token=x")).status_code == 404
    assert "completeOnlineCollection" not in paygov.calls
    assert PaymentIntent.objects.get().state == "pending"


def test_the_firms_paa_is_refused_before_pay_gov_hears_of_it(
    office_manager, fee, signed_in, paygov
):
    response = signed_in(office_manager).post(f"/account/fees/{fee.pk}/pay/", {"method": "card"})

    assert response.status_code == 400
    assert PAA_REFUSAL in response.content.decode()
    assert paygov.calls == []
    assert not PaymentIntent.objects.exists()


def test_the_pay_page_may_send_its_form_on_to_pay_gov(attorney, fee, signed_in, paygov):
    policy = signed_in(attorney).get(f"/account/fees/{fee.pk}/pay/")["Content-Security-Policy"]

    assert f"form-action 'self' {paygov.url}" in policy
