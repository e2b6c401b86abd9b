"""POST /api/v1/courts/{court_id}/cases: opening a case by filing its first document."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from openecf.cases import facade as cases
from openecf.cases.factories import judge_at
from openecf.cases.models import Case, Party
from openecf.core.models import AuditEvent
from openecf.docket.models import DocketEntry, OpenedCase
from openecf.docket.tests.conftest import make_filer, pdf_file
from openecf.documents.models import StoredPdf
from openecf.payments.models import LedgerEntry
from openecf.payments.tests.conftest import APPROVED_CARD
from openecf.payments.tests.conftest import DECLINED as DECLINED_NUMBER
from openecf.tests_support import factories
from openecf.tests_support.api import bearer_token

pytestmark = pytest.mark.django_db

CARD = APPROVED_CARD
DECLINED = {**CARD, "number": DECLINED_NUMBER}
CIVIL = {
    "kind": "cv",
    "title": "Acme Corp. v. Roe",
    "office_number": 4,
    "nature_of_suit": "440",
    "cause": "42:1983 Civil Rights Act",
    "jurisdiction": "federal_question",
    "jury_demand": "plaintiff",
    "demand_amount": "75000.00",
    "cover_sheet": {"origin": "1", "class_action": "no"},
    "parties": [
        {"name": "Acme Corp.", "role": "plaintiff", "aliases": [{"name": "Acme", "kind": "dba"}]},
        {"name": "Richard Roe", "role": "defendant"},
    ],
    "redaction_confirmed": True,
    "payment": {"card": CARD},
}


@pytest.fixture
def open_api(client: Client):
    """Open a case as a program does: the JSON part ``opening`` and the PDFs."""

    def post(account, opening: dict, *, court="mowd", document=True, key=None, **files):
        token = bearer_token(account, redaction_acknowledged=True)
        body: dict = {"opening": json.dumps(opening)}
        if document:
            body["document"] = pdf_file("complaint.pdf", pages=3)
        body.update(files)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        if key:
            headers["HTTP_IDEMPOTENCY_KEY"] = key
        return client.post(f"/api/v1/courts/{court}/cases", body, **headers)

    return post


def charges() -> list:
    return list(
        LedgerEntry.objects.filter(kind="charge").values_list(
            "amount", "court_id", "receipt_number"
        )
    )


def nothing_opened():
    assert not Case.objects.exists()
    assert not DocketEntry.objects.exists()
    assert not OpenedCase.objects.exists()
    assert not StoredPdf.objects.exists()


def test_an_attorney_opens_a_civil_case_and_pays_405_first(open_api, mowd, alice):
    judge_at(mowd)
    response = open_api(alice, CIVIL)

    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"4:\d\d-cv-00001", body["case_number"])
    assert body["shown_number"] == f"{body['case_number']}-BW"
    assert (body["entry_number"], body["fee_amount"]) == (1, "405.00")
    receipt = body["receipt_number"]
    assert receipt.startswith("AMOWDC-")
    assert body["docket_text"] == (
        f"COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number {receipt}), filed by "
        "Acme Corp. (Attorney, Alice)"
    )
    assert charges() == [(405, "mowd", receipt)]
    case = cases.case(court_id="mowd", caseid=body["caseid"])
    assert (case.nature_of_suit, case.jury_demand, str(case.demand_amount)) == (
        "440",
        "plaintiff",
        "75000.00",
    )
    plaintiff, defendant = cases.parties(caseid=case.caseid)
    assert plaintiff.aliases == (("Acme", "dba"),)
    assert [(a.username, a.lead, a.to_be_noticed) for a in plaintiff.attorneys] == [
        (alice.username, True, True)
    ]
    assert defendant.attorneys == ()
    entry = DocketEntry.objects.get(caseid=case.caseid)
    assert (entry.filer_party_ids, entry.against_party_ids) == ([plaintiff.id], [defendant.id])
    assert entry.event.code == "complaint"
    assert AuditEvent.objects.filter(verb="case.opened", court_id="mowd").count() == 1
    assert AuditEvent.objects.filter(verb="docket.entry_filed", court_id="mowd").count() == 1


def test_a_declined_card_opens_no_case_and_charges_nothing(open_api, mowd, alice):
    response = open_api(alice, {**CIVIL, "payment": {"card": DECLINED}})

    assert response.status_code == 402
    assert response.json()["error"]["code"] == "payment_declined"
    nothing_opened()
    assert charges() == []


def test_an_opening_without_payment_says_what_it_costs(open_api, mowd, alice):
    response = open_api(alice, {**CIVIL, "payment": None})

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "payment": ["Opening this case costs $405.00: pay with a card or a stored method."]
    }
    nothing_opened()


def test_bad_input_says_what_to_fix_and_changes_nothing(open_api, mowd, alice):
    response = open_api(
        alice,
        {
            **CIVIL,
            "nature_of_suit": "",
            "jurisdiction": "mars",
            "parties": [{"name": "", "role": "plaintiff"}],
            "attachments": [{"description": ""}],
        },
        attachment=pdf_file("cover.pdf"),
    )

    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert fields["nature_of_suit"] == ["Choose the nature of suit (a 3-digit code, such as 440)."]
    assert fields["jurisdiction"] == ["Choose the basis of jurisdiction."]
    assert fields["parties.0.name"] == ["Enter the party's name."]
    assert fields["attachments"] == ["Describe attachment 1 (e.g. Exhibit A)."]
    nothing_opened()
    assert charges() == []


def test_the_complaint_pdf_is_required(open_api, mowd, alice):
    response = open_api(alice, CIVIL, document=False)

    assert response.status_code == 422
    assert response.json()["error"]["fields"]["document"] == ["Attach the main document as a PDF."]
    nothing_opened()


def test_the_opening_json_must_fit_its_schema(open_api, mowd, alice):
    response = open_api(alice, {"parties": "everyone"})

    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"opening.kind", "opening.parties"}


def test_an_unknown_attorney_username_is_named(open_api, mowd, alice):
    opening = {**CIVIL, "parties": [*CIVIL["parties"]]}
    opening["parties"][1] = {**opening["parties"][1], "attorneys": [{"username": "nobody"}]}
    response = open_api(alice, opening)

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "parties.1.attorneys": ["There is no PACER account 'nobody'."]
    }


def test_a_person_without_the_filing_privilege_is_told_what_is_missing(open_api, mowd, public_user):
    response = open_api(public_user, CIVIL)

    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "filing_not_allowed"
    assert error["missing"], error
    nothing_opened()
    assert charges() == []


def test_signing_in_comes_first(client, mowd):
    response = client.post("/api/v1/courts/mowd/cases", {"opening": json.dumps(CIVIL)})
    assert response.status_code == 401


def test_the_same_idempotency_key_opens_one_case_and_charges_once(open_api, mowd, alice):
    first = open_api(alice, CIVIL, key="complaint-2026-001")
    again = open_api(alice, CIVIL, key="complaint-2026-001")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["caseid"] == first.json()["caseid"]
    assert again.json()["receipt_number"] == first.json()["receipt_number"]
    assert (first.json()["replayed"], again.json()["replayed"]) == (False, True)
    assert Case.objects.count() == 1
    assert len(charges()) == 1
    other = open_api(alice, CIVIL, key="complaint-2026-002")
    assert other.json()["caseid"] != first.json()["caseid"]
    assert len(charges()) == 2


def test_a_filing_agent_opens_for_their_attorney(open_api, mowd, alice):
    from openecf.core import clock
    from openecf.ecf.factories import FilingPrivilegeFactory
    from openecf.ecf.models import FilingAgentAssociation

    agent = make_filer(mowd, first_name="Fred", last_name="Agent")
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")
    FilingAgentAssociation.objects.create(
        court=mowd, principal=alice, agent=agent, created_at=clock.now()
    )
    response = open_api(agent, {**CIVIL, "on_behalf_of": alice.username})

    assert response.status_code == 201, response.content
    entry = DocketEntry.objects.get()
    assert (entry.filed_by_id, entry.entered_by_id) == (alice.pk, agent.pk)
    assert response.json()["docket_text"].endswith("(Attorney, Alice)")
    plaintiff = cases.parties(caseid=entry.caseid)[0]
    assert [a.username for a in plaintiff.attorneys] == [alice.username]


def test_the_get_on_the_same_path_still_finds_cases(open_api, client, mowd, alice):
    opened = open_api(alice, CIVIL).json()
    token = bearer_token(alice)
    found = client.get(
        "/api/v1/courts/mowd/cases",
        {"number": opened["case_number"]},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert found.status_code == 200
    assert [c["caseid"] for c in found.json()["cases"]] == [opened["caseid"]]


def test_the_openapi_document_describes_both_methods(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/courts/{court_id}/cases"])
    post = paths["/api/v1/courts/{court_id}/cases"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]


# Bankruptcy -----------------------------------------------------------------------------------

PETITION = {
    "kind": "bk",
    "title": "Dana Debtor and Drew Debtor",
    "chapter": 7,
    "joint_petition": True,
    "parties": [
        {
            "name": "Dana Debtor",
            "role": "debtor",
            "tax_id": "123-45-6789",
            "aliases": [{"name": "Dana's Bakery", "kind": "dba"}],
        },
        {"name": "Drew Debtor", "role": "joint_debtor", "tax_id": "987-65-4321"},
    ],
    "redaction_confirmed": True,
    "payment": {"card": CARD},
}


@pytest.fixture
def bea(mowb):
    return make_filer(mowb, first_name="Bea", last_name="Bankruptcy")


@pytest.fixture
def mowb(courts):
    from openecf.courts.models import Court

    return Court.objects.get(pk="mowb")


def test_a_joint_chapter_7_petition_pays_338_and_shows_only_the_last_four(
    open_api, client, mowb, bea
):
    response = open_api(bea, PETITION, court="mowb")

    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"\d\d-00001", body["case_number"])
    assert (body["chapter"], body["fee_amount"], body["fee_arrangement"]) == (7, "338.00", "pay")
    assert body["docket_text"] == (
        f"Voluntary Petition (Chapter 7) ( Filing fee $ 338, receipt number "
        f"{body['receipt_number']}), filed by Dana Debtor, Drew Debtor. (Bankruptcy, Bea)"
    )
    assert body["receipt_number"].startswith("AMOWBC-")
    debtor = Party.objects.get(role="debtor")
    assert debtor.tax_id == "123456789"  # decrypted by the field; stored encrypted
    detail = client.get(
        f"/api/v1/courts/mowb/cases/{body['caseid']}",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(bea)}",
    )
    assert "123-45-6789" not in detail.content.decode()
    assert "123456789" not in response.content.decode() + detail.content.decode()
    assert [p.tax_id_shown for p in cases.parties(caseid=body["caseid"])] == [
        "xxx-xx-6789",
        "xxx-xx-4321",
    ]


def test_the_full_tax_id_is_stored_encrypted(open_api, mowb, bea):
    from django.db import connection

    open_api(bea, PETITION, court="mowb")
    with connection.cursor() as cursor:
        cursor.execute("SELECT tax_id FROM cases_party")
        stored = [row[0] for row in cursor.fetchall()]
    assert all(s and "6789" not in s and "4321" not in s for s in stored), stored


@pytest.mark.parametrize(("chapter", "fee"), [(11, "1738.00"), (12, "278.00"), (13, "313.00")])
def test_each_chapter_pays_its_own_fee(open_api, mowb, bea, chapter, fee):
    response = open_api(
        bea, {**PETITION, "chapter": chapter, "joint_petition": False, "parties": PETITION["parties"][:1]}, court="mowb"
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["fee_amount"] == fee
    assert response.json()["docket_text"].startswith(f"Voluntary Petition (Chapter {chapter})")


def test_installments_docket_the_application_as_entry_2_and_charge_nothing(open_api, mowb, bea):
    response = open_api(
        bea,
        {**PETITION, "fee_arrangement": "installments", "payment": None},
        court="mowb",
        fee_application=pdf_file("form-103a.pdf", pages=1),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["receipt_number"], body["fee_amount"], body["application_entry_number"]) == (
        None,
        None,
        2,
    )
    assert body["docket_text"] == (
        "Voluntary Petition (Chapter 7) filed by Dana Debtor, Drew Debtor. (Bankruptcy, Bea)"
    )
    second = DocketEntry.objects.get(caseid=body["caseid"], entry_number=2)
    assert second.docket_text == (
        "APPLICATION to Pay Filing Fee in Installments filed by Dana Debtor, Drew Debtor. "
        "(Bankruptcy, Bea)"
    )
    assert charges() == []
    assert OpenedCase.objects.get().fee_arrangement == "installments"


def test_a_waiver_is_for_chapter_7_and_needs_its_application(open_api, mowb, bea):
    response = open_api(
        bea,
        {**PETITION, "chapter": 13, "joint_petition": False, "parties": PETITION["parties"][:1],
         "fee_arrangement": "waiver", "payment": None},
        court="mowb",
    )  # fmt: skip

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "fee_arrangement": [
            "Only a chapter 7 fee can be waived (Official Form 103B): pay, or apply to pay in "
            "installments."
        ],
        "fee_application": ["Attach the signed application (Official Form 103B) as a PDF."],
    }
    nothing_opened()


def test_a_bad_tax_id_and_a_missing_chapter_are_named(open_api, mowb, bea):
    opening = {**PETITION, "chapter": None, "joint_petition": False}
    opening["parties"] = [{**PETITION["parties"][0], "tax_id": "123-45"}]
    response = open_api(bea, opening, court="mowb")

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "chapter": ["Choose the chapter: 7, 11, 12 or 13."],
        "parties.0.tax_id": [
            "Enter the debtor's full 9-digit Social Security or taxpayer number (ITIN)."
        ],
    }
    nothing_opened()


# Clerk-opened cases ---------------------------------------------------------------------------

INDICTMENT = {
    "kind": "cr",
    "title": "USA v. Roe et al",
    "office_number": 4,
    "parties": [
        {"name": "United States of America", "role": "plaintiff"},
        {"name": "Richard Roe", "role": "defendant"},
        {"name": "John Doe", "role": "defendant"},
    ],
}


def test_the_clerk_opens_a_criminal_case_from_an_indictment(open_api, mowd, clerk):
    response = open_api(clerk, INDICTMENT, document=True)

    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"4:\d\d-cr-00001", body["case_number"])
    assert (
        body["docket_text"] == "INDICTMENT as to Richard Roe (1), John Doe (2). (cc, COURT STAFF)"
    )
    assert (body["receipt_number"], body["fee_amount"]) == (None, None)
    assert [(p.name, p.defendant_number) for p in cases.parties(caseid=body["caseid"])] == [
        ("United States of America", None),
        ("Richard Roe", 1),
        ("John Doe", 2),
    ]
    assert charges() == []


def test_the_clerk_may_open_by_information_and_seal_the_case(open_api, mowd, clerk):
    response = open_api(clerk, {**INDICTMENT, "event": "information", "sealed": True})
    assert response.status_code == 201, response.content
    assert response.json()["sealed"] is True
    assert response.json()["docket_text"].startswith("INFORMATION as to Richard Roe (1)")


def test_an_attorney_may_not_open_a_criminal_case(open_api, mowd, alice):
    response = open_api(alice, INDICTMENT)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "filing_not_allowed"
    nothing_opened()


def test_another_courts_clerk_may_not_open_a_case_here(open_api, mowd, other_court_clerk):
    response = open_api(other_court_clerk, INDICTMENT)

    assert response.status_code == 403
    nothing_opened()


def test_an_attorney_may_not_open_a_sealed_case(open_api, mowd, alice):
    response = open_api(alice, {**CIVIL, "sealed": True})
    assert response.status_code == 422
    assert "sealed" in response.json()["error"]["fields"]
    nothing_opened()


def test_the_clerk_opens_a_miscellaneous_case_without_a_fee(open_api, mowd, clerk):
    response = open_api(
        clerk,
        {
            "kind": "mc",
            "title": "In re Subpoena to Acme Corp.",
            "office_number": 4,
            "parties": [{"name": "Acme Corp.", "role": "petitioner"}],
            "free_text": "to quash subpoena",
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"4:\d\d-mc-00001", body["case_number"])
    assert body["docket_text"] == "MISCELLANEOUS CASE to quash subpoena. (cc, COURT STAFF)"


def test_a_clerk_opens_a_civil_case_filed_on_paper_without_a_fee(open_api, mowd, clerk):
    response = open_api(clerk, {**CIVIL, "payment": None})
    assert response.status_code == 201, response.content
    assert response.json()["docket_text"] == (
        "COMPLAINT against Richard Roe filed by Acme Corp. (cc, COURT STAFF)"
    )
    assert charges() == []


# Appeals --------------------------------------------------------------------------------------


@pytest.fixture
def ca8_clerk(courts):
    from openecf.courts.models import Court

    return factories.court_staff(
        Court.objects.get(pk="ca8"), role="clerk", first_name="Cora", last_name="Circuit"
    )


@pytest.fixture
def appealed(open_api, mowd, alice):
    """A mowd civil case whose entry 2 is Alice's notice of appeal."""
    from openecf.docket import actions

    opened = open_api(alice, CIVIL).json()
    plaintiff = cases.parties(caseid=opened["caseid"])[0]
    actions.file_entry(
        account=alice,
        court=mowd,
        caseid=opened["caseid"],
        choices=actions.FilingChoices(
            event="notice-of-appeal", filer_parties=(plaintiff.id,), redaction_confirmed=True
        ),
        document=actions.Upload(pdf_file("appeal.pdf"), "appeal.pdf"),
        fee=actions.FeeChoice(card=_card()),
        redaction_acknowledged=True,
    )
    return opened


def _card():
    from openecf.payments import facade as payments

    return payments.Card(**CARD)


def appeal(opened: dict, entry_number: int = 2, court_id: str = "mowd") -> dict:
    return {
        "kind": "ca",
        "origin": {
            "court_id": court_id,
            "caseid": opened["caseid"],
            "entry_number": entry_number,
        },
    }


def test_the_circuit_clerk_opens_an_appeal_linked_to_the_notice(
    open_api, appealed, ca8_clerk, alice
):
    response = open_api(ca8_clerk, appeal(appealed), court="ca8")

    assert response.status_code == 201, response.content
    body = response.json()
    assert re.fullmatch(r"\d\d-0001", body["case_number"])
    shown = appealed["shown_number"]
    assert (body["origin_court_id"], body["origin_caseid"], body["origin_entry_number"]) == (
        "mowd",
        appealed["caseid"],
        2,
    )
    assert body["title"] == "Acme Corp. v. Roe"
    assert body["docket_text"] == (
        f"NOTICE OF APPEAL docketed from W.D. Mo. case {shown}, entry 2. (cc, COURT STAFF)"
    )
    appellant, appellee = cases.parties(caseid=body["caseid"])
    assert (appellant.name, appellant.role, appellee.name, appellee.role) == (
        "Acme Corp.",
        "appellant",
        "Richard Roe",
        "appellee",
    )
    assert [a.username for a in appellant.attorneys] == [alice.username]
    case = cases.case(court_id="ca8", caseid=body["caseid"])
    assert case.origin_case_number == shown


def test_an_appeal_must_come_from_a_notice_of_appeal(open_api, appealed, ca8_clerk):
    response = open_api(ca8_clerk, appeal(appealed, entry_number=1), court="ca8")

    assert response.status_code == 422
    assert response.json()["error"]["fields"]["origin"] == [
        f"Name the entry of {appealed['shown_number']} that is its NOTICE OF APPEAL."
    ]
    assert Case.objects.filter(court_id="ca8").count() == 0


def test_an_appeal_must_come_from_the_same_circuit(open_api, appealed, ca8_clerk):
    response = open_api(ca8_clerk, appeal(appealed, court_id="ksd"), court="ca8")

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "origin": ["That court is not in this circuit: its appeals go to another court of appeals."]
    }


def test_an_attorney_may_not_open_an_appeal_at_the_circuit(open_api, appealed, courts, alice):
    response = open_api(alice, appeal(appealed), court="ca8")
    assert response.status_code == 403


def test_an_adversary_proceeding_opens_in_its_bankruptcy_case_and_pays_350(open_api, mowb, bea):
    petition = open_api(bea, PETITION, court="mowb").json()
    response = open_api(
        bea,
        {
            "kind": "ap",
            "title": "Trustee v. Debtor",
            "lead_caseid": petition["caseid"],
            "parties": [
                {"name": "Tina Trustee", "role": "plaintiff"},
                {"name": "Dana Debtor", "role": "defendant"},
            ],
            "redaction_confirmed": True,
            "payment": {"card": CARD},
        },
        court="mowb",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["fee_amount"] == "350.00"
    assert body["docket_text"].startswith("Adversary case COMPLAINT against Dana Debtor ( Filing")
    assert cases.case(court_id="mowb", caseid=body["caseid"]).lead_caseid == petition["caseid"]
