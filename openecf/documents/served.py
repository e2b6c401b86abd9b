"""Served copies: the CM/ECF header on every page, added on the way out.

``Case 4:18-cv-00123-BCW Document 12 Filed 04/24/18 Page 1 of 5`` is drawn at the top of each
page (as the page is shown, whatever its rotation) by a content stream added after the page's
own, which is wrapped in ``q``/``Q`` so nothing it leaves set can move the header. The stored
original is only read. The copy is made deterministically and its hash recorded
(``ServedCopy``), so the verify page knows a downloaded copy as the court's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Iterator
from typing import IO, BinaryIO, cast

import pikepdf
from django.db import IntegrityError, transaction

from openecf.core.errors import NotFound
from openecf.documents import rules, store
from openecf.documents.models import ServedCopy, StoredPdf

FONT_SIZE = 9
MARGIN = 14  # points from the top edge to the baseline


def served_pdf(*, stored_pdf_id: int, header: str) -> IO[bytes]:
    """A temporary file holding the copy with ``header`` on every page (``Page N of M`` added).

    The caller closes it (Django's ``FileResponse`` does); it disappears when closed.
    """
    row = StoredPdf.objects.filter(pk=stored_pdf_id).first()
    if row is None:
        raise NotFound("There is no such stored document.")
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
    with _opened(row.storage_name) as pdf:
        font = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name.Helvetica,
                Encoding=pikepdf.Name.WinAnsiEncoding,
            )
        )
        pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            text = rules.header_for_page(header, page=number, pages=pages)
            font_name = page.add_resource(font, pikepdf.Name.Font, pikepdf.Name.OpenECFHeader)
            page.contents_add(b"q\n", prepend=True)
            page.contents_add(b"Q\n" + _header_stream(page, text, str(font_name).encode()))
        pdf.save(out, deterministic_id=True)
    digest = hashlib.sha256()
    out.seek(0)
    while chunk := out.read(1 << 20):
        digest.update(chunk)
    _remember(row, digest.hexdigest(), header)
    out.seek(0)
    return out


@contextlib.contextmanager
def _opened(name: str) -> Iterator[pikepdf.Pdf]:
    where = store.storage()
    try:
        path = where.path(name)  # a local folder: pikepdf maps the file
    except NotImplementedError:
        with where.open(name, "rb") as source, pikepdf.open(cast(BinaryIO, source)) as pdf:
            yield pdf
        return
    with pikepdf.open(path) as pdf:
        yield pdf


def _header_stream(page: pikepdf.Page, text: str, font: bytes) -> bytes:
    """Draw ``text`` centred at the top of the page as it is shown (rotation honoured)."""
    left, bottom, right, top = (float(v) for v in page.cropbox)
    width = len(text) * FONT_SIZE * 0.5  # Helvetica's average advance, near enough to centre
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    if rotate == 90:
        matrix = (0, 1, -1, 0, left + MARGIN, bottom + (top - bottom - width) / 2)
    elif rotate == 180:
        matrix = (-1, 0, 0, -1, right - (right - left - width) / 2, bottom + MARGIN)
    elif rotate == 270:
        matrix = (0, -1, 1, 0, right - MARGIN, top - (top - bottom - width) / 2)
    else:
        matrix = (1, 0, 0, 1, left + (right - left - width) / 2, top - MARGIN)
    numbers = " ".join(f"{value:.2f}" for value in matrix).encode()
    return (
        b"q BT 0 g "
        + font
        + b" "
        + str(FONT_SIZE).encode()
        + b" Tf "
        + numbers
        + b" Tm "
        + rules.pdf_string(text)
        + b" Tj ET Q\n"
    )


def _remember(row: StoredPdf, sha256: str, header: str) -> None:
    if ServedCopy.objects.filter(stored_pdf=row, sha256=sha256).exists():
        return
    with contextlib.suppress(IntegrityError), transaction.atomic():
        ServedCopy.objects.create(stored_pdf=row, sha256=sha256, header=header[:300])
