"""The clerk's fee report (by day, by fee, refunds, CSV) and refunds: the clerk's office only."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.test import Client

from openecf.ecf.factories import CourtFeeOwedFactory
from openecf.ecf.tests.conftest import pay_through_payments
from openecf.payments import facade as payments

DAY = datetime(2026, 11, 30, 18, tzinfo=UTC)  # 12:00 p.m. in Kansas City


@pytest.fixture
def paid(attorney, mowd):
    """Alice paid her $100 pro hac vice fee at W.D. Mo. on November 30, 2026."""
    fee = CourtFeeOwedFactory(court=mowd, account=attorney)
    with time_machine.travel(DAY, tick=False):
        return pay_through_payments(fee)


def _report(client: Client, **query):
    return client.get("/mowd/clerk/fees/", {"start": "2026-11-01", "end": "2026-11-30", **query})


def test_the_clerk_sees_payments_by_day_and_by_fee(clerk, paid, signed_in):
    page = _report(signed_in(clerk)).content.decode()

    assert "1 payment, $100.00 charged, $0.00 refunded, $100.00 net" in page
    assert (
        "<td>November 30, 2026</td><td>1</td><td>$100.00</td><td>$0.00</td><td>$100.00</td>" in page
    )
    assert "<td>Pro hac vice</td><td>1</td><td>$100.00</td>" in page
    assert "No refunds in these days." in page


def test_the_clerk_downloads_every_row_as_csv(clerk, paid, signed_in):
    response = _report(signed_in(clerk), format="csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="mowd-fees-2026-11-01-2026-11-30.csv"'
    )
    lines = response.content.decode().splitlines()
    assert lines[0] == "recorded_at,kind,receipt_number,fee,amount,payer_id,reason"
    assert lines[1].startswith("2026-11-30T12:00:00-06:00,charge,")
    assert lines[1].endswith(f",Pro hac vice,100.00,{paid.payer_id},")


def test_a_bad_range_is_shown_on_the_form(clerk, signed_in, mowd):
    response = _report(signed_in(clerk), start="2026-12-01", end="2026-11-01")
    assert response.status_code == 400
    assert "The last day comes on or after the first day." in response.content.decode()


def test_the_clerk_refunds_a_duplicate_payment_with_a_reason(clerk, paid, signed_in):
    client = signed_in(clerk)

    response = client.post(
        "/mowd/clerk/fees/refund/",
        {
            "receipt_number": paid.receipt_number,
            "amount": "100.00",
            "why": "duplicate",
            "reason": "Paid twice by mistake.",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/payments/receipts/{paid.receipt_number}/"
    refunded = payments.payment_by_receipt(receipt_number=paid.receipt_number)
    assert refunded.refunded == Decimal("100.00")
    with time_machine.travel(DAY, tick=False):
        page = client.get(
            "/mowd/clerk/fees/", {"start": "2026-11-01", "end": "2026-12-31"}
        ).content.decode()
    assert "Duplicate payment: Paid twice by mistake." in page
    assert "1 payment, $100.00 charged, $100.00 refunded, $0.00 net" in page
    assert "<td>$100.00</td><td>Duplicate payment: Paid twice by mistake.</td>" in page


def test_a_refund_of_another_courts_receipt_looks_missing(clerk, paid, signed_in):
    response = signed_in(clerk).post(
        "/mowd/clerk/fees/refund/",
        {"receipt_number": "AKSDC-0000001", "amount": "1.00", "why": "erroneous", "reason": "x"},
    )
    assert response.status_code == 400
    assert "W.D. Mo. has no payment with receipt AKSDC-0000001." in response.content.decode()
    assert payments.payment_by_receipt(receipt_number=paid.receipt_number).refunded == Decimal("0")


@pytest.mark.parametrize("who", ["attorney", "other_court_clerk", "office_manager"])
def test_only_the_courts_clerks_office_sees_the_report_or_refunds(who, request, signed_in, paid):
    client = signed_in(request.getfixturevalue(who))
    assert client.get("/mowd/clerk/fees/").status_code == 404
    assert (
        client.post(
            "/mowd/clerk/fees/refund/",
            {
                "receipt_number": paid.receipt_number,
                "amount": "100.00",
                "why": "duplicate",
                "reason": "x",
            },
        ).status_code
        == 404
    )
    assert payments.payment_by_receipt(receipt_number=paid.receipt_number).refunded == Decimal("0")
    assert Client().get("/mowd/clerk/fees/").status_code == 302


def test_the_clerks_menu_links_the_fee_report(clerk, signed_in):
    page = signed_in(clerk).get("/mowd/clerk/").content.decode()
    assert 'href="/mowd/clerk/fees/"' in page
