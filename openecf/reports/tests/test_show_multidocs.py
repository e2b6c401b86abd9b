"""``show_multidocs.pl``: all of an entry's documents as one PDF (each page with its CM/ECF
header) or a zip; the cost first, each document charged once per view with /doc1/'s cap;
the record's access rule per role; bad input."""

from __future__ import annotations

import io
import re
import zipfile

import pikepdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge
from openecf.docket.models import Document
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.reports.tests.conftest import CHARGE
from openecf.tests_support.statements import statements

pytestmark = pytest.mark.django_db


def path(record, number: int) -> str:
    return (
        f"/mowd/cgi-bin/show_multidocs.pl?caseid={record.case.caseid}"
        f"&arr_de_seq_nums={record.entries[number].pk}"
    )


def download(client, url: str, **form):
    shown = client.get(url)
    assert shown.status_code == 200, shown.content
    view = re.search(r'name="view" value="(\w+)"', shown.content.decode()).group(1)
    return shown, client.post(url, {"view": view, **form}), view


def page_texts(data: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page)).decode("latin-1")
            for page in pdf.pages
        ]


def header(record, part: str) -> str:
    return f"Case {record.case.case_number}-{record.case.judge_initials} Document {part} Filed 03/02/26"


def test_one_pdf_of_every_part_with_each_header_charged_once(signed_in, public_user, record):
    client = signed_in(public_user)
    shown, served, view = download(client, path(record, 1))
    page = shown.content.decode()
    assert "Image1-0" in page and "Image1-1" in page
    assert re.search(r"Billable Pages: </font></th><td><font> 6 ", page)
    assert "0.60" in page
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    texts = page_texts(served.content)
    assert len(texts) == 6
    assert all(header(record, "1") in t for t in texts[:3])
    assert all(header(record, "1-1") in t for t in texts[3:])
    client.post(path(record, 1), {"view": view})  # a reload: no second charge
    charges = sorted(AccessCharge.objects.values_list("description", "pages", "amount"))
    assert [(d, p, str(a)) for d, p, a in charges] == [
        ("Image1-0", 3, "0.30"),
        ("Image1-1", 3, "0.30"),
    ]


def test_the_cost_of_each_part_is_priced_with_the_pages_standing(signed_in, public_user, record):
    """The page prices every part with the standing it has: the court is read once (the
    address), not again for each part's quote."""
    client = signed_in(public_user)
    with CaptureQueriesContext(connection) as captured:
        shown = client.get(path(record, 1))

    assert shown.status_code == 200
    found = statements(captured.captured_queries)
    assert found.count(("SELECT", "courts_court")) == 1
    assert found.count(("SELECT", "firms_firm")) == 2  # each part's bill


def test_each_part_is_charged_with_what_the_page_knows(signed_in, public_user, record):
    """Every part's charge gets the viewer's standing and username from the page: billing
    reads neither the court, its staff nor the account (``test_charge_statements.py``)."""
    client = signed_in(public_user)
    with CaptureQueriesContext(connection) as captured:
        served = client.post(path(record, 1), {"view": "a1b2c3"})

    assert served.status_code == 200
    found = statements(captured.captured_queries)
    first, last = found.index(CHARGE[0]), len(found) - found[::-1].index(CHARGE[-1])
    client_code = ("SELECT", "billing_sessionclientcode")  # the session's, asked per part
    assert found[first:last] == [*CHARGE, client_code, *CHARGE]
    assert sorted(AccessCharge.objects.values_list("description", "username")) == [
        ("Image1-0", public_user.username),
        ("Image1-1", public_user.username),
    ]


def test_a_zip_of_the_parts(signed_in, public_user, record):
    _, served, _ = download(signed_in(public_user), path(record, 1), zipit="1")
    assert served["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(served.content)) as archive:
        assert sorted(archive.namelist()) == ["1-0.pdf", "1-1.pdf"]
        assert all(header(record, "1-1") in t for t in page_texts(archive.read("1-1.pdf")))


def test_each_document_is_capped_at_30_pages(signed_in, public_user, record):
    big, _ = kept_and_stamped(corpus.text_pdf(40), doc_id=99)
    Document.objects.filter(entry=record.entries[1], attachment_number=1).update(
        stored_pdf_id=big.id
    )
    shown, served, _ = download(signed_in(public_user), path(record, 1))
    assert "(capped at 30)" in shown.content.decode()
    assert len(page_texts(served.content)) == 43
    amounts = dict(AccessCharge.objects.values_list("description", "amount"))
    assert (str(amounts["Image1-0"]), str(amounts["Image1-1"])) == ("0.30", "3.00")


def test_what_each_role_may_download(signed_in, public_user, clerk, record):
    public = signed_in(public_user)
    assert public.get(path(record, 3)).status_code == 404  # sealed: missing
    assert public.get(path(record, 7)).status_code == 404  # restricted only: nothing to open
    assert public.get(path(record, 4)).status_code == 404  # no document
    assert signed_in(record.alice).get(path(record, 7)).status_code == 200  # a participant
    court = signed_in(clerk)
    _, served, _ = download(court, path(record, 3))
    assert len(page_texts(served.content)) == 3
    assert not AccessCharge.objects.exclude(amount=0).filter(account=clerk).exists()


def test_a_sealed_entry_answers_exactly_as_a_missing_one(signed_in, public_user, record):
    client = signed_in(public_user)
    sealed = client.get(path(record, 3))
    missing = client.get(
        f"/mowd/cgi-bin/show_multidocs.pl?caseid={record.case.caseid}&arr_de_seq_nums=987654"
    )
    assert sealed.status_code == missing.status_code == 404

    def plain(response) -> str:
        page = re.sub(r"arr_de_seq_nums(=|%3D)\d+", "", response.content.decode())
        return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "csrf", page)

    assert plain(sealed) == plain(missing)


@pytest.mark.parametrize(
    "query", ["", "?caseid=abc&arr_de_seq_nums=1", "?caseid=1", "?caseid=1&arr_de_seq_nums=-4"]
)
def test_bad_addresses_are_told_what_to_give(signed_in, public_user, record, query):
    answer = signed_in(public_user).get(f"/mowd/cgi-bin/show_multidocs.pl{query}")
    assert answer.status_code == 422
    assert "Name the case and the entry" in answer.content.decode()


def test_a_damaged_view_and_anonymous_visitors(client, signed_in, public_user, record):
    assert signed_in(public_user).post(path(record, 1), {"view": "<x>"}).status_code == 422
    assert not AccessCharge.objects.exists()
    assert client.get(path(record, 1)).status_code == 302


def test_the_attachment_page_leads_to_the_download(signed_in, public_user, record):
    from openecf.reports.tests.conftest import doc_id

    client = signed_in(public_user)
    page = client.get(f"/mowd/doc1/{doc_id(10)}").content.decode()
    link = re.search(r'data-testid="download-all" href="([^"]+)"', page).group(1)
    assert link.replace("&amp;", "&") == path(record, 1)
    assert client.get(link.replace("&amp;", "&")).status_code == 200
