"""``openecf payments check``: every balance is the sum of its rows; nothing stuck or doubled.

Checked for every payment: each ledger row's digest matches its content (rows are never
edited); a completed payment has exactly one charge row, of its amount, under its receipt
number; its refunded balance is the sum of its refund rows; a failed payment has no rows; no
payment is pending longer than ``OPENECF_PAYMENT_STALE_AFTER`` (a payer on the hosted
page: ``HOSTED_PAGE_LIFETIME``); no ``purpose_ref`` has two
completed payments. With the sandbox gateway, whose books are local, also: every capture the
gateway made belongs to a completed payment of the same amount (charged but not recorded, or
recorded twice, is a problem).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Count

from openecf.core import clock
from openecf.payments import ledger, rules
from openecf.payments.models import LedgerEntry, PaymentIntent, RefundRequest, SandboxCharge


def check() -> list[str]:
    problems: list[str] = []
    charges: dict[int, list[LedgerEntry]] = defaultdict(list)
    refunds: dict[int, Decimal] = defaultdict(Decimal)
    for entry in LedgerEntry.objects.order_by("pk").iterator():
        if ledger.digest(entry) != entry.digest:
            problems.append(f"ledger row {entry.pk} ({entry.receipt_number}) was edited")
        if entry.kind == LedgerEntry.Kind.CHARGE:
            charges[entry.intent_id].append(entry)
        else:
            refunds[entry.intent_id] += -entry.amount
    stale_before = clock.now() - settings.OPENECF_PAYMENT_STALE_AFTER
    hosted_before = clock.now() - rules.HOSTED_PAGE_LIFETIME  # the payer is on pay.gov's page
    for intent in PaymentIntent.objects.order_by("pk").iterator():
        name = f"payment {intent.pk} ({intent.purpose_ref})"
        rows = charges.pop(intent.pk, [])
        if intent.state == PaymentIntent.State.COMPLETED:
            if len(rows) != 1:
                problems.append(f"{name} is completed with {len(rows)} charge rows")
            elif rows[0].amount != intent.amount or rows[0].receipt_number != intent.receipt_number:
                problems.append(f"{name}: its charge row does not match its amount or receipt")
            if refunds.get(intent.pk, Decimal(0)) != intent.refunded:
                problems.append(
                    f"{name}: refunded balance {intent.refunded} is not the sum of its refund "
                    f"rows {refunds.get(intent.pk, Decimal(0))}"
                )
        elif rows or refunds.get(intent.pk):
            problems.append(f"{name} is {intent.state} but has ledger rows")
        if intent.state == PaymentIntent.State.PENDING:
            since = intent.completing_at or intent.created_at
            waiting = bool(intent.hosted_token) and intent.completing_at is None
            if since < (hosted_before if waiting else stale_before):
                problems.append(f"{name} is stuck pending since {since.isoformat()}")
    for request in RefundRequest.objects.filter(state="pending", created_at__lt=stale_before):
        problems.append(f"refund {request.idempotency_key} is stuck pending")
    for intent_id in charges:
        problems.append(f"ledger charge rows for a missing payment {intent_id}")
    doubled = (
        PaymentIntent.objects.filter(state=PaymentIntent.State.COMPLETED)
        .values("purpose_ref")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    for row in doubled:
        problems.append(f"{row['purpose_ref']} was paid {row['n']} times")
    if settings.OPENECF_PAYMENT_GATEWAY["name"] == "sandbox":
        problems += _sandbox_agrees()
    return problems


def _sandbox_agrees() -> list[str]:
    """Every sandbox capture belongs to a completed payment (or to one still in flight)."""
    problems = []
    intents = {
        i.idempotency_key: i
        for i in PaymentIntent.objects.only(
            "idempotency_key", "state", "amount", "gateway_reference"
        )
    }
    for capture in SandboxCharge.objects.filter(kind=SandboxCharge.Kind.CAPTURE).order_by("pk"):
        intent = intents.get(capture.idempotency_key)
        if intent is None or intent.state == PaymentIntent.State.FAILED:
            problems.append(
                f"the gateway charged {capture.amount} under {capture.idempotency_key} "
                "but no payment records it"
            )
        elif intent.state == PaymentIntent.State.COMPLETED and (
            intent.amount != capture.amount or intent.gateway_reference != capture.reference
        ):
            problems.append(f"the gateway's charge {capture.reference} does not match its payment")
    refunds = dict(RefundRequest.objects.values_list("idempotency_key", "state"))
    for given in SandboxCharge.objects.filter(kind=SandboxCharge.Kind.REFUND).order_by("pk"):
        if refunds.get(given.idempotency_key) not in ("pending", "completed"):
            problems.append(
                f"the gateway refunded {given.amount} under {given.idempotency_key} "
                "but no refund records it"
            )
    return problems


def summary() -> str:
    completed = PaymentIntent.objects.filter(state=PaymentIntent.State.COMPLETED).count()
    rows = LedgerEntry.objects.count()
    pending = PaymentIntent.objects.filter(state=PaymentIntent.State.PENDING).count()
    return f"{completed} payments, {rows} ledger rows verified, {pending} pending"
