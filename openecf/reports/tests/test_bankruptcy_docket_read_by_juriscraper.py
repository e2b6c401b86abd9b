"""juriscraper's DocketReport, given a bankruptcy court's id, reads our bankruptcy docket sheet
(``DktRpt.pl`` at W.D. Mo. Bankruptcy) and gets exactly what we stored: the petition's number,
judge and dates, the debtors (diacritics, an ampersand, an alias, only the last four of each
Social Security number), the trustees, a terminated creditor and its terminated attorney, and
the entries (a sealed one absent, a stricken one marked, an attachment in the multiple
documents layout). No page ever carries a debtor's full number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from openecf.cases.factories import bankruptcy_opening, judge_at, open_case
from openecf.cases.models import Case
from openecf.cases.rules import AttorneyOpening, PartyOpening
from openecf.courts import doc_ids
from openecf.docket.actions import ensure_catalogue
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.reports.tests.conftest import (
    at,
    counsel,
    docket_entry,
    file_entry,
    parsed_docket,
    run_report,
    terminate_party,
)
from openecf.tests_support import factories

pytestmark = pytest.mark.django_db

DEBTOR = "Renée Ávila-Müller"
JOINT = "Jean-Luc O'Neil"
CREDITOR = "First Bank & Trust, N.A. et al."


@dataclass
class Petition:
    case: Case
    alice: object
    dan: object
    entries: dict


@pytest.fixture
def petition(mowb):
    alice, dan = counsel()
    judge_at(mowb, first_name="Brian T.", last_name="Fenimore")
    opening = bankruptcy_opening(
        title=f"{DEBTOR} and {JOINT}",
        chapter=13,
        joint_petition=True,
        parties=(
            PartyOpening(name=DEBTOR, role="debtor", tax_id="123-45-6789",
                         aliases=(("Renée Ávila", "fka"),),
                         attorneys=(AttorneyOpening(account_id=alice.pk, lead=True),)),
            PartyOpening(name=JOINT, role="joint_debtor", tax_id="987-65-4321",
                         attorneys=(AttorneyOpening(account_id=alice.pk, lead=True),)),
            PartyOpening(name="Terry Trustee", role="trustee"),
            PartyOpening(name="U.S. Trustee", role="us_trustee"),
            PartyOpening(name=CREDITOR, role="creditor",
                         attorneys=(AttorneyOpening(account_id=dan.pk),)),
        ),
    )  # fmt: skip
    case = open_case(mowb, opening, now=at(2))
    terminate_party(case, CREDITOR, date(2026, 3, 20))
    ensure_catalogue(court_id="mowb")
    stored, _ = kept_and_stamped(corpus.text_pdf(2), doc_id=1)
    pdf = stored.id
    e = {}
    e[1] = file_entry(case, 1, "petition-ch13",
                      f"Chapter 13 Voluntary Petition for Individuals filed by {DEBTOR}, {JOINT}. "
                      "(Attachments: # 1 Chapter 13 Plan)(Attorney, Alice)",
                      day=2, documents=("Main Document", "Chapter 13 Plan"), pdf_id=pdf,
                      by=alice)  # fmt: skip
    e[2] = file_entry(case, 2, "meeting-of-creditors",
                      "Meeting of Creditors. 341(a) meeting to be held on 4/15/2026 at 10:00 AM.",
                      day=3, pdf_id=pdf, by=alice)  # fmt: skip
    e[3] = file_entry(case, 3, "sealed-document", "SEALED Pay advices filed by the debtors.",
                      day=5, documents=("Main Document",), pdf_id=pdf, sealed=True, by=alice)  # fmt: skip
    e[4] = file_entry(case, 4, "proof-of-claim", f"Proof of Claim filed by {CREDITOR}.",
                      day=9, documents=("Main Document",), pdf_id=pdf, by=dan)  # fmt: skip
    e[5] = file_entry(case, 5, "motion-relief-from-stay",
                      f"MOTION for Relief from Stay filed by {CREDITOR}. (Defender, Dan)",
                      day=10, documents=("Main Document",), pdf_id=pdf, stricken=at(11),
                      by=dan)  # fmt: skip
    e[6] = file_entry(case, 6, "order-confirming-plan", "ORDER Confirming Chapter 13 Plan. (btf)",
                      day=16, entered_day=17, documents=("Main Document",), pdf_id=pdf, by=alice)  # fmt: skip
    return Petition(case=case, alice=alice, dan=dan, entries=e)


def parsed(html: str) -> dict:
    return parsed_docket(html, "mowb")


def doc_id(n: int) -> str:
    return doc_ids.doc_id("mowb", n)


def entry(*given, **more) -> dict:
    return docket_entry(*given, court_id="mowb", **more)


def test_juriscraper_reads_the_petition_parties_and_entries_we_stored(
    signed_in, public_user, petition
):
    case = petition.case
    response, html, confirm = run_report(signed_in(public_user), case.caseid, court="mowb")
    assert response.status_code == 200 and confirm is not None  # charged, after the cost
    assert "Bankruptcy Petition #: " in html and "U.S. Bankruptcy Court<br>" in html
    data = parsed(html)
    assert data["docket_number"] == case.case_number
    assert data["case_name"] == DEBTOR  # CM/ECF's bankruptcy title: the first debtor
    assert data["assigned_to_str"] == "Brian T. Fenimore"
    assert "Chapter 13" in html
    assert (data["date_filed"], data["date_terminated"]) == (date(2026, 3, 2), None)
    assert (data["date_converted"], data["date_discharged"]) == (None, None)  # not kept
    alice = {
        "name": "Alice Attorney",
        "contact": "816-555-0100\nEmail: alice@example.com\n",
        "roles": ["LEAD ATTORNEY", "ATTORNEY TO BE NOTICED"],
    }
    dan = {
        "name": "Dan Defender",
        "contact": "816-555-0100\nEmail: dan@example.net\n",
        "roles": ["TERMINATED: 03/20/2026"],
    }
    assert [
        (p["type"], p["name"], p["extra_info"], p["date_terminated"], p["attorneys"])
        for p in data["parties"]
    ] == [
        ("Debtor", DEBTOR, "formerly known as Renée Ávila\nSSN / ITIN: xxx-xx-6789", None,
         [alice]),
        ("Joint Debtor", JOINT, "SSN / ITIN: xxx-xx-4321", None, [alice]),
        ("Trustee", "Terry Trustee", "", None, []),
        ("U.S. Trustee", "U.S. Trustee", "", None, []),
        ("Creditor", CREDITOR, "TERMINATED: 03/20/2026", date(2026, 3, 20), [dan]),
    ]  # fmt: skip
    e = petition.entries
    assert data["docket_entries"] == [
        entry(1, date(2026, 3, 2), date(2026, 3, 2), e[1].docket_text, e[1].pk, 10),
        entry(2, date(2026, 3, 3), date(2026, 3, 3), e[2].docket_text, e[2].pk),
        # 3 is sealed: absent
        entry(4, date(2026, 3, 9), date(2026, 3, 9), e[4].docket_text, e[4].pk, 40),
        entry(5, date(2026, 3, 10), date(2026, 3, 10),
              f"{e[5].docket_text} (Stricken: 03/11/2026)", e[5].pk, 50),
        entry(6, date(2026, 3, 16), date(2026, 3, 17), e[6].docket_text, e[6].pk, 60),
    ]  # fmt: skip
    assert "123-45-6789" not in html and "987-65-4321" not in html


def test_the_terminated_parties_can_be_left_out(signed_in, public_user, petition):
    _response, html, _ = run_report(
        signed_in(public_user), petition.case.caseid, {"terminated_parties": ""}, court="mowb"
    )
    assert [p["name"] for p in parsed(html)["parties"]] == [
        DEBTOR,
        JOINT,
        "Terry Trustee",
        "U.S. Trustee",
    ]


def test_the_multiple_documents_layout_gives_juriscraper_the_plan_attachment(
    signed_in, public_user, petition
):
    _response, html, _ = run_report(
        signed_in(public_user), petition.case.caseid, {"view_multi_docs": "on"}, court="mowb"
    )
    entries = parsed(html)["docket_entries"]
    assert [(x["document_number"], x["pacer_doc_id"]) for x in entries] == [
        ("1", doc_id(10)),
        ("2", None),
        ("4", doc_id(40)),
        ("5", doc_id(50)),
        ("6", doc_id(60)),
    ]
    first = entries[0]
    assert (first["page_count"], first["pacer_seq_no"]) == (2, str(petition.entries[1].pk))
    assert [
        (a["attachment_number"], a["description"], a["pacer_doc_id"], a["page_count"])
        for a in first["attachments"]
    ] == [(1, "Chapter 13 Plan", doc_id(11), 2)]


def test_the_clerk_sees_the_sealed_entry_and_still_no_full_number(signed_in, mowb, petition):
    clerk = factories.court_staff(mowb, role="clerk", first_name="Bea", last_name="Clerk")
    _response, html, confirm = run_report(signed_in(clerk), petition.case.caseid, court="mowb")
    assert confirm is None  # the court's own users view free
    numbers = [x["document_number"] for x in parsed(html)["docket_entries"]]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    assert "123-45-6789" not in html and "987-65-4321" not in html
    assert "xxx-xx-6789" in html


def test_a_sealed_petition_is_missing_to_the_public(signed_in, public_user, petition):
    Case.objects.filter(pk=petition.case.caseid).update(sealed=True)
    response, _html, _ = run_report(signed_in(public_user), petition.case.caseid, court="mowb")
    assert response.status_code == 404


def test_an_adversary_proceeding_reads_as_one_with_its_lead_case_title(
    signed_in, public_user, mowb, petition
):
    opening = bankruptcy_opening(
        kind="ap",
        title=f"Terry Trustee v. {CREDITOR}",
        chapter=None,
        lead_caseid=petition.case.caseid,
        parties=(
            PartyOpening(name="Terry Trustee", role="plaintiff"),
            PartyOpening(name=CREDITOR, role="defendant",
                         attorneys=(AttorneyOpening(account_id=petition.dan.pk),)),
        ),
    )  # fmt: skip
    adversary = open_case(mowb, opening, now=at(20))
    _response, html, _ = run_report(signed_in(public_user), adversary.caseid, court="mowb")
    data = parsed(html)
    assert data["docket_number"] == adversary.case_number
    assert data["case_name"] == f"{DEBTOR} and {JOINT} - Adversary Proceeding"
    assert [(p["type"], p["name"], len(p["attorneys"])) for p in data["parties"]] == [
        ("Plaintiff", "Terry Trustee", 0),
        ("Defendant", CREDITOR, 1),
    ]
