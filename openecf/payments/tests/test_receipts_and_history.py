"""The receipt page and e-mail, and a person's payment history (pages and API)."""

from __future__ import annotations

import pytest
from django.core import mail

from openecf.payments import facade
from openecf.payments.tests.conftest import DECLINED, card, refund
from openecf.tests_support.api import bearer_token, call

pytestmark = pytest.mark.django_db


def test_the_payer_gets_the_receipt_by_e_mail_after_commit(
    attorney, pay_fee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        payment = pay_fee(attorney)

    [sent] = mail.outbox
    assert sent.to == [attorney.email]
    assert sent.subject == (
        f"Receipt {payment.receipt_number}: $100.00 paid to the United States District Court "
        "for the Western District of Missouri"
    )
    assert f"/payments/receipts/{payment.receipt_number}/" in sent.body
    assert "Paid with: card ending 1111" in sent.body


def test_no_receipt_is_mailed_when_the_card_is_declined(
    attorney, pay_fee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(facade.PaymentDeclined):
        pay_fee(attorney, card=card(DECLINED))

    assert mail.outbox == []


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("attorney", 200),
        ("clerk", 200),
        ("operator", 200),
        ("other_court_clerk", 404),
        ("public_user", 404),
    ],
)
def test_the_receipt_page_is_for_the_payer_and_the_courts_clerk(
    request, signed_in, attorney, pay_fee, who, status
):
    payment = pay_fee(attorney)

    page = signed_in(request.getfixturevalue(who)).get(
        f"/payments/receipts/{payment.receipt_number}/"
    )

    assert page.status_code == status
    if status == 200:
        text = page.content.decode()
        assert f'<td data-testid="receipt-number">{payment.receipt_number}</td>' in text
        assert '<td data-testid="receipt-amount">$100.00</td>' in text


def test_the_receipt_page_shows_refunds_and_the_net(signed_in, attorney, clerk, pay_fee):
    payment = pay_fee(attorney)
    refund(payment, clerk, "25.00", "Overpaid")

    text = signed_in(attorney).get(f"/payments/receipts/{payment.receipt_number}/").content.decode()

    assert "<td>$25.00</td><td>Overpaid</td>" in text
    assert '<strong data-testid="receipt-net">$75.00</strong>' in text


def test_a_visitor_is_asked_to_sign_in_for_a_receipt(client, attorney, pay_fee):
    payment = pay_fee(attorney)

    answer = client.get(f"/payments/receipts/{payment.receipt_number}/")

    assert answer.status_code == 302
    assert answer["Location"].startswith("/login/") or "login" in answer["Location"]


def test_the_history_page_lists_payments_and_what_was_not_charged(signed_in, attorney, pay_fee):
    with pytest.raises(facade.PaymentDeclined):
        pay_fee(attorney, card=card(DECLINED))
    payment = pay_fee(attorney)

    text = signed_in(attorney).get("/account/payment-history/").content.decode()

    assert f'href="/payments/receipts/{payment.receipt_number}/"' in text
    assert "Not charged: Your card was declined by the card issuer." in text


def test_the_api_gives_the_history_and_the_receipt(
    client, attorney, clerk, other_court_clerk, pay_fee
):
    payment = pay_fee(attorney)
    token = bearer_token(attorney)

    history = call(client, "GET", "/api/v1/me/payments", token=token).json()["payments"]
    assert [(p["receipt_number"], p["state"], p["amount"]) for p in history] == [
        (payment.receipt_number, "completed", "100.00")
    ]
    receipt = call(
        client, "GET", f"/api/v1/payments/{payment.receipt_number}", token=bearer_token(clerk)
    )
    assert receipt.status_code == 200
    assert receipt.json()["paid_with"] == "card ending 1111"
    hidden = call(
        client,
        "GET",
        f"/api/v1/payments/{payment.receipt_number}",
        token=bearer_token(other_court_clerk),
    )
    assert hidden.status_code == 404
