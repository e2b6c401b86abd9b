"""Refunds by the clerk: a negative ledger row on the payment, after the gateway gave it back."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.transactions import durable_action
from openecf.payments import ledger, letters, rules
from openecf.payments.actions.receipts import mail_to_payer
from openecf.payments.errors import GatewayUnavailable
from openecf.payments.gateways import GatewayTimeout, gateway
from openecf.payments.models import LedgerEntry, PaymentIntent


def refund(
    *, receipt_number: str, amount: Decimal, reason: str, by_account_id: int
) -> PaymentIntent:
    """Give back ``amount`` of a completed payment; a repeat of the same refund refunds once.

    The gateway refund's idempotency key is the receipt number and the refund's place in line,
    so a double click (or two clerks at once) asks the gateway for one refund.
    """
    intent = PaymentIntent.objects.filter(
        receipt_number=receipt_number, state=PaymentIntent.State.COMPLETED
    ).first()
    if intent is None:
        raise NotFound("There is no payment with this receipt number.")
    InputInvalid.raise_if(
        rules.refund_problems(
            amount=amount, paid=intent.amount, refunded=intent.refunded, reason=reason
        )
    )
    place = intent.entries.filter(kind=LedgerEntry.Kind.REFUND).count() + 1
    key = f"refund:{receipt_number}:{place}"
    try:
        given = gateway().refund(
            idempotency_key=key, capture=intent.gateway_reference, amount=amount
        )
    except GatewayTimeout:
        raise GatewayUnavailable(
            "The payment service did not answer: nothing was refunded yet. Try again later."
        ) from None
    with durable_action():
        intent = PaymentIntent.objects.select_for_update().get(pk=intent.pk)
        if LedgerEntry.objects.filter(idempotency_key=key).exists():
            return intent
        now = clock.now()
        ledger.append(
            intent,
            kind=LedgerEntry.Kind.REFUND,
            amount=-given.amount,
            gateway_reference=given.reference,
            idempotency_key=key,
            at=now,
            reason=reason.strip(),
            by_account_id=by_account_id,
        )
        PaymentIntent.objects.filter(pk=intent.pk).update(refunded=F("refunded") + given.amount)
        intent.refresh_from_db()
        audit.record(
            actor_id=by_account_id,
            verb="payment.refunded",
            subject=audit.Subject("payment", intent.pk),
            details={
                "receipt_number": receipt_number,
                "amount": str(given.amount),
                "reason": reason.strip(),
            },
        )
        when = clock.format_court_time(now, intent.court.time_zone)
        mail_to_payer(
            intent,
            lambda facts: letters.refund_notice(
                facts, amount=given.amount, reason=reason.strip(), on=when
            ),
            kind="payment_refund",
        )
    return intent
