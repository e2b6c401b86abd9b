"""Refunds by the clerk: reserved under the payment's lock, given back by the gateway, then a
negative ledger row on the payment.

1. A ``RefundRequest`` (pending) is committed while the payment's row is locked, after checking
   that the refund fits in what is left (the payment's ``refunded`` plus pending refunds), so
   two refunds at once can never give back more than was paid.
2. The gateway refunds under the request's idempotency key.
3. In one transaction: the request completed, the ledger's refund row, the payment's
   ``refunded`` balance, an audit row and the payer's e-mail.

A refund whose gateway answer was lost stays pending; ``settle_pending`` finishes it.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Sum

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.transactions import durable_action
from openecf.payments import ledger, letters, rules
from openecf.payments.actions.receipts import mail_to_payer
from openecf.payments.errors import GatewayUnavailable
from openecf.payments.gateways import Charge, GatewayTimeout, gateway
from openecf.payments.models import LedgerEntry, PaymentIntent, RefundRequest


def refund(
    *, receipt_number: str, amount: Decimal, reason: str, by_account_id: int
) -> PaymentIntent:
    """Give back ``amount`` of a completed payment (the caller checked who may)."""
    with durable_action():
        intent = (
            PaymentIntent.objects.select_for_update()
            .filter(receipt_number=receipt_number, state=PaymentIntent.State.COMPLETED)
            .first()
        )
        if intent is None:
            raise NotFound("There is no payment with this receipt number.")
        pending = intent.refunds.filter(state="pending").aggregate(total=Sum("amount"))["total"]
        InputInvalid.raise_if(
            rules.refund_problems(
                amount=amount,
                paid=intent.amount,
                refunded=intent.refunded + (pending or 0),
                reason=reason,
            )
        )
        request = RefundRequest.objects.create(
            payment=intent,
            amount=amount,
            reason=reason.strip(),
            by_account_id=by_account_id,
            idempotency_key=f"refund:{receipt_number}:{intent.refunds.count() + 1}",
            created_at=clock.now(),
        )
    try:
        given = gateway().refund(
            idempotency_key=request.idempotency_key,
            capture=intent.gateway_reference,
            amount=amount,
        )
    except GatewayTimeout:
        raise GatewayUnavailable(
            "The payment service did not confirm the refund. It is being checked: it will be "
            "refunded once, or not at all."
        ) from None
    return complete_refund(request, given)


def complete_refund(request: RefundRequest, given: Charge) -> PaymentIntent:
    """Record a refund the gateway made (once: a repeat answers the payment as it is)."""
    with durable_action():
        intent = PaymentIntent.objects.select_for_update().get(pk=request.payment_id)
        request = RefundRequest.objects.get(pk=request.pk)
        if request.state != "pending":
            return intent
        now = clock.now()
        ledger.append(
            intent,
            kind=LedgerEntry.Kind.REFUND,
            amount=-given.amount,
            gateway_reference=given.reference,
            idempotency_key=request.idempotency_key,
            at=now,
            reason=request.reason,
            by_account_id=request.by_account_id,
        )
        RefundRequest.objects.filter(pk=request.pk).update(state="completed")
        PaymentIntent.objects.filter(pk=intent.pk).update(refunded=F("refunded") + given.amount)
        intent.refresh_from_db()
        audit.record(
            actor_id=request.by_account_id,
            verb="payment.refunded",
            subject=audit.Subject("payment", intent.pk),
            details={"receipt_number": intent.receipt_number, "amount": str(given.amount)},
        )
        when = clock.format_court_time(now, intent.court.time_zone)
        mail_to_payer(
            intent,
            lambda facts: letters.refund_notice(
                facts, amount=given.amount, reason=request.reason, on=when
            ),
            kind="payment_refund",
        )
    return intent


def settle_refund(request: RefundRequest) -> None:
    """Ask the gateway about a pending refund: record it, or release it when none was made."""
    try:
        found = gateway().find(idempotency_key=request.idempotency_key)
    except GatewayTimeout:
        return
    if found is not None:
        complete_refund(request, found)
        return
    with durable_action():
        RefundRequest.objects.filter(pk=request.pk, state="pending").update(state="failed")
