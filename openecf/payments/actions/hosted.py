"""Paying on the gateway's hosted page (pay.gov's hosted collection), for a person's browser.

1. ``begin_hosted``: the intent (pending) is committed first, as for ``pay``; then the gateway
   is asked for a hosted page (``startOnlineCollection``: no money moves) and its token is kept
   on the intent. The caller sends the browser to the answered address.
2. The payer types the card on the gateway's page and comes back to the caller's return
   address with the token: ``complete_hosted`` claims the intent (``completing_at``, committed,
   and only while it is still pending) and only then asks the gateway to capture
   (``completeOnlineCollection``), so the capture is asked once per token. Coming back twice
   answers the same payment; a decline or an expired token fails the intent, nothing charged.
3. ``cancel_hosted``: the payer pressed cancel on the gateway's page: the intent fails.

A payer who never comes back leaves a pending intent "waiting for the payer": a new "Pay now"
for the same ``purpose_ref`` abandons it (only while it is not being completed: one
conditional update decides, so the old tab's return and the new payment never both capture),
and ``settle_pending`` abandons it after ``HOSTED_PAGE_LIFETIME``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.courts.models import Court
from openecf.payments.actions import paying
from openecf.payments.errors import (
    GatewayUnavailable,
    HostedPaymentEnded,
    PaymentDeclined,
    PaymentInProgress,
)
from openecf.payments.gateways import ChargeOrder, GatewayDeclined, GatewayTimeout, gateway
from openecf.payments.models import PaymentIntent

CANCELLED = "You cancelled the payment on the payment page: nothing was charged."


@dataclass(frozen=True)
class HostedBegun:
    """Where to send the payer's browser, or the payment when it was already paid."""

    redirect_url: str = ""
    paid: PaymentIntent | None = None


def hosted_checkout() -> bool:
    """Whether the configured gateway takes typed cards on its own hosted page."""
    return bool(getattr(gateway(), "hosted", False))


def begin_hosted(
    *,
    payer_id: int,
    court_id: str,
    purpose: str,
    purpose_ref: str,
    description: str,
    amount: Decimal,
    return_url: str,
    cancel_url: str,
) -> HostedBegun:
    """Commit the intent and start the gateway's hosted page; a paid ``purpose_ref`` answers
    its payment instead."""
    payer = paying._payer_who_may_pay(payer_id=payer_id, purpose=purpose)
    done = PaymentIntent.objects.filter(purpose_ref=purpose_ref, state="completed").first()
    if done is not None:
        return HostedBegun(paid=done)
    paying.check_order(amount=amount, purpose=purpose, purpose_ref=purpose_ref)
    court = Court.objects.filter(pk=court_id).first()
    if court is None:
        raise NotFound("There is no such court.")
    hosting = gateway()
    start_hosted = getattr(hosting, "start_hosted", None)
    if start_hosted is None:
        raise InputInvalid({"method_id": ["This payment service has no hosted payment page."]})
    intent = paying._start(
        PaymentIntent(
            court=court,
            payer_id=payer.id,
            purpose=purpose,
            purpose_ref=purpose_ref,
            description=description[:200],
            amount=amount,
            gateway=hosting.name,
            created_at=clock.now(),
        )
    )
    if intent.state == PaymentIntent.State.COMPLETED:
        return HostedBegun(paid=intent)
    order = ChargeOrder(
        idempotency_key=intent.idempotency_key, amount=amount, description=description
    )
    try:
        started = start_hosted(order, url_success=return_url, url_cancel=cancel_url)
    except GatewayDeclined as declined:
        paying._fail(intent, code=declined.code, reason=declined.reason)
        raise PaymentDeclined(declined.reason) from None
    except Exception as error:
        # No money moves when a hosted page starts: the intent simply fails.
        paying._fail(intent, code="not_started", reason="The payment page could not be opened.")
        if isinstance(error, GatewayTimeout):
            raise GatewayUnavailable(paying.GATEWAY_DOWN) from None
        raise
    PaymentIntent.objects.filter(pk=intent.pk).update(hosted_token=started.token)
    return HostedBegun(redirect_url=started.redirect_url)


def complete_hosted(*, payer_id: int, token: str) -> PaymentIntent:
    """The payer came back from the hosted page: capture once and record the payment."""
    intent = _hosted_intent(payer_id=payer_id, token=token)
    claimed = (
        PaymentIntent.objects.filter(
            pk=intent.pk, state=PaymentIntent.State.PENDING, completing_at__isnull=True
        ).update(completing_at=clock.now())
        == 1
    )
    if not claimed:
        return _answer_for(intent)
    complete = gateway().complete_hosted  # type: ignore[attr-defined]
    try:
        charged = complete(token=token)
    except GatewayDeclined as declined:
        paying._fail(intent, code=declined.code, reason=declined.reason)
        raise PaymentDeclined(declined.reason) from None
    except GatewayTimeout:
        settled = paying.settle(intent, nothing_in_flight=True)
        if settled.state == PaymentIntent.State.COMPLETED:
            return settled
        failed = settled.state == PaymentIntent.State.FAILED
        raise GatewayUnavailable(paying.GATEWAY_DOWN if failed else paying.GATEWAY_UNSURE) from None
    except Exception:
        paying._settle_quietly(intent)
        raise
    return paying._complete(intent, charged)


def cancel_hosted(*, payer_id: int, token: str) -> PaymentIntent:
    """The payer cancelled on the hosted page: fail the intent unless it is being completed."""
    intent = _hosted_intent(payer_id=payer_id, token=token)
    paying.abandon(intent, code="cancelled", reason=CANCELLED)
    intent.refresh_from_db()
    return intent


def _hosted_intent(*, payer_id: int, token: str) -> PaymentIntent:
    intent = (
        PaymentIntent.objects.filter(hosted_token=token, payer_id=payer_id).first()
        if token
        else None
    )
    if intent is None:
        raise NotFound("There is no such payment: start again from your court fees.")
    return intent


def _answer_for(intent: PaymentIntent) -> PaymentIntent:
    """Someone else claimed it (coming back twice, or abandoned): its outcome, waiting for a
    completion in flight."""
    deadline = time.monotonic() + settings.OPENECF_PAYMENT_WAIT_SECONDS
    while True:
        intent.refresh_from_db()
        if intent.state == PaymentIntent.State.COMPLETED:
            return intent
        if intent.state == PaymentIntent.State.FAILED:
            if intent.failure_code in ("abandoned", "cancelled"):
                raise HostedPaymentEnded(intent.failure_reason)
            if intent.failure_code == "not_charged":
                raise HostedPaymentEnded(paying.GATEWAY_DOWN)
            raise PaymentDeclined(intent.failure_reason)
        if time.monotonic() > deadline:
            raise PaymentInProgress(paying.IN_PROGRESS)
        time.sleep(0.05)
