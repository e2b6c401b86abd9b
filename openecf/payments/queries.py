"""Reads of payments: one payment, a person's history, a court's payments and refunds."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from openecf.payments.models import LedgerEntry, PaymentIntent


def completed_payments() -> QuerySet[PaymentIntent]:
    return PaymentIntent.objects.filter(state=PaymentIntent.State.COMPLETED)


def payment_by_receipt(receipt_number: str) -> PaymentIntent | None:
    return (
        completed_payments()
        .select_related("court", "method")
        .filter(receipt_number=receipt_number)
        .first()
    )


def payment_for(purpose_ref: str) -> PaymentIntent | None:
    return completed_payments().filter(purpose_ref=purpose_ref).first()


def history(account_id: int) -> QuerySet[PaymentIntent]:
    """A person's payments, newest first, with the attempts that failed or wait."""
    return (
        PaymentIntent.objects.filter(payer_id=account_id)
        .select_related("court")
        .order_by("-created_at", "-pk")
    )


def court_ledger(court_id: str, start: datetime, end: datetime) -> QuerySet[LedgerEntry]:
    """Every charge and refund at one court recorded in ``[start, end)``, oldest first."""
    return (
        LedgerEntry.objects.filter(court_id=court_id, recorded_at__gte=start, recorded_at__lt=end)
        .select_related("intent")
        .order_by("recorded_at", "pk")
    )


def refunds_of(intent: PaymentIntent) -> QuerySet[LedgerEntry]:
    return intent.entries.filter(kind=LedgerEntry.Kind.REFUND).order_by("recorded_at", "pk")
