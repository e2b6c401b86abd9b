"""juriscraper's own DocketReport parser reads our docket sheet and gets exactly what we stored:
the case, the parties (ampersand, diacritics, aliases, a terminated one), the attorneys and
their roles, the entries (a sealed one absent, a stricken one marked) and the documents."""

from __future__ import annotations

from datetime import date

import pytest

from openecf.reports.tests.conftest import doc_id, run_report
from openecf.reports.tests.conftest import docket_entry as entry
from openecf.reports.tests.conftest import parsed_docket as parsed

pytestmark = pytest.mark.django_db


def test_juriscraper_reads_the_case_parties_attorneys_and_entries_we_stored(
    signed_in, public_user, record
):
    response, html, _confirm = run_report(signed_in(public_user), record.case.caseid)
    assert response.status_code == 200
    data = parsed(html)
    case = record.case
    assert data["docket_number"] == case.case_number
    assert "Western District of Missouri (Kansas City)<br>" in html
    assert data["federal_dn_judge_initials_assigned"] == case.judge_initials
    assert data["case_name"] == "Müller & Söhne GmbH v. Roe"  # "et al." harmonized away
    assert data["assigned_to_str"] == "Brian Wimes"
    assert (data["date_filed"], data["date_terminated"]) == (case.date_filed, None)
    assert (data["cause"], data["jury_demand"], data["jurisdiction"]) == (
        "42:1983 Civil Rights Act",
        "Plaintiff",
        "Federal Question",
    )
    assert data["nature_of_suit"] == "440 Civil Rights: Other"
    alice = {
        "name": "Alice Attorney",
        "contact": "816-555-0100\nEmail: alice@example.com\n",
        "roles": ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"],
    }
    dan_contact = "816-555-0100\nEmail: dan@example.net\n"
    assert [
        (p["type"], p["name"], p["extra_info"], p["date_terminated"], p["attorneys"])
        for p in data["parties"]
    ] == [
        ("Plaintiff", "Müller & Söhne GmbH", "", None, [alice]),
        (
            "Defendant",
            "Richard Roe",
            "also known as Dick Roe",
            None,
            [{"name": "Dan Defender", "contact": dan_contact, "roles": ["ATTORNEY TO BE NOTICED"]}],
        ),
        (
            "Defendant",
            "Zoë O'Brien",
            "TERMINATED: 03/20/2026",  # juriscraper keeps the line in extra_info too
            date(2026, 3, 20),
            [
                {
                    "name": "Dan Defender",
                    "contact": dan_contact,
                    "roles": ["TERMINATED: 03/20/2026", "LEAD ATTORNEY"],
                }
            ],
        ),
    ]
    e = record.entries
    assert data["docket_entries"] == [
        entry(1, date(2026, 3, 2), date(2026, 3, 3), e[1].docket_text, e[1].pk, 10),
        entry(2, date(2026, 3, 9), date(2026, 3, 9), e[2].docket_text, e[2].pk, 20),
        # 3 is sealed: absent, as if it had never been filed
        entry(4, date(2026, 3, 12), date(2026, 3, 12), e[4].docket_text, e[4].pk),
        entry(
            5,
            date(2026, 3, 13),
            date(2026, 3, 13),
            f"{e[5].docket_text} (Stricken: 03/14/2026)",
            e[5].pk,
            50,
        ),  # fmt: skip
        entry(6, date(2026, 3, 16), date(2026, 3, 16), e[6].docket_text, e[6].pk, 60),
        # 7's document is restricted to the case's participants: listed, not linked
        entry(7, date(2026, 3, 18), date(2026, 3, 18), e[7].docket_text, e[7].pk),
    ]


def test_the_multiple_documents_layout_gives_juriscraper_each_attachment(
    signed_in, public_user, record
):
    _response, html, _ = run_report(
        signed_in(public_user), record.case.caseid, {"view_multi_docs": "on"}
    )
    first = parsed(html)["docket_entries"][0]
    assert (first["pacer_doc_id"], first["page_count"], first["document_number"]) == (
        doc_id(10),
        3,
        "1",
    )
    assert [
        (a["attachment_number"], a["description"], a["pacer_doc_id"], a["page_count"])
        for a in first["attachments"]
    ] == [(1, "Civil Cover Sheet", doc_id(11), 3)]


def test_the_clerk_sees_the_sealed_entry_and_the_restricted_document(signed_in, clerk, record):
    _response, html, confirm = run_report(signed_in(clerk), record.case.caseid)
    assert confirm is None  # free for the court's own users: no cost to confirm
    entries = {e["document_number"]: e for e in parsed(html)["docket_entries"]}
    assert sorted(entries, key=int) == ["1", "2", "3", "4", "5", "6", "7"]
    assert entries["3"]["pacer_doc_id"] == doc_id(30)
    assert entries["7"]["pacer_doc_id"] == doc_id(70)


def test_the_plaintiffs_attorney_opens_the_restricted_document_but_not_the_sealed_entry(
    signed_in, record
):
    _response, html, _ = run_report(signed_in(record.alice), record.case.caseid)
    entries = {e["document_number"]: e for e in parsed(html)["docket_entries"]}
    assert "3" not in entries
    assert entries["7"]["pacer_doc_id"] == doc_id(70)
