"""The court's RSS feed (``rss_outside.pl``) read by juriscraper's ``PacerRssFeed``, field by
field against what we stored; its category setting (page and API) per role; sealed entries and
cases never in it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from juriscraper.pacer import PacerRssFeed

from openecf.cases.factories import bankruptcy_opening, open_case
from openecf.cases.models import Case
from openecf.cases.rules import PartyOpening
from openecf.courts import doc_ids
from openecf.courts.models import Court
from openecf.docket.actions import ensure_catalogue
from openecf.docket.models import DocketEntry, Document, Event
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.reports.tests.conftest import CENTRAL, build_record, doc_id
from openecf.tests_support import factories

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 19, 12, 0, tzinfo=CENTRAL)
FEED = "/mowd/cgi-bin/rss_outside.pl"


def entered_recently(record) -> dict[int, datetime]:
    """Entries 2-7 entered in the last day (an hour apart); entry 1 two days ago."""
    moments = {1: NOW - timedelta(days=2)}
    for number in range(2, 8):
        moments[number] = NOW - timedelta(hours=10 - number)
    for number, moment in moments.items():
        DocketEntry.objects.filter(pk=record.entries[number].pk).update(entered_at=moment)
    return moments


def read_feed(client, path: str = FEED, court: str = "mowd") -> tuple[list[dict], str]:
    with time_machine.travel(NOW, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    text = response.content.decode()
    feed = PacerRssFeed(court)
    feed._parse_text(text)
    return feed.data, text


@pytest.fixture
def record(mowd):
    made = build_record(mowd)
    made.moments = entered_recently(made)
    return made


def test_juriscraper_reads_every_field_of_the_feed(client, record):
    data, text = read_feed(client)
    case = record.case
    # newest first; 3 is sealed, 1 was entered two days ago
    numbers = [6, 5, 4, 2]
    assert len(data) == 5
    for item in data:
        assert item["court_id"] == "mowd"
        assert item["pacer_case_id"] == str(case.caseid)
        assert item["docket_number"] == case.case_number
        assert item["case_name"] == "Müller & Söhne GmbH v. Roe"
        assert item["parties"] is None
        assert (item["type"], item["office"], item["chapter"], item["trustee_str"]) == (
            "",
            "",
            "",
            "",
        )
    entries = [item["docket_entries"][0] for item in data]
    assert [e["date_filed"] for e in entries] == [
        record.moments[n].astimezone(UTC) for n in (7, 6, 5, 4, 2)
    ]
    by_date = {e["date_filed"]: e for e in entries}
    for number in numbers:
        entry = by_date[record.moments[number].astimezone(UTC)]
        stored = record.entries[number]
        assert entry["short_description"] == stored.event.name
        assert entry["description"] == ""
        if number == 4:  # a minute entry: no document, no link
            assert (entry["document_number"], entry["pacer_doc_id"], entry["pacer_seq_no"]) == (
                None,
                "",
                None,
            )
        else:
            assert entry["document_number"] == str(number)
            assert entry["pacer_doc_id"] == doc_id(number * 10)
            assert entry["pacer_seq_no"] == str(stored.pk)
    # 7's document is restricted: listed, but the public gets no link
    restricted = by_date[record.moments[7].astimezone(UTC)]
    assert (restricted["short_description"], restricted["pacer_doc_id"]) == ("NOTICE", "")
    assert "Docket entries of type: all" in text


def test_sealed_entries_and_sealed_cases_never_appear_even_for_the_clerk(signed_in, clerk, record):
    data, text = read_feed(signed_in(clerk))
    assert "SEALED" not in text
    assert str(record.entries[3].pk) not in {d["docket_entries"][0]["pacer_seq_no"] for d in data}
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    data, text = read_feed(signed_in(clerk))
    assert data == []
    assert "<item>" not in text


def test_held_entries_stay_out_until_accepted(client, record):
    DocketEntry.objects.filter(pk=record.entries[6].pk).update(held=True)
    data, _ = read_feed(client)
    assert len(data) == 4
    assert all(d["docket_entries"][0]["pacer_seq_no"] != str(record.entries[6].pk) for d in data)


def test_a_social_security_case_links_only_the_courts_orders(client, mowd):
    made = build_record(mowd, nature_of_suit="863", title="Doe v. Commissioner of Social Security")
    entered_recently(made)
    data, _ = read_feed(client)
    linked = {d["docket_entries"][0]["pacer_seq_no"] for d in data} - {None}
    assert linked == {str(made.entries[6].pk)}  # the order only; the motions are listed unlinked
    assert len(data) == 5


def test_the_clerks_category_choice_shapes_the_feed(signed_in, clerk, record):
    client = signed_in(clerk)
    page = client.get("/mowd/clerk/rss/")
    assert page.status_code == 200
    assert "Orders and Judgments" in page.content.decode()
    saved = client.post(
        "/mowd/clerk/rss/", {"every_category": "no", "categories": ["Orders and Judgments"]}
    )
    assert saved.status_code == 302
    data, text = read_feed(client)
    assert [d["docket_entries"][0]["pacer_seq_no"] for d in data] == [str(record.entries[6].pk)]
    assert "Docket entries of type: Orders and Judgments" in text
    client.post("/mowd/clerk/rss/", {"every_category": "yes"})
    assert len(read_feed(client)[0]) == 5


@pytest.mark.parametrize(
    "form, message",
    [
        ({"every_category": "no"}, "Choose at least one category"),
        ({"every_category": "no", "categories": ["Haiku"]}, "Select a valid choice"),
        ({}, "This field is required"),
    ],
)
def test_a_bad_choice_comes_back_on_the_form(signed_in, clerk, mowd, form, message):
    answer = signed_in(clerk).post("/mowd/clerk/rss/", form)
    assert answer.status_code == 422
    assert message in answer.content.decode()


@pytest.mark.parametrize(
    "persona, status", [("public_user", 404), ("attorney", 404), ("other_court_clerk", 404),
                        ("judge", 404), ("clerk", 200), ("operator", 200)]
)  # fmt: skip
def test_only_the_courts_clerk_edits_the_setting(request, signed_in, mowd, persona, status):
    account = request.getfixturevalue(persona)
    assert signed_in(account).get("/mowd/clerk/rss/").status_code == status


def test_anonymous_visitors_are_sent_to_sign_in_for_the_setting_but_read_the_feed(client, mowd):
    assert client.get("/mowd/clerk/rss/").status_code == 302
    assert client.get(FEED).status_code == 200


def test_the_feed_answers_bad_requests_plainly(client, mowd):
    assert client.post(FEED).status_code == 405
    assert client.get("/zzzz/cgi-bin/rss_outside.pl").status_code == 404
    assert client.get(FEED + "?anything=%ff&x").status_code == 200


def test_the_setting_in_the_api(signed_in, clerk, public_user, client, record):
    api = "/api/v1/courts/mowd/rss-feed"
    court = signed_in(clerk)
    got = court.get(api)
    assert got.status_code == 200
    assert got.json()["every_category"] is True
    assert "Orders and Judgments" in got.json()["available"]
    put = court.put(
        api, {"every_category": False, "categories": ["Orders and Judgments", "Motions and Related Filings"]},
        content_type="application/json",
    )  # fmt: skip
    assert put.status_code == 200
    assert put.json()["categories"] == ["Motions and Related Filings", "Orders and Judgments"]
    data, _ = read_feed(client)
    assert sorted(d["docket_entries"][0]["pacer_seq_no"] for d in data) == sorted(
        str(record.entries[n].pk) for n in (2, 5, 6)
    )
    bad = court.put(
        api, {"every_category": False, "categories": ["Haiku"]}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"]["categories"][0].startswith(
        "W.D. Mo.'s event catalogue has no category 'Haiku'"
    )
    assert signed_in(public_user).get(api).status_code == 404
    assert client.get(api).status_code == 401
    assert court.put(api, {"categories": 3}, content_type="application/json").status_code == 422


def test_a_bankruptcy_feed_carries_type_office_chapter_and_trustee(client, courts):
    mowb = Court.objects.get(pk="mowb")
    ensure_catalogue(court_id="mowb")
    opening = bankruptcy_opening(
        parties=(
            PartyOpening(name="Dana Debtor", role="debtor", tax_id="123-45-6789"),
            PartyOpening(name="Terry Trustee", role="trustee"),
        )
    )
    case = open_case(mowb, opening)
    stored, _ = kept_and_stamped(corpus.text_pdf(1), doc_id=1)
    filer = factories.AccountFactory(purpose="attorney_filer")
    entry = DocketEntry.objects.create(
        court_id="mowb", caseid=case.caseid, entry_number=2,
        event=Event.objects.get(court_id="mowb", code="proof-of-claim"),
        docket_text="Proof of Claim", filed_at=NOW, entered_at=NOW - timedelta(hours=1),
        entered_by=filer, filed_by=filer,
    )  # fmt: skip
    Document.objects.create(entry=entry, doc_id=20, attachment_number=0, description="Claim",
                            file_name="claim.pdf", stored_pdf_id=stored.id, stamp="stamp")  # fmt: skip
    data, _ = read_feed(client, "/mowb/cgi-bin/rss_outside.pl", court="mowb")
    [item] = data
    assert item["docket_number"] == case.case_number
    assert item["case_name"] == "Dana Debtor"
    assert (item["type"], item["office"], item["chapter"], item["trustee_str"]) == (
        "bk",
        str(case.office_number),
        "7",
        "Terry Trustee",
    )
    [de] = item["docket_entries"]
    assert (de["short_description"], de["document_number"], de["pacer_seq_no"]) == (
        "Proof of Claim",
        "2",
        str(entry.pk),
    )
    assert de["pacer_doc_id"] == doc_ids.doc_id("mowb", 20)
