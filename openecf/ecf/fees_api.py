"""Court fees in the JSON API: what the signed-in person owes at every court, and paying it.

Programs rely on these names (issue 9): ``GET /api/v1/me/fees-due`` and
``POST /api/v1/me/fees-due/{id}/payment``. The clerk's fee report is on the court's pages.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from ninja import Header, Router, Schema, Status

from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.ecf import actions, queries
from openecf.ecf.models import CourtFeeOwed
from openecf.payments import facade as payments

router = Router(tags=["court fees"])

FeeKindName = Literal[tuple(CourtFeeOwed.Kind.values)]  # type: ignore[valid-type]


class FeeDueOut(Schema):
    id: int
    court_id: str
    kind: FeeKindName
    amount: Decimal
    due_on: date


class FeesDueOut(Schema):
    fees: list[FeeDueOut]


class CardIn(Schema):
    number: str
    exp_month: int
    exp_year: int
    cvc: str
    name: str


class PaymentIn(Schema):
    method_id: int | None = None
    card: CardIn | None = None


class ReceiptOut(Schema):
    receipt_number: str
    amount: Decimal
    court_id: str
    paid_at: datetime


FEES_DUE = "The court fees the signed-in person owes, at every court"


@router.get("/me/fees-due", response=FeesDueOut, auth=signed_in, summary=FEES_DUE)
def fees_due(request: HttpRequest) -> dict:
    actions.heal_paid_fees(account_id=request.account.pk)
    return {"fees": queries.fees_of(account_id=request.account.pk)}


@router.post(
    "/me/fees-due/{fee_id}/payment",
    response={
        201: ReceiptOut,
        402: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
        503: ErrorOut,
    },
    auth=signed_in,
    summary="Pay a court fee with a stored payment method or a card",
    description=(
        "Send `method_id` (a stored payment method) or `card` "
        '(`{"number", "exp_month", "exp_year", "cvc", "name"}`), and an `Idempotency-Key` '
        "header. The fee is charged once: a repeat answers the same receipt. 403 "
        "`paa_cannot_pay_court_fees` for a PACER Administrative Account or a shared account; 402 "
        "`payment_declined` with the gateway's reason; 404 for a fee that is not yours."
    ),
)
def pay_fee_due(
    request: HttpRequest,
    fee_id: int,
    payload: PaymentIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),
) -> Status[dict]:
    InputInvalid.raise_if(
        {
            "Idempotency-Key": []
            if idempotency_key.strip()
            else ["Send an Idempotency-Key header (any unique string per payment you mean)."],
            "": []
            if (payload.method_id is None) != (payload.card is None)
            else ["Send either method_id or card, not both and not neither."],
        }
    )
    card = payload.card
    paid = actions.pay_court_fee(
        account_id=request.account.pk,
        account_kind=request.account.kind,
        fee_id=fee_id,
        method_id=payload.method_id,
        card=payments.Card(**card.dict()) if card is not None else None,
    )
    return Status(
        201,
        {
            "receipt_number": paid.receipt_number,
            "amount": paid.amount,
            "court_id": paid.court_id,
            "paid_at": paid.paid_at,
        },
    )
