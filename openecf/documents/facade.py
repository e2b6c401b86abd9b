"""What other apps use of PDF intake: check, keep, stamp, serve, open.

Only plain frozen dataclasses, ids and file objects cross this boundary, never documents'
models. The record's documents (doc id, attachment number, description, sealed) live in docket,
with a foreign key to ``documents.StoredPdf`` (``on_delete=PROTECT``); this app never imports
docket or cases.

A filing's order: ``check_pdf`` each upload before any transaction (it may take seconds), show
``privacy_hits`` and ``warnings`` to the filer, then inside the filing's transaction ``keep``
each checked PDF and ``stamp`` each document once its doc id is known. A rolled-back filing
leaves no stored file; a crashed one leaves none that the record refers to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from openecf.documents import checker, intake, models, served, stamps, store
from openecf.documents.errors import PdfRefused
from openecf.documents.intake import CheckedPdf, Source
from openecf.documents.privacy import KIND_LABELS, PrivacyHit

__all__ = [
    "KIND_LABELS",
    "CheckedPdf",
    "PdfRefused",
    "PrivacyHit",
    "StoredPdf",
    "check_pdf",
    "discard",
    "keep",
    "open_original",
    "served_pdf",
    "stamp",
    "stored_pdf",
]


@dataclass(frozen=True)
class StoredPdf:
    id: int
    sha256: str
    page_count: int
    size: int


def check_pdf(
    source: Source, *, court_id: str, file_name: str, find_minors: bool = False
) -> CheckedPdf:
    """Stream ``source`` to a temporary file and check it; raises ``PdfRefused`` (422).

    Call it outside any transaction: the check runs in a child process and may take seconds.
    """
    return intake.check_pdf(source, court_id=court_id, file_name=file_name, find_minors=find_minors)


def keep(checked: CheckedPdf) -> StoredPdf:
    """Keep a checked PDF (inside the caller's transaction); the same content is kept once."""
    return _facts(store.keep(checked))


def _facts(row: models.StoredPdf) -> StoredPdf:
    return StoredPdf(id=row.pk, sha256=row.sha256, page_count=row.page_count, size=row.size)


def discard(checked: CheckedPdf) -> None:
    """Forget a checked PDF that will not be kept (its temporary copy goes)."""
    intake.discard(checked)


def stored_pdf(stored_pdf_id: int) -> StoredPdf | None:
    row = models.StoredPdf.objects.filter(pk=stored_pdf_id).first()
    return _facts(row) if row else None


# The electronic document stamp text of a document, recorded for verification (inside the
# caller's transaction; stamping the same doc id-attachment again returns the same stamp).
stamp = stamps.issue


def served_pdf(*, stored_pdf_id: int, header: str) -> IO[bytes]:
    """A copy with ``header`` + ``Page N of M`` on every page; the original is untouched."""
    return served.served_pdf(stored_pdf_id=stored_pdf_id, header=header)


def open_original(stored_pdf_id: int) -> IO[bytes]:
    """The stored original, byte for byte (close it)."""
    return store.open_original(stored_pdf_id)


def stop_checkers() -> None:
    """Let this process's idle PDF checkers go and see them leave (a process with no more
    files to check: ``openecf run`` after the demo, a process about to end)."""
    checker.pool().shutdown()
