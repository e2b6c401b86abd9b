"""The written opinions report (``WrtOpRpt.pl``) read by juriscraper's ``FreeOpinionReport``,
field by field against what we stored; which entries are opinions; access per role; bad input."""

from __future__ import annotations

from datetime import date

import pytest
from juriscraper.pacer import FreeOpinionReport

from openecf.cases.factories import civil_opening, open_case
from openecf.cases.models import Case
from openecf.docket.models import DocketEntry
from openecf.reports.tests.conftest import build_record, doc_id, file_entry

pytestmark = pytest.mark.django_db

REPORT = "/mowd/cgi-bin/WrtOpRpt.pl"
MARCH = {"filed_from": "03/01/2026", "filed_to": "03/31/2026", "all_case_ids": "0"}


@pytest.fixture
def record(mowd):
    """The report record plus opinions: 8 an order the judge wrote as a memorandum opinion, 9 a
    judgment, 10 a text-only memorandum order (no document), 11 a party's memorandum (not the
    court's), 12 a sealed opinion, 13 an opinion whose document is restricted."""
    made = build_record(mowd)
    pdf = made.pdf_id
    e = made.entries
    e[8] = file_entry(made.case, 8, "order", "ORDER Memorandum opinion and order granting 5 MOTION "
                      "to Dismiss. Signed by Judge Brian Wimes. (bcw)", day=20,
                      documents=("Main Document",), pdf_id=pdf, by=made.dan)  # fmt: skip
    e[9] = file_entry(made.case, 9, "judgment", "JUDGMENT in favor of Richard Roe & Zoë O'Brien. (bcw)",
                      day=21, documents=("Main Document",), pdf_id=pdf, by=made.dan)  # fmt: skip
    e[10] = file_entry(made.case, 10, "text-order", "TEXT ORDER Memorandum on scheduling. (bcw)",
                       day=22, pdf_id=pdf, by=made.dan)  # fmt: skip
    e[11] = file_entry(made.case, 11, "notice", "NOTICE Memorandum opinion of counsel. (Attorney, Alice)",
                       day=22, documents=("Main Document",), pdf_id=pdf, by=made.alice)  # fmt: skip
    e[12] = file_entry(made.case, 12, "judgment", "SEALED JUDGMENT opinion. (bcw)", day=23,
                       documents=("Main Document",), pdf_id=pdf, sealed=True, by=made.dan)  # fmt: skip
    e[13] = file_entry(made.case, 13, "order", "ORDER Memorandum opinion on medical records. (bcw)",
                       day=24, documents=("Main Document",), pdf_id=pdf, restricted_docs=(0,),
                       by=made.dan)  # fmt: skip
    return made


def parsed(html: str) -> list[dict]:
    report = FreeOpinionReport("mowd")
    report._parse_text(html)
    return report.data


def run(client, criteria: dict | None = None):
    response = client.post(REPORT, {**MARCH, **(criteria or {})})
    return response, response.content.decode()


def test_juriscraper_reads_every_field_of_the_report(signed_in, public_user, record):
    response, html = run(signed_in(public_user))
    assert response.status_code == 200
    rows = parsed(html)
    case = record.case
    assert [r["document_number"] for r in rows] == ["8", "9"]
    assert "<b>Total number of opinions reported:</b>2" in html
    for row in rows:
        number = int(row["document_number"])
        stored = record.entries[number]
        assert row["court_id"] == "mowd"
        assert row["pacer_case_id"] == str(case.caseid)
        assert row["pacer_seq_no"] == str(stored.pk)
        assert row["docket_number"] == case.case_number
        assert row["case_name"] == "Müller & Söhne GmbH v. Roe"
        assert row["date_filed"] == date(2026, 3, 20 if number == 8 else 21)
        assert row["pacer_doc_id"] == doc_id(number * 10)
        assert row["description"] == stored.docket_text
        assert row["nature_of_suit"] == "Civil Rights: Other"
        assert row["cause"] == case.cause


def test_sorted_by_date_the_date_comes_first_and_still_reads(signed_in, public_user, record, mowd):
    other = open_case(mowd, civil_opening(title="Roe v. Initech LLC"))
    file_entry(other, 50, "judgment", "JUDGMENT for Initech LLC. (bcw)", day=20,
               documents=("Main Document",), pdf_id=record.pdf_id, by=record.dan)  # fmt: skip
    _, html = run(signed_in(public_user), {"Key1": "de_date_filed"})
    rows = parsed(html)
    assert [(r["date_filed"].day, r["pacer_case_id"]) for r in rows] == sorted(
        (r["date_filed"].day, r["pacer_case_id"]) for r in rows
    )
    assert {r["case_name"] for r in rows} == {"Müller & Söhne GmbH v. Roe", "Roe v. Initech LLC"}
    assert len(rows) == 3
    by_case = parsed(run(signed_in(public_user))[1])
    assert [r["docket_number"] for r in by_case] == sorted(r["docket_number"] for r in by_case)


def test_the_restricted_opinion_is_listed_for_the_participant_and_the_court_only(
    signed_in, public_user, clerk, judge, record
):
    assert [r["document_number"] for r in parsed(run(signed_in(public_user))[1])] == ["8", "9"]
    for person in (record.alice, record.dan, clerk, judge):
        assert [r["document_number"] for r in parsed(run(signed_in(person))[1])] == ["8", "9", "13"]


def test_a_sealed_case_is_missing_from_the_report_for_everyone(
    signed_in, public_user, clerk, record
):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    for person in (public_user, clerk):
        _, html = run(signed_in(person))
        assert parsed(html) == []
        assert "<b>Total number of opinions reported:</b>0" in html
        assert "Müller" not in html


def test_dates_outside_the_period_are_left_out(signed_in, public_user, record):
    _, html = run(signed_in(public_user), {"filed_from": "03/21/2026", "filed_to": "2026-03-21"})
    assert [r["document_number"] for r in parsed(html)] == ["9"]
    DocketEntry.objects.filter(pk=record.entries[9].pk).update(held=True)
    held = parsed(run(signed_in(public_user), {"filed_to": "03/21/2026"})[1])
    assert [r["document_number"] for r in held] == ["8"]  # 9 waits for the clerk's acceptance


def test_the_criteria_form_and_anonymous_visitors(client, signed_in, public_user, mowd):
    page = signed_in(public_user).get(REPORT)
    assert page.status_code == 200
    assert 'name="filed_from"' in page.content.decode()
    assert client.get(REPORT).status_code == 302


@pytest.mark.parametrize(
    "criteria, message",
    [
        ({"filed_from": "13/45/2026"}, "Enter a valid date"),
        ({"filed_to": ""}, "This field is required"),
        (
            {"filed_from": "03/31/2026", "filed_to": "03/01/2026"},
            "The end date is before the start",
        ),
        ({"Key1": "nonsense"}, "Select a valid choice"),
    ],
)
def test_bad_criteria_come_back_on_the_form(signed_in, public_user, mowd, criteria, message):
    response, html = run(signed_in(public_user), criteria)
    assert response.status_code == 422
    assert message in html


def test_too_many_opinions_asks_for_fewer_dates(
    signed_in, public_user, record, settings, monkeypatch
):
    from openecf.reports import rules

    monkeypatch.setattr(rules, "OPINIONS_LIMIT", 1)
    response, html = run(signed_in(public_user))
    assert response.status_code == 422
    assert "More than 1 opinions were filed in those dates: choose fewer dates." in html
