"""Paying an invoice (page and API), the invoice page and PDF, suspension lifted on payment."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from openecf.billing import actions, facade, queries
from openecf.billing.models import LedgerEntry, QuarterStatement
from openecf.billing.tests.conftest import AFTER_Q3, run_up
from openecf.firms.factories import FirmFactory, add_member
from openecf.tests_support.api import bearer_token, call

CARD = {"number": "4111111111111111", "exp_month": 12, "exp_year": 2030, "cvc": "123",
        "name": "Pat Public"}  # fmt: skip


@pytest.fixture
def invoiced(public_user, mowd, in_q3):
    """Pat ran up $45.00 in 2026Q3; the quarter is closed: an invoice of $45.00."""
    run_up(public_user, 45)
    in_q3.move_to(AFTER_Q3)
    actions.close_quarter(quarter="2026Q3")
    return QuarterStatement.objects.get(account=public_user)


def test_paying_the_invoice_on_the_page_records_one_payment_row(public_user, invoiced, signed_in):
    client = signed_in(public_user)
    page = client.get("/account/payments/").content.decode()
    assert "Pay the invoice for 2026Q3: $45.00" in page
    response = client.post("/account/payments/", {k: str(v) for k, v in CARD.items()})
    assert response.status_code == 302
    row = LedgerEntry.objects.get(kind="payment")
    assert (row.account_id, row.amount, row.statement_id) == (
        public_user.pk,
        Decimal("-45.00"),
        invoiced.pk,
    )
    assert queries.balance(public_user.pk) == 0
    after = client.get("/account/payments/").content.decode()
    assert "Pay the invoice" not in after
    assert re.search(r"<td>\$45\.00</td><td>Paid</td>", after)


def test_a_declined_card_is_shown_on_the_form_and_nothing_is_recorded(
    public_user, invoiced, signed_in
):
    response = signed_in(public_user).post(
        "/account/payments/", {**CARD, "number": "4000000000000002"}
    )
    assert response.status_code == 400
    assert not LedgerEntry.objects.filter(kind="payment").exists()
    assert queries.balance(public_user.pk) == Decimal("45.00")


def test_paying_through_the_api_twice_pays_once(public_user, invoiced, client):
    token = bearer_token(public_user)
    first = call(
        client, "POST", f"/api/v1/me/invoices/{invoiced.pk}/payment", {"card": CARD}, token=token
    )
    assert first.status_code == 201
    assert first.json()["amount"] == "45.00"
    again = call(
        client, "POST", f"/api/v1/me/invoices/{invoiced.pk}/payment", {"card": CARD}, token=token
    )
    assert again.status_code == 201
    assert again.json()["receipt_number"] == first.json()["receipt_number"]
    assert LedgerEntry.objects.filter(kind="payment").count() == 1


def test_payment_lifts_a_suspension_at_once(public_user, invoiced, in_q3, client):
    in_q3.move_to("2026-12-05T15:00:00Z")
    assert facade.may_access(public_user.pk).allowed is False
    token = bearer_token(public_user)
    paid = call(
        client, "POST", f"/api/v1/me/invoices/{invoiced.pk}/payment", {"card": CARD}, token=token
    )
    assert paid.status_code == 201
    assert facade.may_access(public_user.pk).allowed is True


def test_another_persons_invoice_is_not_found(attorney, invoiced, signed_in, client):
    assert signed_in(attorney).get(f"/account/invoices/{invoiced.pk}/").status_code == 404
    assert signed_in(attorney).get(f"/account/invoices/{invoiced.pk}/pdf/").status_code == 404
    answer = call(client, "POST", f"/api/v1/me/invoices/{invoiced.pk}/payment", {"card": CARD},
                  token=bearer_token(attorney))  # fmt: skip
    assert answer.status_code == 404
    assert not LedgerEntry.objects.filter(kind="payment").exists()


def test_nothing_to_pay_on_a_paid_invoice(public_user, invoiced, client):
    token = bearer_token(public_user)
    call(client, "POST", f"/api/v1/me/invoices/{invoiced.pk}/payment", {"card": CARD}, token=token)
    LedgerEntry.objects.filter(kind="payment").count()
    statement = QuarterStatement.objects.create(
        account=public_user, quarter="2026Q4", kind="statement", quarter_charges=0, waived=False,
        balance=0, issued_at=invoiced.issued_at, due_on=invoiced.due_on,
    )  # fmt: skip
    answer = call(
        client, "POST", f"/api/v1/me/invoices/{statement.pk}/payment", {"card": CARD}, token=token
    )
    assert answer.status_code == 404  # a statement is not an invoice
    statement.delete()


def test_the_invoice_page_and_pdf_itemise_the_quarter(public_user, invoiced, signed_in):
    client = signed_in(public_user)
    page = client.get(f"/account/invoices/{invoiced.pk}/").content.decode()
    assert "Balance due: $45.00" in page
    assert public_user.username in page
    pdf = client.get(f"/account/invoices/{invoiced.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    body = pdf.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    assert b"(PACER INVOICE - 2026Q3) Tj" in body
    assert b"Balance due: $45.00" in body
    # Every cross-reference offset points at its object.
    xref = int(re.search(rb"startxref\n(\d+)", body)[1])
    offsets = re.findall(rb"(\d{10}) 00000 n", body[xref:])
    for number, offset in enumerate(offsets, start=1):
        assert body[int(offset) :].startswith(f"{number} 0 obj".encode())


def test_the_invoices_api_lists_what_is_owed(public_user, invoiced, client):
    answer = call(client, "GET", "/api/v1/me/invoices", token=bearer_token(public_user))
    [invoice] = answer.json()["invoices"]
    assert (invoice["quarter"], invoice["kind"], invoice["balance"], invoice["owed"]) == (
        "2026Q3", "invoice", "45.00", "45.00",
    )  # fmt: skip
    assert invoice["pdf_url"] == f"/account/invoices/{invoiced.pk}/pdf/"


def test_the_office_manager_pays_the_firms_invoice_and_the_member_has_none(
    attorney, mowd, in_q3, signed_in, client
):
    firm = FirmFactory()
    add_member(firm, attorney)
    run_up(attorney, 45, client_code="acme")
    in_q3.move_to(AFTER_Q3)
    actions.close_quarter(quarter="2026Q3")
    mine = call(client, "GET", "/api/v1/me/invoices", token=bearer_token(attorney)).json()
    assert mine == {"invoices": []}
    office = signed_in(firm.paa)
    page = office.get("/account/payments/").content.decode()
    assert "Pay the invoice for 2026Q3: $45.00" in page
    invoice = QuarterStatement.objects.get(account=firm.paa)
    lines = office.get(f"/account/invoices/{invoice.pk}/").content.decode()
    assert attorney.username in lines and "acme" in lines
    assert office.post("/account/payments/", CARD).status_code == 302
    assert queries.balance(firm.paa_id) == 0


def test_the_payments_page_offers_the_stored_cards_by_name_and_pays_with_the_chosen_one(
    public_user, invoiced, signed_in
):
    from openecf.payments import actions as payment_actions
    from openecf.payments import facade as payments

    method = payment_actions.add_payment_method(
        account_id=public_user.pk, nickname="Office Visa", card=payments.Card(**CARD)
    )
    client = signed_in(public_user)
    page = client.get("/account/payments/").content.decode()
    assert "Office Visa (Visa ending 1111" in page
    assert "its number" not in page
    response = client.post("/account/payments/", {"method_id": str(method.pk)})
    assert response.status_code == 302
    assert queries.balance(public_user.pk) == 0
    from openecf.payments.models import PaymentIntent

    assert PaymentIntent.objects.get(purpose="pacer_invoice").method_id == method.pk


def test_a_firm_member_is_told_the_firm_is_billed_and_an_unpaid_invoice_shows_its_due_date(
    public_user, attorney, office_manager, mowd, in_q3, signed_in
):
    firm = FirmFactory._meta.model.objects.get(paa=office_manager)
    add_member(firm, attorney)
    run_up(public_user, 45)
    in_q3.move_to(AFTER_Q3)
    actions.close_quarter(quarter="2026Q3")
    member = signed_in(attorney).get("/account/payments/").content.decode()
    assert "billed to your firm, Jefferson &amp; Clay LLP" in member
    assert "No invoices or statements of your own" in member
    unpaid = signed_in(public_user).get("/account/payments/").content.decode()
    assert "billed to your firm" not in unpaid
    assert ">Paid<" not in unpaid
    assert "November 1, 2026" in unpaid
