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

import contextlib
import time
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError
from django.db.models import Q

from openecf.accounts import facade as accounts
from openecf.core import audit, clock
from openecf.core.errors import DomainError, InputInvalid, NotFound
from openecf.core.records import one_or_none
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.payments import ledger, letters, rules
from openecf.payments.actions.receipts import mail_to_payer
from openecf.payments.actions.refunds import settle_refund
from openecf.payments.errors import (
    GatewayUnavailable,
    PaaCannotPayCourtFees,
    PaymentDeclined,
    PaymentInProgress,
    PaymentMethodExpired,
)
from openecf.payments.gateways import (
    Card,
    Charge,
    ChargeOrder,
    GatewayDeclined,
    GatewayTimeout,
    gateway,
)
from openecf.payments.models import LedgerEntry, PaymentIntent, PaymentMethod, RefundRequest

GATEWAY_DOWN = (
    "The payment service did not answer and nothing was charged. Try again in a few minutes."
)
GATEWAY_UNSURE = (
    "The payment service did not confirm the payment. It is being checked: nothing will be "
    "charged twice. Look at your payment history in a few minutes."
)
IN_PROGRESS = (
    "This is already being paid in another window or request: wait a moment and look at "
    "your payment history."
)
ABANDONED = (
    "This payment page was left unfinished and then a newer payment was started, or it grew "
    "too old: nothing was charged here. Press Pay now to pay."
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
    card: Card | None = None,
) -> PaymentIntent:
    """Charge ``amount`` for ``purpose_ref`` once; a repeat answers the first payment."""
    now = clock.now()
    payer = _payer_who_may_pay(payer_id=payer_id, purpose=purpose)
    method, typed = None, None
    try:
        check_order(amount=amount, purpose=purpose, purpose_ref=purpose_ref)
        court = one_or_none(Court.objects.filter(pk=court_id))
        if court is None:
            raise NotFound("There is no such court.")
        if method_id is not None:
            method = _method(payer.id, method_id, now)
            last_four = method.last_four
        else:
            typed = checked_card(card, now)
            last_four = typed.digits[-4:]
    except DomainError:
        # A repeat answers the payment made, whatever card it brings (a paid purpose_ref is
        # otherwise found by _start's constraint, without a query of its own).
        done = PaymentIntent.objects.filter(purpose_ref=purpose_ref, state="completed").first()
        if done is not None:
            return done
        raise
    intent = _start(
        PaymentIntent(
            court=court,
            payer_id=payer.id,
            purpose=purpose,
            purpose_ref=purpose_ref,
            description=description[:200],
            amount=amount,
            method=method,
            card_last_four=last_four,
            gateway=gateway().name,
            created_at=now,
        )
    )
    if intent.state == PaymentIntent.State.COMPLETED:
        return intent
    order = ChargeOrder(
        idempotency_key=intent.idempotency_key,
        amount=amount,
        description=description,
        card=typed,
        token=method.token if method is not None else None,
    )
    try:
        charged = gateway().charge(order)
    except GatewayDeclined as declined:
        _fail(intent, code=declined.code, reason=declined.reason)
        raise PaymentDeclined(declined.reason) from None
    except GatewayTimeout:
        settled = settle(intent, nothing_in_flight=True)
        if settled.state == PaymentIntent.State.COMPLETED:
            return settled
        failed = settled.state == PaymentIntent.State.FAILED
        raise GatewayUnavailable(GATEWAY_DOWN if failed else GATEWAY_UNSURE) from None
    except Exception:
        _settle_quietly(intent)  # our call has ended, however it ended: the gateway knows
        raise
    return _complete(intent, charged, payer)


def _settle_quietly(intent: PaymentIntent) -> None:
    """Settle after an unexpected error, so a retry need not wait for the worker; a failure
    here leaves the intent pending for ``settle_pending``."""
    with contextlib.suppress(Exception):  # then the worker settles it later
        settle(intent, nothing_in_flight=True)


def check_order(*, amount: Decimal, purpose: str, purpose_ref: str) -> None:
    InputInvalid.raise_if(
        {
            **rules.amount_problems(amount),
            **({} if purpose in rules.PURPOSES else {"purpose": ["Unknown payment purpose."]}),
            **({} if purpose_ref.strip() else {"purpose_ref": ["Say what is being paid."]}),
        }
    )


def _payer_who_may_pay(*, payer_id: int, purpose: str) -> accounts.Person:
    payer = accounts.person(account_id=payer_id)
    if payer is None:
        raise NotFound("There is no such PACER account.")
    refusal = rules.court_payment_refusal(account_kind=payer.kind, purpose=purpose)
    if refusal is not None:
        raise PaaCannotPayCourtFees(refusal)
    return payer


def _method(payer_id: int, method_id: int, now: datetime) -> PaymentMethod:
    method = PaymentMethod.objects.filter(
        pk=method_id, account_id=payer_id, deleted_at__isnull=True
    ).first()
    if method is None:
        raise InputInvalid({"method_id": ["There is no such stored payment method."]})
    refuse_expired(method.exp_month, method.exp_year, now)
    return method


def checked_card(card: Card | None, now: datetime, **more: list[str]) -> Card:
    """The card, or ``InputInvalid`` for a missing or mistyped one (with the ``more``
    problems), or ``PaymentMethodExpired`` for one past its expiry month."""
    if card is None:
        raise InputInvalid({"method_id": ["Choose a stored payment method or enter a card."]})
    InputInvalid.raise_if({**rules.card_problems(card), **more})
    refuse_expired(card.exp_month, card.exp_year, now)
    return card


def refuse_expired(exp_month: int, exp_year: int, now: datetime) -> None:
    if rules.is_expired(exp_month=exp_month, exp_year=exp_year, now=now):
        raise PaymentMethodExpired(rules.CARD_EXPIRED)


def _start(intent: PaymentIntent) -> PaymentIntent:
    """Commit the pending intent; when another request holds the live one, wait for it."""
    deadline = time.monotonic() + settings.OPENECF_PAYMENT_WAIT_SECONDS
    attempt = 1  # the usual case; after a conflict, counted
    while True:
        intent.idempotency_key = f"{intent.purpose_ref}#{attempt}"
        try:
            with durable_action():
                intent.save(force_insert=True)
                return intent
        except IntegrityError:
            intent.pk = None
        attempt = PaymentIntent.objects.filter(purpose_ref=intent.purpose_ref).count() + 1
        live = PaymentIntent.objects.filter(purpose_ref=intent.purpose_ref, state__in=LIVE).first()
        wait = False
        if live is None:
            pass  # an earlier attempt failed: the next number is free
        elif live.state == PaymentIntent.State.COMPLETED:
            return live
        elif waiting_for_payer(live):
            # Left on the gateway's hosted page: nothing is captured until we complete it.
            abandon(live)
        else:
            # Its process may be gone (stale), or its answer lost: the gateway knows.
            since = live.completing_at or live.created_at
            stale = since <= clock.now() - _stale_after()
            settled = settle(live, nothing_in_flight=stale)
            if settled.state == PaymentIntent.State.COMPLETED:
                return settled
            wait = not stale
        if time.monotonic() > deadline:
            raise PaymentInProgress(IN_PROGRESS)
        if wait:
            time.sleep(0.05)


def waiting_for_payer(intent: PaymentIntent) -> bool:
    """A hosted payment whose payer has not come back yet: nothing can have been captured."""
    return bool(intent.hosted_token) and intent.completing_at is None


def abandon(intent: PaymentIntent, *, code: str = "abandoned", reason: str = ABANDONED) -> bool:
    """Fail a hosted payment still waiting for its payer; never one being completed (this
    conditional update and ``complete_hosted``'s claim exclude each other)."""
    with durable_action():
        ended = PaymentIntent.objects.filter(
            pk=intent.pk, state=PaymentIntent.State.PENDING, completing_at__isnull=True
        ).update(
            state=PaymentIntent.State.FAILED,
            resolved_at=clock.now(),
            failure_code=code,
            failure_reason=reason,
        )
        if ended:
            _audit(intent, "payment.failed", code=code)
    return bool(ended)


def _stale_after() -> timedelta:
    return settings.OPENECF_PAYMENT_STALE_AFTER


def _complete(
    intent: PaymentIntent, charged: Charge, payer: accounts.Person | None = None
) -> PaymentIntent:
    """Record the charge: receipt number, ledger row, audit row, receipt e-mail (to ``payer``,
    read again when not given)."""
    now = clock.now()
    completed = {
        "state": PaymentIntent.State.COMPLETED,
        "resolved_at": now,
        "paid_at": now,
        "gateway_reference": charged.reference,
        "receipt_number": rules.receipt_number(court_id=intent.court_id, serial=intent.pk),
        "card_last_four": charged.card_last_four or intent.card_last_four,
    }
    with durable_action():
        # One conditional update is the lock and the check: whoever completes it first (this
        # request, or a settle that found the charge) writes the ledger row; others re-read.
        claimed = (
            PaymentIntent.objects.filter(pk=intent.pk)
            .exclude(state=PaymentIntent.State.COMPLETED)
            .update(**completed)
        )
        if claimed:
            for name, value in completed.items():
                setattr(intent, name, value)
            ledger.append(
                intent,
                kind=LedgerEntry.Kind.CHARGE,
                amount=intent.amount,
                gateway_reference=charged.reference,
                idempotency_key=intent.idempotency_key,
                at=now,
            )
            _audit(intent, "payment.completed", receipt_number=intent.receipt_number)
            mail_to_payer(intent, letters.receipt, kind="payment_receipt", payer=payer)
    if not claimed:
        return PaymentIntent.objects.get(pk=intent.pk)
    return intent


def _audit(intent: PaymentIntent, verb: str, **details: object) -> None:
    audit.record(
        actor_id=intent.payer_id,
        verb=verb,
        subject=audit.Subject("payment", intent.pk),
        details={"purpose_ref": intent.purpose_ref, "amount": str(intent.amount), **details},
    )


def _fail(intent: PaymentIntent, *, code: str, reason: str) -> PaymentIntent:
    with durable_action():
        intent = PaymentIntent.objects.select_for_update().get(pk=intent.pk)
        if intent.state != PaymentIntent.State.PENDING:
            return intent
        intent.state = PaymentIntent.State.FAILED
        intent.resolved_at = clock.now()
        intent.failure_code = code[:40]
        intent.failure_reason = reason[:300]
        intent.save()
        _audit(intent, "payment.failed", code=code)
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
    if found is not None:
        return _complete(intent, found)
    if nothing_in_flight:
        return _fail(intent, code="not_charged", reason="The gateway has no charge for this key.")
    return intent


def settle_pending(*, older_than: timedelta | None = None) -> list[PaymentIntent]:
    """Settle every intent left pending longer than ``older_than`` (its process is gone)."""
    now = clock.now()
    cutoff = now - (older_than if older_than is not None else _stale_after())
    pending = PaymentIntent.objects.filter(state="pending").order_by("pk")
    waiting = Q(completing_at__isnull=True) & ~Q(hosted_token="")
    for left in pending.filter(waiting, created_at__lte=now - rules.HOSTED_PAGE_LIFETIME):
        abandon(left)
    stuck = pending.exclude(waiting).filter(
        Q(completing_at__isnull=True, created_at__lte=cutoff) | Q(completing_at__lte=cutoff)
    )
    settled = [settle(intent, nothing_in_flight=True) for intent in stuck]
    for request in RefundRequest.objects.filter(state="pending", created_at__lte=cutoff):
        settle_refund(request)
    return settled
