"""Payments in the JSON API: stored payment methods, payment history, receipts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.responses import Status

from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.payments import access, actions, queries
from openecf.payments.gateways import Card
from openecf.payments.models import LedgerEntry, PaymentIntent, PaymentMethod

router = Router(tags=["payments"])


class PaymentMethodIn(Schema):
    """The card is ``{"number", "exp_month", "exp_year", "cvc", "name"}`` (the sandbox's test
    cards are listed in docs/payments.md); it goes to the payment service, never to our rows."""

    nickname: str
    card: Card
    make_default: bool = False


class PaymentMethodOut(Schema):
    id: int
    nickname: str
    kind: str
    last_four: str
    exp_month: int
    exp_year: int
    is_default: bool
    created_at: datetime


class PaymentMethodList(Schema):
    methods: list[PaymentMethodOut]


class RefundOut(Schema):
    amount: Decimal
    reason: str
    refunded_at: datetime


class PaymentOut(Schema):
    receipt_number: str | None
    state: str  # completed, pending (being checked) or failed (nothing charged)
    amount: Decimal
    refunded: Decimal
    court_id: str
    purpose: str
    description: str
    paid_at: datetime | None
    created_at: datetime
    failure_reason: str


class PaymentReceiptOut(PaymentOut):
    gateway_reference: str
    paid_with: str
    refunds: list[RefundOut]


class PaymentList(Schema):
    payments: list[PaymentOut]


def method_out(method: PaymentMethod) -> PaymentMethodOut:
    return PaymentMethodOut.from_orm(method)


def payment_out(intent: PaymentIntent) -> PaymentOut:
    return PaymentOut.from_orm(intent)


def refund_out(entry: LedgerEntry) -> RefundOut:
    return RefundOut(amount=-entry.amount, reason=entry.reason, refunded_at=entry.recorded_at)


@router.get(
    "/me/payment-methods",
    response={200: PaymentMethodList, 401: ErrorOut},
    auth=signed_in,
    summary="Your stored payment methods (at most three)",
)
def list_payment_methods(request: HttpRequest) -> PaymentMethodList:
    account_id = access.signed_in_account_id(request)
    return PaymentMethodList(methods=[method_out(m) for m in actions.live_methods(account_id)])


@router.post(
    "/me/payment-methods",
    response={201: PaymentMethodOut, 401: ErrorOut, 402: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=signed_in,
    summary="Store a card with the payment service",
    description=(
        "The payment service keeps the card and answers a token; we keep only the nickname, "
        "kind, last four digits and expiry. The first method becomes the default. 409 "
        "`too_many_payment_methods` past three; 422 `payment_method_expired` for an expired "
        "card; 402 `payment_declined` when the payment service refuses the card."
    ),
)
def add_payment_method(request: HttpRequest, payload: PaymentMethodIn):
    account_id = access.signed_in_account_id(request)
    return Status(
        201, method_out(actions.add_payment_method(account_id=account_id, **dict(payload)))
    )


@router.delete(
    "/me/payment-methods/{method_id}",
    response={204: None, 401: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Delete a stored payment method",
    description="The oldest remaining method becomes the default when the default is deleted.",
)
def delete_payment_method(request: HttpRequest, method_id: int):
    actions.delete_payment_method(
        account_id=access.signed_in_account_id(request), method_id=method_id
    )
    return HttpResponse(status=204)


@router.post(
    "/me/payment-methods/{method_id}/default",
    response={200: PaymentMethodOut, 401: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary="Make a stored payment method your default",
)
def make_default_payment_method(request: HttpRequest, method_id: int) -> PaymentMethodOut:
    return method_out(
        actions.set_default_payment_method(
            account_id=access.signed_in_account_id(request), method_id=method_id
        )
    )


HISTORY = "Your payment history, newest first (also attempts being checked or not charged)"


@router.get(
    "/me/payments", response={200: PaymentList, 401: ErrorOut}, auth=signed_in, summary=HISTORY
)
def payment_history(request: HttpRequest) -> PaymentList:
    account_id = access.signed_in_account_id(request)
    return PaymentList(payments=[payment_out(p) for p in queries.history(account_id)[:200]])


RECEIPT = "A receipt: for its payer and the clerk's office of its court (others: 404)"


@router.get(
    "/payments/{receipt_number}",
    response={200: PaymentReceiptOut, 401: ErrorOut, 404: ErrorOut},
    auth=signed_in,
    summary=RECEIPT,
)
def receipt(request: HttpRequest, receipt_number: str) -> PaymentReceiptOut:
    from openecf.payments.actions.receipts import card_label

    intent = access.receipt_for(request, receipt_number)
    return PaymentReceiptOut(
        **payment_out(intent).dict(),
        gateway_reference=intent.gateway_reference,
        paid_with=card_label(intent),
        refunds=[refund_out(r) for r in queries.refunds_of(intent)],
    )
