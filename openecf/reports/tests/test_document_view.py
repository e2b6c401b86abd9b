"""``/<court>/doc1/<id>``: the cost confirmation, one charge per view, the PDF with its header,
the attachment page — read by juriscraper's parsers — and the record's access rule."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from juriscraper.pacer import AttachmentPage, DownloadConfirmationPage

from openecf.billing.models import AccessCharge
from openecf.cases.models import Case
from openecf.reports.tests.conftest import CHARGE, build_record, charge_statements, doc_id

pytestmark = pytest.mark.django_db


def confirmation(html: str) -> dict:
    page = DownloadConfirmationPage("mowd")
    page._parse_text(html)
    return page.data


def view(client, path: str):
    """Open the document as a person does: the cost, then "View Document"."""
    shown = client.get(path)
    assert shown.status_code == 200, shown.content
    key = re.search(r'name="view" value="(\w+)"', shown.content.decode()).group(1)
    return shown, client.post(path, {"view": key}), key


def pdf_text(response) -> str:
    data = b"".join(response.streaming_content)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return b"".join(
            pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page)) for page in pdf.pages
        ).decode("latin-1")


def test_the_cost_page_is_read_by_juriscraper_and_the_view_is_charged_once(
    signed_in, public_user, record
):
    client = signed_in(public_user)
    path = f"/mowd/doc1/{doc_id(20)}"
    shown, served, key = view(client, path)
    data = confirmation(shown.content.decode())
    assert (data["docket_number"], data["billable_pages"], data["cost"]) == (
        f"{record.case.case_number}-{record.case.judge_initials}",
        "3",
        "0.30",
    )
    assert data["document_description"] == "Image2-0"
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    header = (
        f"Case {record.case.case_number}-{record.case.judge_initials} Document 2 Filed 03/09/26"
    )
    assert header in pdf_text(served)
    again = client.post(path, {"view": key})  # a reload of the same view
    assert again.status_code == 200
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.pages, str(charge.amount), charge.description) == (
        "document",
        3,
        "0.30",
        "Image2-0",
    )


def test_view_document_charges_with_what_the_page_knows(signed_in, public_user, record):
    """The view passes billing the viewer's standing and username: the charge reads neither
    the court, its staff nor the account again (``billing/tests/test_charge_statements.py``)."""
    client = signed_in(public_user)
    with CaptureQueriesContext(connection) as captured:
        served = client.post(f"/mowd/doc1/{doc_id(20)}", {"view": "d1e2f3"})

    assert served.status_code == 200
    assert charge_statements(captured) == CHARGE
    assert AccessCharge.objects.get().username == public_user.username


def test_the_attachment_page_is_read_by_juriscraper(signed_in, public_user, record):
    page = signed_in(public_user).get(f"/mowd/doc1/{doc_id(10)}")
    parser = AttachmentPage("mowd")
    parser._parse_text(page.content.decode())
    data = parser.data
    assert (data["document_number"], data["pacer_doc_id"], data["page_count"]) == (
        1,
        doc_id(10),
        3,
    )
    assert (data["pacer_case_id"], data["pacer_seq_no"]) == (
        str(record.case.caseid),
        str(record.entries[1].pk),
    )
    assert [
        (a["attachment_number"], a["description"], a["pacer_doc_id"], a["page_count"])
        for a in data["attachments"]
    ] == [(1, "Civil Cover Sheet", doc_id(11), 3)]
    assert AccessCharge.objects.count() == 0  # the menu is free


def test_the_skip_switch_goes_straight_to_the_cost(signed_in, public_user, record):
    skip = doc_id(10)[:3] + "1" + doc_id(10)[4:]
    shown = signed_in(public_user).get(f"/mowd/doc1/{skip}")
    assert confirmation(shown.content.decode())["document_description"] == "Image1-0"


def missing_alike(client, path: str, court_missing: str) -> None:
    hidden, absent = client.get(path), client.get(court_missing)
    assert hidden.status_code == absent.status_code == 404
    body = hidden.content.decode().replace(path.rsplit("/", 1)[1], "N")
    other = absent.content.decode().replace(court_missing.rsplit("/", 1)[1], "N")
    strip = lambda page: re.sub(r'csrfmiddlewaretoken" value="\w+"', "", page)  # noqa: E731
    assert strip(body) == strip(other)


@pytest.mark.parametrize("persona", ["public_user", "other_court_clerk", "attorney"])
def test_sealed_and_restricted_documents_look_missing_to_the_public(
    request, signed_in, record, persona
):
    client = signed_in(request.getfixturevalue(persona))
    for hidden in (30, 70):  # a sealed entry's document; a restricted document
        missing_alike(client, f"/mowd/doc1/{doc_id(hidden)}", f"/mowd/doc1/{doc_id(99999)}")
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    missing_alike(client, f"/mowd/doc1/{doc_id(20)}", f"/mowd/doc1/{doc_id(99999)}")
    assert AccessCharge.objects.count() == 0


def test_the_court_opens_sealed_documents_and_participants_restricted_ones(
    signed_in, clerk, judge, record
):
    for person in (clerk, judge):
        _shown, served, _ = view(signed_in(person), f"/mowd/doc1/{doc_id(30)}")
        assert served.status_code == 200
    _shown, served, _ = view(signed_in(record.alice), f"/mowd/doc1/{doc_id(70)}")
    assert served.status_code == 200
    assert signed_in(record.alice).get(f"/mowd/doc1/{doc_id(30)}").status_code == 404
    assert sorted(AccessCharge.objects.values_list("free_reason", flat=True)) == [
        "",
        "court_user",
        "court_user",
    ]


def test_a_social_security_case_opens_only_the_courts_orders_to_the_public(
    signed_in, public_user, mowd
):
    record = build_record(mowd, nature_of_suit="864", title="Roe v. Commissioner")
    client = signed_in(public_user)
    assert client.get(f"/mowd/doc1/{doc_id(60)}").status_code == 200  # the ORDER
    assert client.get(f"/mowd/doc1/{doc_id(20)}").status_code == 404
    assert signed_in(record.alice).get(f"/mowd/doc1/{doc_id(20)}").status_code == 200


def test_anonymous_visitors_sign_in_and_bad_ids_are_not_found(signed_in, public_user, record):
    response = Client().get(f"/mowd/doc1/{doc_id(20)}")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    client = signed_in(public_user)
    for bad in ("12", "079012345678", "10901234567x", f"{doc_id(20)}?attachment_number=x"):
        assert client.get(f"/mowd/doc1/{bad}").status_code == 404, bad


def test_a_damaged_view_key_charges_nothing(signed_in, public_user, record):
    response = signed_in(public_user).post(f"/mowd/doc1/{doc_id(20)}", {"view": "../x"})
    assert response.status_code == 422
    assert AccessCharge.objects.count() == 0


def test_an_entry_held_for_the_clerks_acceptance_is_the_courts_until_accepted(
    signed_in, public_user, clerk, record
):
    from openecf.docket.models import DocketEntry
    from openecf.reports.tests.conftest import run_report
    from openecf.reports.tests.test_docket_report_read_by_juriscraper import parsed

    DocketEntry.objects.filter(pk=record.entries[2].pk).update(held=True)
    public = signed_in(public_user)
    _r, html, _ = run_report(public, record.case.caseid)
    assert "2" not in [e["document_number"] for e in parsed(html)["docket_entries"]]
    assert public.get(f"/mowd/doc1/{doc_id(20)}").status_code == 404
    court = signed_in(clerk)
    _r, html, _ = run_report(court, record.case.caseid)
    assert "2" in [e["document_number"] for e in parsed(html)["docket_entries"]]
    assert court.get(f"/mowd/doc1/{doc_id(20)}").status_code == 200
