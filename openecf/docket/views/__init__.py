"""The docket's pages: the clerk's event catalogue, filing an entry page by page, a case's
docket, the clerk's corrections and review queue."""

from openecf.docket.views.catalogue import add_event, edit_event, event_catalogue
from openecf.docket.views.clerk import case_docket, clerk_entry, court_document, review_queue
from openecf.docket.views.filing import (
    filing_claim,
    filing_documents,
    filing_links,
    filing_parties,
    filing_receipt,
    filing_review,
    filing_start,
)
from openecf.docket.views.opening import (
    opening_case,
    opening_documents,
    opening_parties,
    opening_receipt,
    opening_review,
    opening_start,
)

__all__ = [
    "add_event",
    "case_docket",
    "clerk_entry",
    "court_document",
    "edit_event",
    "event_catalogue",
    "filing_documents",
    "filing_claim",
    "filing_links",
    "filing_parties",
    "filing_receipt",
    "filing_review",
    "filing_start",
    "review_queue",
    "opening_case",
    "opening_documents",
    "opening_parties",
    "opening_receipt",
    "opening_review",
    "opening_start",
]
