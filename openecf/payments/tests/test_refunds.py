"""The clerk refunds a payment: a negative ledger row, the payer told, the receipt shows it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from openecf.core.errors import InputInvalid, NotFound
from openecf.payments import facade, ledger_check
from openecf.payments.models import LedgerEntry, SandboxCharge
from openecf.payments.tests.conftest import refund

pytestmark = pytest.mark.django_db


def test_a_refund_is_a_negative_ledger_row_and_the_payments_balance_is_their_sum(
    attorney, clerk, pay_fee
):
    payment = pay_fee(attorney)

    refund(payment, clerk, "30.00", "Charged the wrong fee")
    after = refund(payment, clerk, "70.00", "Duplicate payment")

    assert after.refunded == Decimal("100.00")
    assert list(LedgerEntry.objects.values_list("kind", "amount", "reason", "by_account_id")) == [
        ("charge", Decimal("100.00"), "", None),
        ("refund", Decimal("-30.00"), "Charged the wrong fee", clerk.pk),
        ("refund", Decimal("-70.00"), "Duplicate payment", clerk.pk),
    ]
    assert ledger_check.check() == []


def test_more_than_was_paid_cannot_be_refunded(attorney, clerk, pay_fee):
    payment = pay_fee(attorney)
    refund(payment, clerk, "60.00")

    with pytest.raises(InputInvalid) as refused:
        refund(payment, clerk, "60.00")

    assert refused.value.problems == {
        "amount": ["At most $40.00 of this payment can still be refunded."]
    }
    assert LedgerEntry.objects.count() == 2


def test_a_refund_needs_a_reason(attorney, clerk, pay_fee):
    payment = pay_fee(attorney)

    with pytest.raises(InputInvalid) as refused:
        refund(payment, clerk, reason=" ")

    assert refused.value.problems == {
        "reason": ["Say why the payment is refunded (e.g. a duplicate payment)."]
    }
    assert not SandboxCharge.objects.filter(kind="refund").exists()


def test_an_unknown_receipt_cannot_be_refunded(clerk):
    with pytest.raises(NotFound):
        facade.refund(
            receipt_number="AMOWDC-9999999", amount=Decimal("1"), reason="x", by_account_id=clerk.pk
        )


def test_the_payer_is_told_of_the_refund_by_e_mail(
    attorney, clerk, pay_fee, django_capture_on_commit_callbacks
):
    payment = pay_fee(attorney)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        refund(payment, clerk, "100.00", "Duplicate payment")

    [sent] = mail.outbox
    assert sent.to == [attorney.email]
    assert sent.subject == f"Refund of $100.00 on receipt {payment.receipt_number}"
    assert "Reason: Duplicate payment" in sent.body


def test_the_court_ledger_lists_payments_and_refunds_for_the_clerks_report(
    attorney, clerk, pay_fee
):
    from datetime import timedelta

    from openecf.core import clock

    payment = pay_fee(attorney)
    refund(payment, clerk, "25.00", "Overpaid")
    now = clock.now()

    rows = facade.court_ledger(
        court_id="mowd", start=now - timedelta(hours=1), end=now + timedelta(hours=1)
    )

    assert [(r.kind, r.amount, r.receipt_number, r.description, r.reason) for r in rows] == [
        ("charge", Decimal("100.00"), payment.receipt_number, "Pro hac vice fee", ""),
        ("refund", Decimal("-25.00"), payment.receipt_number, "Pro hac vice fee", "Overpaid"),
    ]
    assert facade.court_ledger(court_id="ksd", start=now - timedelta(hours=1), end=now) == []
