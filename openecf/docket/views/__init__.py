"""The docket's pages: the clerk's event catalogue, filing an entry page by page."""

from openecf.docket.views.catalogue import add_event, edit_event, event_catalogue
from openecf.docket.views.filing import (
    filing_documents,
    filing_links,
    filing_parties,
    filing_receipt,
    filing_review,
    filing_start,
)

__all__ = [
    "add_event",
    "edit_event",
    "event_catalogue",
    "filing_documents",
    "filing_links",
    "filing_parties",
    "filing_receipt",
    "filing_review",
    "filing_start",
]
