"""A document kept and stamped as a filing would leave it, for tests of every app."""

from __future__ import annotations

from django.db import transaction

from openecf.core import clock
from openecf.documents import facade


def kept_and_stamped(
    data: bytes, *, court_id: str = "mowd", doc_id: int = 7, attachment_number: int = 1
) -> tuple[facade.StoredPdf, str]:
    """Check, keep and stamp ``data`` as document ``doc_id``-``attachment_number``."""
    checked = facade.check_pdf(data, court_id=court_id, file_name="filed.pdf")
    with transaction.atomic():
        stored = facade.keep(checked)
    stamp = facade.stamp(
        court_id=court_id,
        stored_pdf_id=stored.id,
        doc_id=doc_id,
        attachment_number=attachment_number,
        at=clock.now(),
    )
    return stored, stamp
