"""The record in the JSON API: a page of a case's entries, a document's cost, the receipt."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Schema

from openecf.docket import facade as docket


class PacerReceiptOut(Schema):
    """The PACER transaction receipt of the view (the page shows it at its foot)."""

    description: str
    criteria: str
    pages: int  # billable pages
    amount: Decimal  # dollars charged for this view (0.00 when free)
    client_code: str
    free_reason: str  # why it cost nothing ("" when charged)


class RecordDocumentOut(Schema):
    doc_id: str  # CM/ECF's document id, as in /doc1/<doc_id>
    attachment_number: int  # 0: the main document
    description: str
    page_count: int
    size: int  # bytes
    url: str  # this document in the API (its cost, then the PDF)


class RecordEntryOut(Schema):
    entry_number: int
    docket_text: str
    filed_at: datetime  # in the court's time zone
    entered_at: datetime
    event: str
    stricken: bool
    documents: list[RecordDocumentOut]  # only those the caller may open


class EntriesPageOut(Schema):
    entries: list[RecordEntryOut]
    next_cursor: str | None  # pass as ?cursor= for the next page; null on the last page
    receipt: PacerReceiptOut  # the docket report's one charge (every page of a walk shows it)


class CostOut(Schema):
    pages: int
    amount: Decimal
    capped: bool
    free_reason: str


class DocumentCostOut(Schema):
    doc_id: str
    caseid: int
    case_number: str
    entry_number: int
    attachment_number: int
    description: str
    page_count: int
    size: int
    cost: CostOut  # what opening the PDF costs you now (nothing is charged by this call)
    pdf_url: str  # add ?accept_charge=<cost.amount> to open it


class ChargedCaseOut(docket.CaseDocketOut):
    """The case as the caller may see it, with the receipt of the docket report it is."""

    receipt: PacerReceiptOut
