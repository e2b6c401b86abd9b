"""The documents pages: Check PDF Document, Verify a document, the clerk's PDF rules."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from openecf.documents.models import PdfRules
from openecf.documents.tests import corpus
from openecf.tests_support.signon import assert_asks_to_sign_in

CHECK = "/mowd/utilities/check-pdf/"
VERIFY = "/mowd/verify-document/"
RULES = "/mowd/clerk/pdf-rules/"


def upload(data: bytes, name: str = "brief.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "application/pdf")


def test_the_check_page_asks_an_anonymous_visitor_to_sign_in(court):
    assert_asks_to_sign_in(CHECK)


def test_a_filer_checks_a_pdf_and_sees_the_warning_and_the_masked_hits(court, attorney, signed_in):
    client = signed_in(attorney)
    assert client.get(CHECK).status_code == 200
    pdf = corpus.saved(corpus.new_text_pdf([["Account No. 1234567890"]]))

    response = client.post(CHECK, {"document": upload(pdf)})

    assert response.status_code == 200
    page = response.content.decode()
    assert "brief.pdf passes the PDF check" in page
    assert "******7890" in page
    assert "1234567890" not in page


def test_a_refused_pdf_is_shown_on_the_form_with_the_courts_words(court, attorney, signed_in):
    response = signed_in(attorney).post(
        CHECK, {"document": upload(corpus.embedded_file(), "x.pdf")}
    )

    assert response.status_code == 422
    assert (
        "x.pdf was not accepted: Documents with attached or embedded files"
        in response.content.decode()
    )


def test_a_scan_gets_the_not_searchable_warning(court, attorney, signed_in):
    response = signed_in(attorney).post(
        CHECK, {"document": upload(corpus.image_only_pdf(), "scan.pdf")}
    )

    assert "scan.pdf is not text-searchable" in response.content.decode()


def test_anyone_verifies_a_document_on_the_public_page(stamped):
    data, _, stamp = stamped
    client = Client()
    assert client.get(VERIFY).status_code == 200

    authentic = client.post(VERIFY, {"document": upload(data), "stamp": stamp})
    altered = client.post(VERIFY, {"document": upload(corpus.text_pdf(pages=1)), "stamp": stamp})

    assert "Authentic" in authentic.content.decode()
    assert "stamped as 7-1" in authentic.content.decode()
    assert "Altered" in altered.content.decode()


def test_verifying_without_a_file_says_what_is_missing(court):
    response = Client().post(VERIFY, {"stamp": ""})

    assert response.status_code == 422
    assert "This field is required." in response.content.decode()


def test_the_clerk_sets_the_courts_pdf_rules(court, clerk, signed_in):
    client = signed_in(clerk)
    assert client.get(RULES).status_code == 200

    response = client.post(
        RULES, {"fillable_forms": "flatten", "wording_encrypted": "Remove the password first."}
    )

    assert response.status_code == 302
    found = PdfRules.objects.get(court=court)
    assert (found.fillable_forms, found.wording) == (
        "flatten",
        {"encrypted": "Remove the password first."},
    )
    assert "Remove the password first." in client.get(RULES).content.decode()


@pytest.mark.parametrize("who", ["attorney", "other_court_clerk", "public_user"])
def test_the_pdf_rules_page_is_missing_for_anyone_but_the_clerk(court, who, request, signed_in):
    response = signed_in(request.getfixturevalue(who)).get(RULES)

    assert response.status_code == 404


def test_the_court_pages_link_to_the_pdf_pages(court, clerk, signed_in):
    client = signed_in(clerk)

    home = client.get("/mowd/").content.decode()
    office = client.get("/mowd/clerk/").content.decode()

    assert CHECK in home and VERIFY in home
    assert RULES in office
