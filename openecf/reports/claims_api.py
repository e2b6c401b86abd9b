"""A bankruptcy case's claims register in the JSON API: the same claims, access rule and charge
as ``SearchClaims.pl`` (``reports/claims.py``)."""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from openecf.billing import facade as billing
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.courts.access import standing_of
from openecf.courts.queries import get_court
from openecf.reports.claims import ClaimsCriteria, charge_register, register
from openecf.reports.views.claims import claims_access

router = Router(tags=["reports"])


class HistoryOut(Schema):
    type: str  # "claim" or "docket_entry"
    number: str  # "1-1" for the claim; the entry number for a docket entry
    entry_number: int
    date_filed: date
    description: str
    document: str  # its /doc1/ path, "" when you may not open it


class AmountsOut(Schema):
    amount_claimed: Decimal
    secured: Decimal
    priority: Decimal
    unsecured: Decimal  # the amount claimed less the secured and priority parts


class ClaimOut(Schema):
    claim_number: int
    creditor_id: int | None
    creditor: str
    date_filed: date
    date_entered: date
    filed_by: str
    entered_by: str
    description: str
    history: list[HistoryOut]
    amounts: AmountsOut | None  # null: the claim was filed without its amounts


class ViewReceiptOut(Schema):
    pages: int
    amount: Decimal
    free_reason: str


class ClaimsRegisterOut(Schema):
    case_number: str
    title: str
    chapter: int | None
    judge: str
    trustee: str
    claims: list[ClaimOut]
    receipt: ViewReceiptOut


class ClaimsQuery(Schema):
    dates: str = "filed"  # or "entered"
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "claim_number"  # or "date_filed"
    view: str = ""  # a key of your own: repeating it is not charged again


@router.get(
    "/courts/{court_id}/cases/{caseid}/claims",
    auth=signed_in,
    response={200: ClaimsRegisterOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A bankruptcy case's claims register (charged as a case-specific report)",
)
def claims_register(request: HttpRequest, court_id: str, caseid: int, q: Query[ClaimsQuery]):
    court = get_court(court_id)
    standing = standing_of(request, court)
    access = claims_access(standing, caseid)
    problems = {}
    if q.dates not in ("filed", "entered"):
        problems["dates"] = "Choose filed or entered."
    if q.sort not in ("claim_number", "date_filed"):
        problems["sort"] = "Choose claim_number or date_filed."
    if q.date_from and q.date_to and q.date_from > q.date_to:
        problems["date_to"] = "The end date is before the start date: swap them."
    if q.view and not (q.view.isalnum() and len(q.view) <= 40):
        problems["view"] = "Use up to 40 letters and digits."
    if problems:
        raise InputInvalid(problems)
    criteria = ClaimsCriteria(
        date_field=q.dates, date_from=q.date_from, date_to=q.date_to, by_date=q.sort == "date_filed"
    )
    found = register(access, criteria, zone=court.time_zone)
    _, receipt = charge_register(
        found,
        court_name=court.name,
        account_id=request.auth.pk,
        standing=standing,
        username=request.auth.username,
        view=q.view or secrets.token_hex(12),
        client_code=billing.client_code_of(request),
    )
    return ClaimsRegisterOut(
        case_number=found.case.shown_number,
        title=found.case.title,
        chapter=found.case.chapter,
        judge=found.judge,
        trustee=found.trustee,
        claims=[
            ClaimOut(
                claim_number=c.claim_number,
                creditor_id=c.creditor_id,
                creditor=c.creditor,
                date_filed=c.filed_on,
                date_entered=c.entered_on,
                filed_by=c.filed_by,
                entered_by=c.entered_by,
                description=c.description,
                amounts=(
                    AmountsOut(
                        amount_claimed=c.amounts.amount_claimed,
                        secured=c.amounts.secured,
                        priority=c.amounts.priority,
                        unsecured=c.amounts.unsecured,
                    )
                    if c.amounts
                    else None
                ),
                history=[
                    HistoryOut(
                        type=h.kind,
                        number=h.number,
                        entry_number=h.entry.entry_number,
                        date_filed=h.filed_on,
                        description=h.description,
                        document=h.href,
                    )
                    for h in c.history
                ],
            )
            for c in found.claims
        ],
        receipt=ViewReceiptOut(
            pages=receipt.pages, amount=receipt.amount, free_reason=receipt.free_reason
        ),
    )
