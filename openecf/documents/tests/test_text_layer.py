"""The fast text layer reads simple pages as pypdf does, and leaves the rest to pypdf."""

from __future__ import annotations

import io

import pikepdf
import pypdf

from openecf.documents import text_layer
from openecf.documents.tests import corpus


def pages(data: bytes) -> list[str | None]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [text_layer.page_text(page) for page in pdf.pages]


def test_a_plain_page_reads_line_by_line_as_pypdf_reads_it():
    data = corpus.text_pdf(
        pages=2, lines=["IN THE UNITED STATES DISTRICT COURT", "Jane (Doe) \\ Roe"]
    )

    fast = pages(data)
    slow = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]

    assert [text.split() for text in fast if text is not None] == [text.split() for text in slow]
    assert fast[0].splitlines() == [
        "IN THE UNITED STATES DISTRICT COURT",
        "Jane (Doe) \\ Roe",
        "Page 1 of the brief.",
    ]


def test_a_picture_only_page_has_no_text():
    assert pages(corpus.image_only_pdf(pages=1)) == [""]


def test_a_font_with_a_to_unicode_map_is_read_through_it():
    pdf = corpus.new_text_pdf([["ignored"]])
    font = pdf.pages[0].obj.Resources.Font.F1
    font.ToUnicode = pdf.make_stream(
        b"begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar\n<41> <0053>\n<42> <0053>\nendbfchar\n"
        b"1 beginbfrange\n<43> <45> <0031>\nendbfrange\nendcmap"
    )
    pdf.pages[0].obj.Contents = pdf.make_stream(b"BT /F1 10 Tf 72 700 Td (ABCDE) Tj ET")

    assert pages(corpus.saved(pdf)) == ["SS123\n"]


def test_pages_it_cannot_read_with_certainty_are_left_to_pypdf():
    pdf = corpus.new_text_pdf([["Differences"], ["Form"]])
    pdf.pages[0].obj.Resources.Font.F1.Encoding = pikepdf.Dictionary(
        Differences=pikepdf.Array([65, pikepdf.Name("/B")])
    )
    form = pikepdf.Stream(pdf, b"BT /F1 10 Tf (inside) Tj ET")
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 100, 100]
    pdf.pages[1].obj.Resources.XObject = pikepdf.Dictionary(Fx=form)

    assert pages(corpus.saved(pdf)) == [None, None]
