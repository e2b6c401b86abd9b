"""Internet payments due: a person sees what they owe and pays it once, with a receipt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.ecf.factories import CourtFeeOwedFactory
from openecf.ecf.models import CourtFeeOwed
from openecf.ecf.tests.conftest import SANDBOX_CARD, pay_through_payments
from openecf.payments import facade as payments
from openecf.tests_support.api import bearer_token, call

APPROVED = SANDBOX_CARD
DECLINED = {**APPROVED, "number": "4000000000000002"}
PAA_REFUSAL = (
    "A PACER Administrative Account manages PACER fees only and cannot pay court fees: "
    "sign in with your individual PACER account."
)


@pytest.fixture
def fee(attorney, mowd):
    return CourtFeeOwedFactory(court=mowd, account=attorney)


def _pay(token: str, fee_id: int, body: dict, key: str = "key-1"):
    return Client().post(
        f"/api/v1/me/fees-due/{fee_id}/payment",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def test_the_api_lists_what_the_person_owes_at_every_court(attorney, fee, mowd, courts):
    CourtFeeOwedFactory(
        court_id="ksd",
        account=attorney,
        kind="attorney_admission",
        amount=Decimal("199.00"),
        due_on=date(2026, 12, 1),
    )
    CourtFeeOwedFactory(
        court=mowd, account=attorney, paid_at=fee.created_at, receipt_number="AMOWDC-0000001"
    )

    response = call(Client(), "GET", "/api/v1/me/fees-due", token=bearer_token(attorney))

    assert response.status_code == 200
    assert response.json() == {
        "fees": [
            {
                "id": fee.pk,
                "court_id": "mowd",
                "kind": "pro_hac_vice",
                "amount": "100.00",
                "due_on": "2026-11-30",
            },
            {
                "id": fee.pk + 1,
                "court_id": "ksd",
                "kind": "attorney_admission",
                "amount": "199.00",
                "due_on": "2026-12-01",
            },
        ]
    }


def test_paying_with_a_card_marks_the_fee_paid_and_answers_the_receipt(attorney, fee):
    response = _pay(bearer_token(attorney), fee.pk, {"card": APPROVED})

    assert response.status_code == 201
    body = response.json()
    fee.refresh_from_db()
    assert body == {
        "receipt_number": fee.receipt_number,
        "amount": "100.00",
        "court_id": "mowd",
        "paid_at": body["paid_at"],
    }
    assert fee.receipt_number.startswith("AMOWDC-")
    assert fee.paid_at is not None
    event = AuditEvent.objects.get(verb="fee.paid")
    assert (event.chain, event.actor_id, event.details["receipt_number"]) == (
        "mowd",
        attorney.pk,
        fee.receipt_number,
    )
    payment = payments.payment_for(purpose_ref=f"ecf.fee:{fee.pk}")
    assert (payment.amount, payment.payer_id, payment.purpose) == (
        Decimal("100.00"),
        attorney.pk,
        "court_fee",
    )


def test_a_repeat_answers_the_same_receipt_and_charges_once(attorney, fee):
    token = bearer_token(attorney)
    first = _pay(token, fee.pk, {"card": APPROVED}).json()
    again = _pay(token, fee.pk, {"card": APPROVED})
    other_key = _pay(token, fee.pk, {"card": APPROVED}, key="key-2")

    assert (again.status_code, again.json()) == (201, first)
    assert other_key.json() == first
    assert AuditEvent.objects.filter(verb="fee.paid").count() == 1


def test_a_declined_card_answers_402_with_the_gateways_reason_and_leaves_the_fee_due(attorney, fee):
    response = _pay(bearer_token(attorney), fee.pk, {"card": DECLINED})

    assert response.status_code == 402
    assert response.json()["error"]["code"] == "payment_declined"
    fee.refresh_from_db()
    assert (fee.paid_at, fee.receipt_number) == (None, "")


@pytest.mark.parametrize("who", ["office_manager", "shared_account"])
def test_a_firms_paa_or_a_shared_account_cannot_pay_a_court_fee(who, request, fee):
    if who == "shared_account":
        from openecf.tests_support.factories import AccountFactory

        payer = AccountFactory(kind="shared", purpose="case_search")
    else:
        payer = request.getfixturevalue(who)

    response = _pay(bearer_token(payer), fee.pk, {"card": APPROVED})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "paa_cannot_pay_court_fees"
    if who == "office_manager":
        assert response.json()["error"]["message"] == PAA_REFUSAL
    fee.refresh_from_db()
    assert fee.paid_at is None
    assert payments.payment_for(purpose_ref=f"ecf.fee:{fee.pk}") is None


def test_another_persons_fee_looks_missing(legacy_attorney, fee, db):
    from openecf.tests_support.factories import AccountFactory

    other = AccountFactory(purpose="attorney_filer")
    response = _pay(bearer_token(other), fee.pk, {"card": APPROVED})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert _pay(bearer_token(other), 999999, {"card": APPROVED}).status_code == 404


@pytest.mark.parametrize(
    ("body", "key", "fields"),
    [
        ({"card": APPROVED}, "", ["Idempotency-Key"]),
        ({}, "k", [""]),
        ({"card": APPROVED, "method_id": 1}, "k", [""]),
        (
            {"card": {"number": "4111111111111111"}},
            "k",
            ["card.cvc", "card.exp_month", "card.exp_year", "card.name"],
        ),
    ],
)
def test_bad_payment_input_is_refused_with_what_to_fix(attorney, fee, body, key, fields):
    response = _pay(bearer_token(attorney), fee.pk, body, key=key)

    assert response.status_code == 422
    assert sorted(response.json()["error"]["fields"]) == fields
    assert payments.payment_for(purpose_ref=f"ecf.fee:{fee.pk}") is None


def test_an_anonymous_program_must_sign_in(fee):
    assert call(Client(), "GET", "/api/v1/me/fees-due").status_code == 401
    assert (
        Client()
        .post(f"/api/v1/me/fees-due/{fee.pk}/payment", {}, content_type="application/json")
        .status_code
        == 401
    )


def test_a_crash_between_paying_and_marking_is_healed_by_the_next_look(attorney, fee):
    pay_through_payments(fee)  # ... and the process stopped before marking the fee paid

    response = call(Client(), "GET", "/api/v1/me/fees-due", token=bearer_token(attorney))

    assert response.json() == {"fees": []}
    fee.refresh_from_db()
    assert (
        fee.receipt_number == payments.payment_for(purpose_ref=f"ecf.fee:{fee.pk}").receipt_number
    )


def test_the_pages_list_fees_due_and_pay_now_leads_to_the_receipt(attorney, fee, signed_in):
    client = signed_in(attorney)
    mma = client.get("/account/fees/").content.decode()
    court = client.get("/mowd/utilities/fees/").content.decode()
    assert f'href="/account/fees/{fee.pk}/pay/"' in mma
    assert "W.D. Mo." in mma and "$100.00" in court
    assert 'href="/mowd/utilities/fees/"' in client.get("/mowd/utilities/").content.decode()

    response = client.post(
        f"/account/fees/{fee.pk}/pay/",
        {"method": "card", **{k: str(v) for k, v in APPROVED.items()}},
    )

    fee.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/payments/receipts/{fee.receipt_number}/"
    paid_page = client.get("/account/fees/").content.decode()
    assert fee.receipt_number in paid_page
    assert 'data-testid="no-fees-due"' in paid_page
    assert client.get(f"/account/fees/{fee.pk}/pay/")["Location"] == response["Location"]


def test_the_pay_page_shows_a_declined_card_and_what_is_missing(attorney, fee, signed_in):
    client = signed_in(attorney)
    declined = client.post(
        f"/account/fees/{fee.pk}/pay/",
        {"method": "card", **{k: str(v) for k, v in DECLINED.items()}},
    )
    missing = client.post(
        f"/account/fees/{fee.pk}/pay/", {"method": "card", "number": "4111111111111111"}
    )

    assert declined.status_code == 400
    assert 'data-testid="refusal"' in declined.content.decode()
    assert "4000000000000002" not in declined.content.decode()  # never sent back
    assert missing.status_code == 400
    assert "Enter the name on the card." in missing.content.decode()
    assert CourtFeeOwed.objects.get(pk=fee.pk).paid_at is None


def test_the_firms_paa_is_refused_on_the_pay_page_with_the_letters_words(
    office_manager, fee, signed_in
):
    response = signed_in(office_manager).post(
        f"/account/fees/{fee.pk}/pay/",
        {"method": "card", **{k: str(v) for k, v in APPROVED.items()}},
    )

    assert response.status_code == 400
    assert PAA_REFUSAL in response.content.decode()
    assert CourtFeeOwed.objects.get(pk=fee.pk).paid_at is None


def test_someone_elses_fee_page_looks_missing_and_visitors_sign_in(fee, signed_in, public_user):
    assert signed_in(public_user).get(f"/account/fees/{fee.pk}/pay/").status_code == 404
    assert Client().get("/account/fees/").status_code == 302
    assert Client().get(f"/account/fees/{fee.pk}/pay/").status_code == 302


def _stored_card(account, **row):
    from openecf.payments import actions as payment_actions
    from openecf.payments.models import PaymentMethod

    method = payment_actions.add_payment_method(
        account_id=account.pk, nickname="Office Visa", card=payments.Card(**APPROVED)
    )
    PaymentMethod.objects.filter(pk=method.pk).update(**row)
    return method


def test_the_pay_page_offers_the_persons_stored_card_first_and_pays_with_it(
    attorney, fee, signed_in
):
    method = _stored_card(attorney)
    client = signed_in(attorney)

    page = client.get(f"/account/fees/{fee.pk}/pay/").content.decode()
    response = client.post(f"/account/fees/{fee.pk}/pay/", {"method": str(method.pk)})

    assert "Office Visa" in page and "ending 1111" in page
    assert f'value="{method.pk}"' in page and "4111111111111111" not in page
    fee.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/payments/receipts/{fee.receipt_number}/"


def test_an_expired_stored_card_is_marked_and_refused_with_what_to_do(attorney, fee, signed_in):
    method = _stored_card(attorney, exp_year=2020)
    client = signed_in(attorney)

    page = client.get(f"/account/fees/{fee.pk}/pay/").content.decode()
    refused = client.post(f"/account/fees/{fee.pk}/pay/", {"method": str(method.pk)})

    assert "/2020) (expired)" in page
    assert refused.status_code == 400
    assert "This card has expired" in refused.content.decode()
    assert CourtFeeOwed.objects.get(pk=fee.pk).paid_at is None
