"""Paying: an intent committed before the gateway is asked, then completed or failed.

``pay`` runs outside any transaction. Its steps, each committed on its own:

1. the intent row (pending), under a database constraint that allows one live intent per
   ``purpose_ref``, so a double click or a second tab waits for the first instead of charging;
2. the gateway's authorize-and-capture under the intent's idempotency key;
3. completion: the intent, the ledger's charge row, the receipt number, the audit row and the
   receipt e-mail, in one transaction.

A process that dies between 1 and 3 leaves a pending intent; ``settle_pending`` (the worker's
periodic task and ``openecf payments resolve``) asks the gateway what happened under its key
and completes or fails it. A lost confirmation is settled the same way, at once.
"""

from __future__ import annotations

import hashlib
import json
import time
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError
from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.core import audit, clock, links, outbox
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.payments import letters, rules
from openecf.payments.errors import (
    GatewayUnavailable,
    PaaCannotPayCourtFees,
    PaymentDeclined,
    PaymentInProgress,
    PaymentMethodExpired,
)
from openecf.payments.gateways import (
    CardDetails,
    Charge,
    GatewayDeclined,
    GatewayTimeout,
    gateway,
)
from openecf.payments.models import LedgerEntry, PaymentIntent, PaymentMethod

GATEWAY_DOWN = (
    "The payment service did not answer and nothing was charged. Try again in a few minutes."
)
GATEWAY_UNSURE = (
    "The payment service did not confirm the payment. It is being checked: nothing will be "
    "charged twice. Look at your payment history in a few minutes."
)
LIVE = (PaymentIntent.State.PENDING, PaymentIntent.State.COMPLETED)


def pay(
    *,
    payer_id: int,
    court_id: str,
    purpose: str,
    purpose_ref: str,
    description: str,
    amount: Decimal,
    method_id: int | None = None,
    card: CardDetails | None = None,
) -> PaymentIntent:
    """Charge ``amount`` for ``purpose_ref`` once; a repeat answers the first payment."""
    now = clock.now()
    payer = _payer_who_may_pay(payer_id=payer_id, purpose=purpose)
    done = _completed(purpose_ref)
    if done is not None:
        return done
    InputInvalid.raise_if(
        {
            **rules.amount_problems(amount),
            **({} if purpose in rules.PURPOSES else {"purpose": ["Unknown payment purpose."]}),
            **({} if purpose_ref.strip() else {"purpose_ref": ["Say what is being paid."]}),
        }
    )
    court = Court.objects.filter(pk=court_id).first()
    if court is None:
        raise NotFound("There is no such court.")
    method, last_four = _method_or_card(payer.id, method_id=method_id, card=card, now=now)
    intent = _start(
        payer_id=payer.id,
        court=court,
        purpose=purpose,
        purpose_ref=purpose_ref,
        description=description[:200],
        amount=amount,
        method=method,
        last_four=last_four,
        now=now,
    )
    if intent.state == PaymentIntent.State.COMPLETED:
        return intent
    try:
        charged = gateway().charge(
            idempotency_key=intent.idempotency_key,
            amount=amount,
            description=description,
            card=card,
            token=method.token if method is not None else None,
        )
    except GatewayDeclined as declined:
        _fail(intent, code=declined.code, reason=declined.reason)
        raise PaymentDeclined(declined.reason) from None
    except GatewayTimeout:
        settled = settle(intent, nothing_in_flight=True)
        if settled.state == PaymentIntent.State.COMPLETED:
            return settled
        raise GatewayUnavailable(
            GATEWAY_DOWN if settled.state == PaymentIntent.State.FAILED else GATEWAY_UNSURE
        ) from None
    return _complete(intent, charged)


def _payer_who_may_pay(*, payer_id: int, purpose: str) -> accounts.Person:
    payer = accounts.person(account_id=payer_id)
    if payer is None:
        raise NotFound("There is no such PACER account.")
    refusal = rules.court_payment_refusal(account_kind=payer.kind, purpose=purpose)
    if refusal is not None:
        raise PaaCannotPayCourtFees(refusal)
    return payer


def _completed(purpose_ref: str) -> PaymentIntent | None:
    return PaymentIntent.objects.filter(
        purpose_ref=purpose_ref, state=PaymentIntent.State.COMPLETED
    ).first()


def _method_or_card(
    payer_id: int, *, method_id: int | None, card: CardDetails | None, now: datetime
) -> tuple[PaymentMethod | None, str]:
    if method_id is not None:
        method = PaymentMethod.objects.filter(
            pk=method_id, account_id=payer_id, deleted_at__isnull=True
        ).first()
        if method is None:
            raise InputInvalid({"method_id": ["There is no such stored payment method."]})
        _refuse_expired(method.exp_month, method.exp_year, now)
        return method, method.last_four
    if card is None:
        raise InputInvalid({"method_id": ["Choose a stored payment method or enter a card."]})
    InputInvalid.raise_if(
        rules.card_problems(
            number=card.number,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
            cvc=card.cvc,
            name=card.name,
            now=now,
        )
    )
    _refuse_expired(card.exp_month, card.exp_year, now)
    return None, card.number.replace(" ", "").replace("-", "")[-4:]


def _refuse_expired(exp_month: int, exp_year: int, now: datetime) -> None:
    if rules.is_expired(
        exp_month=exp_month, exp_year=exp_year, today_year=now.year, today_month=now.month
    ):
        raise PaymentMethodExpired(rules.CARD_EXPIRED)


def _start(
    *,
    payer_id: int,
    court: Court,
    purpose: str,
    purpose_ref: str,
    description: str,
    amount: Decimal,
    method: PaymentMethod | None,
    last_four: str,
    now: datetime,
) -> PaymentIntent:
    """Commit the pending intent; when another request holds the live one, wait for it."""
    deadline = time.monotonic() + settings.OPENECF_PAYMENT_WAIT_SECONDS
    while True:
        attempt = PaymentIntent.objects.filter(purpose_ref=purpose_ref).count() + 1
        try:
            with durable_action():
                return PaymentIntent.objects.create(
                    court=court,
                    payer_id=payer_id,
                    purpose=purpose,
                    purpose_ref=purpose_ref,
                    description=description,
                    amount=amount,
                    method=method,
                    card_last_four=last_four,
                    gateway=gateway().name,
                    idempotency_key=f"{purpose_ref}#{attempt}",
                    created_at=now,
                )
        except IntegrityError:
            live = PaymentIntent.objects.filter(purpose_ref=purpose_ref, state__in=LIVE).first()
            if live is not None and live.state == PaymentIntent.State.COMPLETED:
                return live
            if (
                live is not None
                and live.created_at <= clock.now() - settings.OPENECF_PAYMENT_STALE_AFTER
            ):
                settle(live, nothing_in_flight=True)  # its process is gone
                continue
            if time.monotonic() > deadline:
                raise PaymentInProgress(
                    "This is already being paid in another window or request: wait a moment "
                    "and look at your payment history."
                ) from None
            time.sleep(0.05)


def _complete(intent: PaymentIntent, charged: Charge) -> PaymentIntent:
    """Record the charge: receipt number, ledger row, audit row, receipt e-mail."""
    with durable_action():
        intent = PaymentIntent.objects.select_for_update().get(pk=intent.pk)
        if intent.state == PaymentIntent.State.COMPLETED:
            return intent
        now = clock.now()
        intent.state = PaymentIntent.State.COMPLETED
        intent.resolved_at = now
        intent.paid_at = now
        intent.gateway_reference = charged.reference
        intent.receipt_number = rules.receipt_number(court_id=intent.court_id, serial=intent.pk)
        if charged.card_last_four:
            intent.card_last_four = charged.card_last_four
        intent.save(
            update_fields=[
                "state",
                "resolved_at",
                "paid_at",
                "gateway_reference",
                "receipt_number",
                "card_last_four",
            ]
        )
        write_ledger_row(
            intent,
            kind=LedgerEntry.Kind.CHARGE,
            amount=intent.amount,
            gateway_reference=charged.reference,
            idempotency_key=intent.idempotency_key,
            at=now,
        )
        audit.record(
            actor_id=intent.payer_id,
            verb="payment.completed",
            subject=audit.Subject("payment", intent.pk),
            details={
                "receipt_number": intent.receipt_number,
                "amount": str(intent.amount),
                "court_id": intent.court_id,
                "purpose_ref": intent.purpose_ref,
            },
        )
        _send_receipt(intent)
    return intent


def _send_receipt(intent: PaymentIntent) -> None:
    payer = accounts.person(account_id=intent.payer_id)
    if payer is None or not payer.email:
        return
    court = intent.court
    assert intent.paid_at is not None and intent.receipt_number is not None
    outbox.queue_letter(
        letters.receipt(
            payer_name=payer.full_name,
            court_name=court.name,
            receipt_number=intent.receipt_number,
            description=intent.description,
            amount=intent.amount,
            paid_at=clock.format_court_time(intent.paid_at, court.time_zone),
            card=card_label(intent),
            receipt_link=links.absolute(receipt_path(intent.receipt_number)),
        ),
        to=[payer.email],
        kind="payment_receipt",
        account_id=payer.id,
    )


def receipt_path(receipt_number: str) -> str:
    return reverse("payments:receipt", args=[receipt_number])


def card_label(intent: PaymentIntent) -> str:
    if intent.method_id is not None:
        method = intent.method
        assert method is not None
        return f"{method.get_kind_display()} ending {intent.card_last_four} ({method.nickname})"
    return f"card ending {intent.card_last_four}"


def write_ledger_row(
    intent: PaymentIntent,
    *,
    kind: str,
    amount: Decimal,
    gateway_reference: str,
    idempotency_key: str,
    at: datetime,
    reason: str = "",
    by_account_id: int | None = None,
) -> LedgerEntry:
    """Append one immutable ledger row (inside the caller's transaction), with its digest."""
    assert intent.receipt_number is not None
    entry = LedgerEntry(
        intent=intent,
        kind=kind,
        court_id=intent.court_id,
        payer_id=intent.payer_id,
        purpose=intent.purpose,
        purpose_ref=intent.purpose_ref,
        amount=amount,
        receipt_number=intent.receipt_number,
        gateway_reference=gateway_reference,
        idempotency_key=idempotency_key,
        reason=reason,
        by_account_id=by_account_id,
        recorded_at=at,
    )
    entry.digest = ledger_digest(entry)
    entry.save(force_insert=True)
    return entry


def ledger_digest(entry: LedgerEntry) -> str:
    """SHA-256 of a ledger row's content: ``openecf payments check`` recomputes it."""
    body = json.dumps(
        [
            entry.intent_id,
            entry.kind,
            entry.court_id,
            entry.payer_id,
            entry.purpose,
            entry.purpose_ref,
            f"{Decimal(entry.amount):.2f}",
            entry.receipt_number,
            entry.gateway_reference,
            entry.idempotency_key,
            entry.reason,
            entry.by_account_id,
            entry.recorded_at.isoformat(timespec="microseconds"),
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _fail(intent: PaymentIntent, *, code: str, reason: str) -> PaymentIntent:
    with durable_action():
        intent = PaymentIntent.objects.select_for_update().get(pk=intent.pk)
        if intent.state != PaymentIntent.State.PENDING:
            return intent
        intent.state = PaymentIntent.State.FAILED
        intent.resolved_at = clock.now()
        intent.failure_code = code[:40]
        intent.failure_reason = reason[:300]
        intent.save(update_fields=["state", "resolved_at", "failure_code", "failure_reason"])
        audit.record(
            actor_id=intent.payer_id,
            verb="payment.failed",
            subject=audit.Subject("payment", intent.pk),
            details={"code": code, "purpose_ref": intent.purpose_ref},
        )
    return intent


def settle(intent: PaymentIntent, *, nothing_in_flight: bool) -> PaymentIntent:
    """Ask the gateway what happened under the intent's key; complete or fail it.

    ``nothing_in_flight`` says no request for this intent can still reach the gateway (our own
    call has ended, or the process that made it is gone), so "nothing under this key" means
    nothing was charged. An unanswered lookup leaves the intent pending for a later try.
    """
    try:
        found = gateway().find(idempotency_key=intent.idempotency_key)
    except GatewayTimeout:
        return intent
    if found is not None and found.approved:
        return _complete(intent, found)
    if nothing_in_flight:
        return _fail(intent, code="not_charged", reason="The gateway has no charge for this key.")
    return intent


def settle_pending(*, older_than: timedelta | None = None) -> list[PaymentIntent]:
    """Settle every intent left pending longer than ``older_than`` (its process is gone)."""
    grace = older_than if older_than is not None else settings.OPENECF_PAYMENT_STALE_AFTER
    cutoff = clock.now() - grace
    stuck = PaymentIntent.objects.filter(
        state=PaymentIntent.State.PENDING, created_at__lte=cutoff
    ).order_by("pk")
    return [settle(intent, nothing_in_flight=True) for intent in stuck]
