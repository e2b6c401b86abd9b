"""The record in the JSON API, under the pages' one access rule and with their charges.

- ``GET /courts/{court_id}/cases/{caseid}/entries``: the docket's entries, a page at a time
  (``cursor``), as the caller may see them. The walk is one docket report to billing: the
  first page charges the report (its heading and every entry it shows, by bytes, capped at
  $3.00, as the page ``DktRpt.pl`` charges); the signed cursor carries that view, so the next
  pages are not charged again. ``view`` names the walk: a retry with the same ``view`` is the
  same view (no second charge).
- ``GET /courts/{court_id}/cases/{caseid}/documents/{doc_id}``: a document's facts and what
  opening it costs now (the cost confirmation of ``/doc1/``; nothing is charged).
- ``GET .../documents/{doc_id}/pdf?accept_charge=<dollars>``: the PDF with CM/ECF's header,
  charged once per ``view``; without ``accept_charge`` at or above the cost it answers 402
  ``charge_not_accepted`` and charges nothing.

Missing, sealed and not-yours-to-open answer the same 404 ``not_found``.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core import signing
from django.http import FileResponse, HttpRequest
from ninja import Router

from openecf.billing import facade as billing
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.docket import facade as docket
from openecf.documents import facade as documents
from openecf.reports import rules
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.errors import ChargeNotAccepted
from openecf.reports.schemas import (
    ChargedCaseOut,
    CostOut,
    DocumentCostOut,
    EntriesPageOut,
    PacerReceiptOut,
    RecordDocumentOut,
    RecordEntryOut,
)
from openecf.reports.views.docket import billable_report, charge_docket_report
from openecf.reports.views.document import (
    charge_document,
    document_key,
    find_document,
    header_of,
    part_link,
    part_to_open,
)

router = Router(tags=["reports"])

CURSOR_SALT = "reports.entries_cursor"
MAX_LIMIT = 500
API = "/api/v1"
PDF_ANSWER = {
    "responses": {
        200: {
            "description": "The PDF, with CM/ECF's header on every page; the view is charged.",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


def _nonce(given: str) -> str:
    if not given:
        return secrets.token_hex(12)
    if not (given.isalnum() and len(given) <= 40):
        raise InputInvalid({"view": ["Give view as up to 40 letters and digits."]})
    return given


def _walk(cursor: str, court: Court, caseid: int, account_id: int) -> tuple[int, str]:
    """(the last entry number sent, the walk's view) from a signed cursor of this person's walk."""
    try:
        court_id, case, account, after, nonce = signing.loads(cursor, salt=CURSOR_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise InputInvalid(
            {"cursor": ["This cursor is damaged: start again without one."]}
        ) from None
    if (court_id, case, account) != (court.pk, caseid, account_id):
        raise InputInvalid({"cursor": ["This cursor belongs to another walk: start again."]})
    return after, nonce


def _receipt_out(receipt: billing.Receipt) -> PacerReceiptOut:
    return PacerReceiptOut(
        description=receipt.description,
        criteria=receipt.criteria,
        pages=receipt.pages,
        amount=receipt.amount,
        client_code=receipt.client_code,
        free_reason=receipt.free_reason,
    )


def _entry_out(access: RecordAccess, entry: docket.RecordEntry, court: Court) -> RecordEntryOut:
    parts = [d for d in entry.documents if access.may_open(entry, d)]
    main = next((d for d in parts if d.attachment_number == 0), None)
    base = f"{API}/courts/{court.pk}/cases/{access.case.caseid}/documents/"
    return RecordEntryOut(
        entry_number=entry.entry_number,
        docket_text=entry.docket_text,
        filed_at=clock.in_zone(entry.filed_at, court.time_zone),
        entered_at=clock.in_zone(entry.entered_at, court.time_zone),
        event=entry.event_code,
        stricken=entry.stricken_at is not None,
        documents=[
            RecordDocumentOut(
                doc_id=d.pacer_doc_id,
                attachment_number=d.attachment_number,
                description=d.description,
                page_count=d.page_count,
                size=d.size,
                url=base + part_link(court.pk, d, main or d).rsplit("/", 1)[-1],
            )
            for d in parts
        ],
    )


def _case_record(
    request: HttpRequest, court_id: str, caseid: int
) -> tuple[Court, RecordAccess, int]:
    """The court, the case's record as the signed-in caller may see it, and the caller."""
    court = get_court(court_id)
    standing = standing_of(request, court)
    assert standing.account_id is not None  # auth=signed_in
    return court, record_access(standing, caseid), standing.account_id


def case_entries(
    request: HttpRequest,
    court_id: str,
    caseid: int,
    cursor: str = "",
    limit: int = 100,
    view: str = "",
):
    court, access, account_id = _case_record(request, court_id, caseid)
    if not 1 <= limit <= MAX_LIMIT:
        raise InputInvalid({"limit": [f"Ask for 1 to {MAX_LIMIT} entries a page."]})
    after: int | None = None
    if cursor:
        after, nonce = _walk(cursor, court, caseid, account_id)
    else:
        nonce = _nonce(view)
    criteria = rules.Criteria(parties=False)
    report = billable_report(court, access, criteria)
    receipt = charge_docket_report(
        request, access, criteria, account_id=account_id, nonce=nonce, size_bytes=report.size_bytes
    )
    page = docket.record_entries(caseid=caseid, only=report.only, after=after, limit=limit + 1)
    more = len(page) > limit
    page = page[:limit]
    next_cursor = (
        signing.dumps(
            [court.pk, caseid, account_id, page[-1].entry_number, nonce],
            salt=CURSOR_SALT,
        )
        if more
        else None
    )
    return EntriesPageOut(
        entries=[_entry_out(access, e, court) for e in page],
        next_cursor=next_cursor,
        receipt=_receipt_out(receipt),
    )


ENTRIES_HELP = (
    "The docket's entries in number order, `limit` (1-500, default 100) a page, as you may see "
    "them (sealed entries are absent; documents you may not open are not listed). The first "
    "page charges the docket report once, as DktRpt.pl does (its data by bytes, 4,320 a page, "
    "at most 30 pages: $3.00); `next_cursor` carries that view, so the next pages are not "
    "charged again. `view` (letters and digits) names the walk: the same `view` is not charged "
    "twice. Court users and exempt people see `amount` 0.00 with `free_reason`."
)


def case_detail(request: HttpRequest, court_id: str, caseid: int, view: str = ""):
    court, access, account_id = _case_record(request, court_id, caseid)
    criteria = rules.Criteria(parties=True)
    report = billable_report(court, access, criteria)
    nonce = _nonce(view)
    receipt = charge_docket_report(
        request, access, criteria, account_id=account_id, nonce=nonce, size_bytes=report.size_bytes
    )
    return {**docket.case_docket(request, court, caseid), "receipt": _receipt_out(receipt)}


CASE_HELP = (
    "The case with its parties, attorneys and docket entries, as you may see them. It is the "
    "docket report's data, so it is charged as DktRpt.pl is (by bytes, 4,320 a page, at most 30 "
    "pages: $3.00), once per `view` (letters and digits; the same `view` is not charged twice). "
    "Court users and exempt people see `amount` 0.00 with `free_reason`."
)


def add_to(router_of_the_path: Router) -> None:
    """Add ``GET /courts/{court_id}/cases/{caseid}`` and ``.../entries`` to the router that
    answers the entries' ``POST`` (filing an entry): django-ninja routes one path from one
    router only, and both are the docket report's data, charged here."""
    router_of_the_path.add_api_operation(
        "/courts/{court_id}/cases/{caseid}",
        ["GET"],
        case_detail,
        auth=signed_in,
        response={200: ChargedCaseOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
        summary="A case with its parties, attorneys and docket entries, as you may see it "
        "(charged as the docket report)",
        description=CASE_HELP,
        tags=["reports"],
    )
    router_of_the_path.add_api_operation(
        "/courts/{court_id}/cases/{caseid}/entries",
        ["GET"],
        case_entries,
        auth=signed_in,
        response={200: EntriesPageOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
        summary="A page of the case's docket entries, as you may see them (charged as the "
        "docket report, once per walk)",
        description=ENTRIES_HELP,
        tags=["reports"],
    )


def _document(request: HttpRequest, court_id: str, caseid: int, doc_id: str, part: int):
    court = get_court(court_id)
    _number, found = find_document(court, doc_id, str(part))
    standing = standing_of(request, court)
    access, _parts, wanted = part_to_open(court, doc_id, standing, found, caseid=caseid)
    assert standing.account_id is not None  # auth=signed_in
    quote = billing.quote(
        account_id=standing.account_id,
        court_id=court.pk,
        kind=billing.AccessKind.DOCUMENT,
        pages=wanted.page_count,
        standing=standing,
    )
    return court, standing, access, found, wanted, quote


def _pdf_url(court: Court, caseid: int, wanted: docket.RecordDocument) -> str:
    part = f"&attachment_number={wanted.attachment_number}" if wanted.attachment_number else ""
    return f"{API}/courts/{court.pk}/cases/{caseid}/documents/{wanted.pacer_doc_id}/pdf?{part[1:]}"


@router.get(
    "/courts/{court_id}/cases/{caseid}/documents/{doc_id}",
    auth=signed_in,
    response={200: DocumentCostOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A document's facts and what opening it costs you now (nothing is charged)",
    description=(
        "`doc_id` is CM/ECF's document id, as in `/doc1/<doc_id>` and the entries' `doc_id`; "
        "`attachment_number` names a part that shares its main document's id. A sealed "
        "document, or one you may not open (restricted; in a Social Security or immigration "
        "case anything but the court's orders for a non-participant), is 404 as a missing one."
    ),
)
def document_cost(
    request: HttpRequest, court_id: str, caseid: int, doc_id: str, attachment_number: int = 0
):
    court, _standing, access, found, wanted, quote = _document(
        request, court_id, caseid, doc_id, attachment_number
    )
    return DocumentCostOut(
        doc_id=wanted.pacer_doc_id,
        caseid=access.case.caseid,
        case_number=access.case.shown_number,
        entry_number=found.entry.entry_number,
        attachment_number=wanted.attachment_number,
        description=wanted.description,
        page_count=wanted.page_count,
        size=wanted.size,
        cost=CostOut(
            pages=quote.pages,
            amount=quote.amount,
            capped=quote.capped,
            free_reason=quote.free_reason,
        ),
        pdf_url=_pdf_url(court, caseid, wanted),
    )


@router.get(
    "/courts/{court_id}/cases/{caseid}/documents/{doc_id}/pdf",
    auth=signed_in,
    response={401: ErrorOut, 402: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Open a document: the PDF with CM/ECF's header, charged once per view",
    description=(
        "Give `accept_charge` (dollars) at or above the cost that `GET .../documents/{doc_id}` "
        "shows: below it (or without it, for a charged view) the answer is 402 "
        "`charge_not_accepted` and nothing is charged. The charge is $0.10 a page, at most "
        "$3.00 (court users and exempt people: free). `view` (letters and digits) names the "
        "view: a retry with the same `view` is not charged again. A suspended PACER account "
        "answers 403 `pacer_access_suspended`."
    ),
    openapi_extra=PDF_ANSWER,
)
def document_pdf(
    request: HttpRequest,
    court_id: str,
    caseid: int,
    doc_id: str,
    accept_charge: Decimal | None = None,
    attachment_number: int = 0,
    view: str = "",
):
    court, standing, access, found, wanted, quote = _document(
        request, court_id, caseid, doc_id, attachment_number
    )
    if quote.amount > 0 and (accept_charge is None or accept_charge < quote.amount):
        raise ChargeNotAccepted(
            f"This document costs ${quote.amount:.2f} ({quote.pages} billable pages): "
            f"add accept_charge={quote.amount:.2f} to open it. Nothing was charged."
        )
    description = f"Image{found.entry.entry_number}-{wanted.attachment_number}"
    charge_document(
        request,
        access,
        wanted,
        account_id=standing.account_id,
        view_key=document_key(court.pk, wanted, standing.account_id, _nonce(view)),
        description=description,
    )
    served = documents.served_pdf(
        stored_pdf_id=wanted.stored_pdf_id,
        header=header_of(access, found.entry, wanted.attachment_number, court.time_zone),
    )
    return FileResponse(
        served,
        content_type="application/pdf",
        filename=f"{court.pk}-{access.case.case_number}-{found.entry.entry_number}-"
        f"{wanted.attachment_number}.pdf".replace(":", "_"),
    )
