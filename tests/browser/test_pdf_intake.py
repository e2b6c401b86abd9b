"""Issue 10, PDF intake: a filer checks PDFs with the court's Check PDF Document utility (a
refused one, one with a Social Security number, a scan), and a member of the public verifies a
stamped document and an altered copy."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect

from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import field, sign_in_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("OPENECF_SCREENSHOTS", "")


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def _choose(page: Page, name: str, data: bytes) -> None:
    """Choose a file: USWDS's file input names itself as its drop zone says."""
    page.get_by_label("Drag file here or choose from folder").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": data}
    )


def test_a_filer_checks_pdfs_before_filing(new_page, mowd, attorney):
    page = new_page()
    sign_in_with(page, attorney.username, DEFAULT_PASSWORD)
    page.goto("/mowd/")
    page.get_by_role("link", name="Check PDF Document").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check PDF Document")
    expect_accessible(page)

    _choose(page, "tracker.pdf", corpus.javascript_open_action())
    page.get_by_role("button", name="Check the document").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "tracker.pdf was not accepted: Document is malformed or contains code which may cause "
        "an external action"
    )
    _shot(page, "check-pdf-refused")
    expect_accessible(page)

    lines = ["Plaintiff Jo Doe, SSN 123-45-6789, born April 24, 1980."]
    _choose(page, "complaint.pdf", corpus.text_pdf(pages=1, lines=lines))
    page.get_by_role("button", name="Check the document").click()
    expect(page.get_by_role("heading", name="complaint.pdf passes the PDF check")).to_be_visible()
    hits = page.get_by_role("table")
    expect(hits).to_contain_text("Social Security number")
    expect(hits).to_contain_text("***-**-6789")
    expect(hits).not_to_contain_text("123-45-6789")
    _shot(page, "check-pdf-privacy")
    expect_accessible(page)

    _choose(page, "scan.pdf", corpus.image_only_pdf())
    page.get_by_role("button", name="Check the document").click()
    expect(page.get_by_test_id("text-warning")).to_contain_text("scan.pdf is not text-searchable")


def test_anyone_verifies_a_stamped_document(new_page, mowd):
    data = corpus.text_pdf(pages=2)
    _, stamp = kept_and_stamped(data, doc_id=12, attachment_number=0)

    page = new_page()
    page.goto("/mowd/")
    page.get_by_role("link", name="Verify a document").click()
    expect_accessible(page)
    _choose(page, "order.pdf", data)
    field(page, "Electronic document stamp (optional)").fill(stamp)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Authentic")
    expect(page.get_by_test_id("verdict")).to_contain_text("stamped as 12-0")
    _shot(page, "verify-authentic")
    expect_accessible(page)

    _choose(page, "order.pdf", corpus.text_pdf(pages=3))
    field(page, "Electronic document stamp (optional)").fill(stamp)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Altered")
    _shot(page, "verify-altered")
