"""Served copies: the CM/ECF header on every page, the original untouched."""

from __future__ import annotations

import hashlib
import io

import pikepdf
import pypdf
from django.db import transaction

from openecf.documents import facade
from openecf.documents.tests import corpus

HEADER = "Case 4:18-cv-00123-BCW Document 12 Filed 04/24/18"


def kept(data: bytes) -> facade.StoredPdf:
    checked = facade.check_pdf(data, court_id="mowd", file_name="m.pdf")
    with transaction.atomic():
        return facade.keep(checked)


def served_text(stored: facade.StoredPdf) -> list[str]:
    with facade.served_pdf(stored_pdf_id=stored.id, header=HEADER) as served:
        reader = pypdf.PdfReader(io.BytesIO(served.read()))
    return [page.extract_text() for page in reader.pages]


def test_every_page_carries_the_header_with_its_page_number(court):
    stored = kept(corpus.text_pdf(pages=5))

    pages = served_text(stored)

    assert len(pages) == 5
    for number, text in enumerate(pages, 1):
        assert f"{HEADER} Page {number} of 5" in text
        assert f"Page {number} of the brief." in text


def test_image_only_and_rotated_pages_get_the_header_too(court):
    for data, count in ((corpus.image_only_pdf(pages=2), 2), (corpus.rotated_pdf(), 3)):
        pages = served_text(kept(data))
        assert [f"{HEADER} Page {n} of {count}" in text for n, text in enumerate(pages, 1)] == [
            True
        ] * count


def test_the_stored_original_is_untouched_and_its_hash_still_verifies(court):
    data = corpus.text_pdf(pages=3)
    stored = kept(data)

    served_text(stored)

    with facade.open_original(stored.id) as original:
        assert (
            hashlib.sha256(original.read()).hexdigest()
            == stored.sha256
            == hashlib.sha256(data).hexdigest()
        )


def test_a_header_may_place_the_page_numbers_itself(court):
    stored = kept(corpus.text_pdf(pages=2))

    with facade.served_pdf(stored_pdf_id=stored.id, header="Doc 7 ({page}/{pages})") as served:
        reader = pypdf.PdfReader(io.BytesIO(served.read()))

    assert "Doc 7 (2/2)" in reader.pages[1].extract_text()


def test_the_served_copy_is_the_same_each_time(court):
    stored = kept(corpus.text_pdf(pages=2))

    copies = []
    for _ in range(2):
        with facade.served_pdf(stored_pdf_id=stored.id, header=HEADER) as served:
            copies.append(served.read())

    assert copies[0] == copies[1]
    with pikepdf.open(io.BytesIO(copies[0])) as pdf:
        assert len(pdf.pages) == 2
