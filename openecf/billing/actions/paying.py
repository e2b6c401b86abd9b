"""Paying a PACER invoice through the payments gateway; recording the payment on the ledger.

``payments.facade.pay`` runs outside any transaction and is idempotent by ``purpose_ref``
(``billing.invoice:<id>``); the ledger row is written after it, once per receipt number. A
crash between the two is mended by ``record_invoice_payments`` (the payments page and closing
a quarter call it), which asks ``payment_for`` about every invoice not yet marked paid.
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError

from openecf.billing import queries
from openecf.billing.errors import NothingToPay
from openecf.billing.models import LedgerEntry, QuarterStatement
from openecf.core import audit, clock
from openecf.core.errors import NotFound
from openecf.core.transactions import durable_action
from openecf.payments import facade as payments


def purpose_ref(statement_id: int) -> str:
    return f"billing.invoice:{statement_id}"


def payment_court_id() -> str:
    """The court named on PACER-fee receipts (payments keeps receipts per court)."""
    return str(getattr(settings, "OPENECF_PACER_PAYMENT_COURT_ID", "mowd"))


def pay_invoice(
    *,
    account_id: int,
    statement_id: int,
    method_id: int | None = None,
    card: payments.Card | None = None,
) -> LedgerEntry:
    """Pay what is still owed through the invoice's quarter; lifts a suspension at once."""
    statement = QuarterStatement.objects.filter(
        pk=statement_id, account_id=account_id, kind=QuarterStatement.Kind.INVOICE
    ).first()
    if statement is None:
        raise NotFound("There is no such invoice for this account.")
    done = payments.payment_for(purpose_ref=purpose_ref(statement.pk))
    if done is None:
        owed = queries.owed_through(account_id, statement.quarter)
        if owed <= 0:
            raise NothingToPay(f"Nothing is owed on the invoice for {statement.quarter}.")
        done = payments.pay(
            payer_id=account_id,
            court_id=payment_court_id(),
            purpose="pacer_invoice",
            purpose_ref=purpose_ref(statement.pk),
            description=f"PACER invoice {statement.quarter}",
            amount=owed,
            method_id=method_id,
            card=card,
        )
    return _record(statement, done)


def _record(statement: QuarterStatement, payment: payments.Payment) -> LedgerEntry:
    existing = LedgerEntry.objects.filter(
        kind=LedgerEntry.Kind.PAYMENT, receipt_number=payment.receipt_number
    ).first()
    if existing is not None:
        return existing
    now = clock.now()
    try:
        with durable_action():
            row = LedgerEntry.objects.create(
                account_id=statement.account_id,
                kind=LedgerEntry.Kind.PAYMENT,
                quarter=statement.quarter,
                amount=-payment.amount,
                at=payment.paid_at,
                recorded_at=now,
                statement=statement,
                receipt_number=payment.receipt_number,
            )
            audit.record(
                actor_id=payment.payer_id,
                verb="billing.invoice_paid",
                subject=audit.Subject("account", statement.account_id),
                details={
                    "invoice": statement.pk,
                    "quarter": statement.quarter,
                    "amount": str(payment.amount),
                    "receipt": payment.receipt_number,
                },
            )
    except IntegrityError:  # recorded by a parallel request
        return LedgerEntry.objects.get(
            kind=LedgerEntry.Kind.PAYMENT, receipt_number=payment.receipt_number
        )
    return row


def record_invoice_payments(*, account_id: int | None = None) -> int:
    """Record payments the gateway completed but the ledger missed; how many were recorded."""
    invoices = QuarterStatement.objects.filter(kind=QuarterStatement.Kind.INVOICE)
    if account_id is not None:
        invoices = invoices.filter(account_id=account_id)
    paid = set(
        LedgerEntry.objects.filter(
            kind=LedgerEntry.Kind.PAYMENT, statement__isnull=False
        ).values_list("statement_id", flat=True)
    )
    recorded = 0
    for statement in invoices.exclude(pk__in=paid):
        payment = payments.payment_for(purpose_ref=purpose_ref(statement.pk))
        if payment is not None:
            _record(statement, payment)
            recorded += 1
    return recorded
