"""juriscraper's AppellateDocketReport reads our court of appeals docket (appellate CM/ECF's
``/n/beam/servlet/TransportRoom?servlet=CaseSummary.jsp&caseNum=...``, fetched with the very
query juriscraper's ``query()`` sends) and gets exactly what we stored: the appeal, the case it
comes from, the parties (an ampersand, diacritics, "et al.", an alias, a terminated appellee
and attorney), the attorneys' roles, and the entries (a sealed one absent, a stricken one
marked, a restricted document listed without its link)."""

from __future__ import annotations

from datetime import date

import pytest
from juriscraper.pacer import AppellateDocketReport

from openecf.cases.models import Case
from openecf.reports.tests.appeal_record import PLAINTIFF, QUERY, ROE, ZOE, doc_id

pytestmark = pytest.mark.django_db


def run(client, case, **criteria):
    response = client.get(
        "/ca8/n/beam/servlet/TransportRoom", {**QUERY, "caseNum": case.case_number, **criteria}
    )
    html = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    return response, html


def parsed(html: str) -> dict:
    report = AppellateDocketReport("ca8")
    report._parse_text(html)
    return report.data


def entry(number, filed, text, seq, document=None, *, entered=None):
    entered = entered or filed
    return {
        "date_filed": filed,
        "date_entered": entered,
        "document_number": str(number),
        "pacer_doc_id": doc_id(document) if document is not None else None,
        "pacer_seq_no": str(seq),
        "description": f"{text} [Entered: {entered:%m/%d/%Y} 04:15 PM]",
    }


def test_juriscraper_reads_the_appeal_its_origin_parties_and_entries_we_stored(
    signed_in, public_user, appeal, mowd
):
    response, html = run(signed_in(public_user), appeal.case)
    assert response.status_code == 200 and response.streaming
    data = parsed(html)
    case = appeal.case
    assert data["docket_number"] == case.case_number
    assert data["case_name"] == "Müller & Söhne GmbH v. Roe"  # "et al." harmonized away
    assert (data["date_filed"], data["date_terminated"]) == (date(2026, 3, 23), None)
    assert data["appeal_from"] == mowd.name
    assert (data["panel"], data["fee_status"], data["nature_of_suit"]) == ([], "", "")
    origin = appeal.origin
    assert data["originating_court_information"] == {
        "docket_number": origin.case_number,  # juriscraper drops the judge's initials
        # juriscraper takes the lower court from the link's host; our links are relative,
        # so it names the court the page came from (docs/reports.md)
        "court_id": "ca8",
        "assigned_to": "Brian Wimes",
        "ordering_judge": "",
        "court_reporter": "",
        "date_filed": origin.date_filed,
        "date_disposed": None,
        "disposition": "",
        "date_filed_noa": appeal.notice_filed,
        "date_received_coa": date(2026, 3, 23),
    }
    assert f'href="/mowd/cgi-bin/DktRpt.pl?{origin.caseid}"' in html
    alice = {
        "name": "Alice Attorney",
        "contact": "Direct: 816-555-0100\nEmail: alice@example.com",
        "roles": ["COR LD NTC"],
    }
    dan_contact = "Direct: 816-555-0100\nEmail: dan@example.net"
    assert data["parties"] == [
        {"name": PLAINTIFF, "type": "Appellant", "attorneys": [alice]},
        {
            "name": ROE,
            "type": "Appellee",
            "unparsed": ["also known as Dick Roe"],
            "attorneys": [{"name": "Dan Defender", "contact": dan_contact, "roles": ["COR NTC"]}],
        },
        {
            "name": ZOE,
            "type": "Appellee",
            "date_terminated": date(2026, 3, 27),
            "attorneys": [
                {
                    "name": "Dan Defender",
                    "contact": dan_contact,
                    "roles": ["COR LD", "Terminated: 03/27/2026"],
                }
            ],
        },
    ]
    e = appeal.entries
    assert data["docket_entries"] == [
        entry(1, date(2026, 3, 23), e[1].docket_text, e[1].pk, 10),
        entry(2, date(2026, 3, 24), e[2].docket_text, e[2].pk),
        # 3 is sealed: absent
        entry(4, date(2026, 3, 26), f"{e[4].docket_text} (Stricken: 03/27/2026)", e[4].pk, 40),
        # 5's document is restricted to the participants: listed, not linked
        entry(5, date(2026, 3, 27), e[5].docket_text, e[5].pk),
        entry(6, date(2026, 3, 30), e[6].docket_text, e[6].pk, 60, entered=date(2026, 3, 31)),
    ]
    assert f'href="/ca8/docs1/{doc_id(10)}"' in html


def test_the_clerk_sees_the_sealed_entry_and_the_restricted_document(signed_in, ca8, appeal):
    from openecf.tests_support import factories

    clerk = factories.court_staff(ca8, role="clerk", first_name="Cora", last_name="Circuit")
    _response, html = run(signed_in(clerk), appeal.case)
    entries = {x["document_number"]: x for x in parsed(html)["docket_entries"]}
    assert sorted(entries, key=int) == ["1", "2", "3", "4", "5", "6"]
    assert (entries["3"]["pacer_doc_id"], entries["5"]["pacer_doc_id"]) == (doc_id(30), doc_id(50))


def test_the_appellants_attorney_opens_the_restricted_document(signed_in, appeal):
    _response, html = run(signed_in(appeal.alice), appeal.case)
    entries = {x["document_number"]: x for x in parsed(html)["docket_entries"]}
    assert "3" not in entries
    assert entries["5"]["pacer_doc_id"] == doc_id(50)


def test_the_sections_follow_the_options_and_the_dates(signed_in, public_user, appeal):
    _response, html = run(
        signed_in(public_user), appeal.case, incOrigDkt="N", incPtyAty="N",
        dateFrom="03/25/2026", dateTo="03/29/2026",
    )  # fmt: skip
    data = parsed(html)
    assert data["originating_court_information"] == {}
    assert data["parties"] == []
    assert [x["document_number"] for x in data["docket_entries"]] == ["4", "5"]


def test_a_sealed_appeal_is_missing_like_one_that_does_not_exist(signed_in, public_user, appeal):
    Case.objects.filter(pk=appeal.case.caseid).update(sealed=True)
    client = signed_in(public_user)
    sealed, _ = run(client, appeal.case)
    missing = client.get("/ca8/n/beam/servlet/TransportRoom", {**QUERY, "caseNum": "26-9999"})
    assert sealed.status_code == missing.status_code == 404
    assert f"has no case numbered {appeal.case.case_number}." in sealed.content.decode()
    assert "has no case numbered 26-9999." in missing.content.decode()
