"""PACER billing in the JSON API: usage, invoices and paying them; the firm's usage."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from openecf.billing import access, actions, queries
from openecf.billing.forms import usage_filter
from openecf.billing.models import AccessCharge, QuarterStatement
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.payments import facade as payments

router = Router(tags=["billing"])


class FirmUsageQuery(Schema):
    from_: date | None = Field(None, alias="from")
    to: date | None = None


class UsageQuery(FirmUsageQuery):
    court_id: str = ""
    client_code: str = ""


class TransactionOut(Schema):
    at: datetime
    court_id: str | None
    description: str
    pages: int
    amount: Decimal
    client_code: str


class FirmTransactionOut(TransactionOut):
    username: str


class UsageOut(Schema):
    transactions: list[TransactionOut]


class FirmUsageOut(Schema):
    transactions: list[FirmTransactionOut]


class InvoiceOut(Schema):
    id: int
    quarter: str
    kind: str  # invoice (balance due) or statement (credit or zero)
    quarter_charges: Decimal
    waived: bool
    balance: Decimal
    owed: Decimal  # what is still owed through this quarter now (payments counted)
    issued_at: datetime
    due_on: date
    url: str
    pdf_url: str


class InvoicesOut(Schema):
    invoices: list[InvoiceOut]


class InvoiceCardIn(Schema):
    number: str
    exp_month: int
    exp_year: int
    cvc: str
    name: str


class InvoicePayIn(Schema):
    method_id: int | None = None
    card: InvoiceCardIn | None = None


class InvoicePaymentOut(Schema):
    receipt_number: str
    amount: Decimal
    quarter: str
    paid_at: datetime


def _transaction(row: AccessCharge, cls: type[TransactionOut] = TransactionOut) -> TransactionOut:
    fields = {
        "at": row.at, "court_id": row.court_id, "description": row.description,
        "pages": row.pages, "amount": row.amount, "client_code": row.client_code,
    }  # fmt: skip
    if cls is FirmTransactionOut:
        fields["username"] = row.username
    return cls(**fields)


def _invoice(statement: QuarterStatement) -> InvoiceOut:
    return InvoiceOut(
        id=statement.pk,
        quarter=statement.quarter,
        kind=statement.kind,
        quarter_charges=statement.quarter_charges,
        waived=statement.waived,
        balance=statement.balance,
        owed=max(queries.owed_through(statement.account_id, statement.quarter), queries.ZERO),
        issued_at=statement.issued_at,
        due_on=statement.due_on,
        url=f"/account/invoices/{statement.pk}/",
        pdf_url=f"/account/invoices/{statement.pk}/pdf/",
    )


@router.get(
    "/me/usage",
    response=UsageOut,
    auth=signed_in,
    summary="Your PACER transactions (last 24 months, newest first)",
    description=(
        "`from` and `to` are days on PACER's calendar (Central time), both included; filter by "
        "`court_id` and `client_code`. At most 5,000 transactions. A legacy account must "
        "upgrade first (403 `legacy_account_must_upgrade`)."
    ),
)
def my_usage(request: HttpRequest, query: Query[UsageQuery]) -> UsageOut:
    account = access.require_usage_reader(request.account)
    filters = usage_filter(
        start=query.from_, end=query.to, court_id=query.court_id, client_code=query.client_code
    )
    rows = queries.usage(filters, now=clock.now(), account_id=account.pk)[:5000]
    return UsageOut(transactions=[_transaction(row) for row in rows])


@router.get(
    "/me/invoices",
    response=InvoicesOut,
    auth=signed_in,
    summary="Your quarterly invoices and statements (last 24 months)",
)
def my_invoices(request: HttpRequest) -> InvoicesOut:
    account = access.require_account(request.account)
    actions.record_invoice_payments(account_id=account.pk)
    return InvoicesOut(
        invoices=[_invoice(s) for s in queries.statements_of(account.pk, now=clock.now())]
    )


@router.post(
    "/me/invoices/{invoice_id}/payment",
    response={201: InvoicePaymentOut},
    auth=signed_in,
    summary="Pay what is owed on an invoice (a stored method or a card)",
    description=(
        "Pays everything still owed through the invoice's quarter; a repeat answers the same "
        "payment (one payment per invoice). 409 `nothing_to_pay` when nothing is owed, 402 "
        "`payment_declined` with the gateway's reason, 422 for a bad card or method, 404 for "
        "another account's invoice. Paying lifts a suspension at once."
    ),
)
def pay_invoice(request: HttpRequest, invoice_id: int, payload: InvoicePayIn):
    account = access.require_account(request.account)
    card = payments.Card(**payload.card.dict()) if payload.card is not None else None
    row = actions.pay_invoice(
        account_id=account.pk, statement_id=invoice_id, method_id=payload.method_id, card=card
    )
    return Status(
        201,
        InvoicePaymentOut(
            receipt_number=row.receipt_number,
            amount=-row.amount,
            quarter=row.quarter,
            paid_at=row.at,
        ),
    )


@router.get(
    "/firm/usage",
    response=FirmUsageOut,
    auth=signed_in,
    summary="The firm's members' PACER transactions (for the firm's PACER Administrative Account)",
    description=(
        "Every charge billed to the firm, with the member's `username` and client code. "
        "`from`/`to` are PACER days, both included. Anyone but the firm's PAA gets 404."
    ),
)
def firm_usage(request: HttpRequest, query: Query[FirmUsageQuery]) -> FirmUsageOut:
    firm = access.require_firm_paa(request.account)
    filters = usage_filter(start=query.from_, end=query.to)
    rows = queries.usage(filters, now=clock.now(), billed_to_id=firm.paa_account_id)[:5000]
    return FirmUsageOut(transactions=[_transaction(r, FirmTransactionOut) for r in rows])
