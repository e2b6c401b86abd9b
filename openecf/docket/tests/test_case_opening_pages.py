"""Opening a case page by page: kind, case, parties, documents, review and pay, receipt."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from openecf.cases import facade as cases
from openecf.cases.factories import judge_at
from openecf.cases.models import Case, Party
from openecf.docket.models import DocketEntry, DraftFile, FilingDraft, OpenedCase
from openecf.docket.tests.conftest import make_filer, pdf_file
from openecf.payments.models import LedgerEntry
from openecf.tests_support import factories
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db

CARD = {
    "method": "card",
    "card_number": "4111111111111111",
    "card_name": "Alice Attorney",
    "exp_month": "12",
    "exp_year": "2030",
    "cvc": "123",
}
CIVIL_CASE = {
    "title": "Acme Corp. v. Roe",
    "office_number": "4",
    "nature_of_suit": "440",
    "cause": "42:1983 Civil Rights Act",
    "jurisdiction": "federal_question",
    "jury_demand": "plaintiff",
    "demand_amount": "75000",
    "cover_origin": "1",
}
CIVIL_PARTIES = {
    "name_0": "Acme Corp.",
    "role_0": "plaintiff",
    "aliases_0": "dba: Acme",
    "name_1": "Richard Roe",
    "role_1": "defendant",
    "lead": "on",
    "to_be_noticed": "on",
}


def browser_for(account) -> Client:
    client = Client()
    sign_in(client, account, redaction_acknowledged=True)
    return client


def start(browser: Client, kind: str, court: str = "mowd") -> str:
    response = browser.post(f"/{court}/file/case/", {"kind": kind})
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = FilingDraft.objects.latest("pk")
    assert response["Location"] == f"/{court}/file/case/{draft.pk}/case/"
    return f"/{court}/file/case/{draft.pk}"


def walk_civil(browser: Client) -> str:
    base = start(browser, "cv")
    assert browser.post(f"{base}/case/", CIVIL_CASE)["Location"] == f"{base}/parties/"
    assert browser.post(f"{base}/parties/", CIVIL_PARTIES)["Location"] == f"{base}/documents/"
    assert browser.post(f"{base}/documents/", {"pdf": pdf_file("complaint.pdf")}).status_code == 302
    cover = {"pdf": pdf_file("js44.pdf", pages=1), "kind": "", "description": "Civil Cover Sheet"}
    assert browser.post(f"{base}/documents/", cover).status_code == 302
    assert browser.post(f"{base}/documents/", {"next": "1"})["Location"] == f"{base}/review/"
    return base


def test_an_attorney_opens_a_civil_case_page_by_page_and_pays_405(mowd, alice):
    judge_at(mowd)
    browser = browser_for(alice)
    assert "Open a civil case" in browser.get("/mowd/file/case/?kind=cv").content.decode()
    base = walk_civil(browser)
    review = browser.get(f"{base}/review/").content.decode()
    assert (
        "COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number (given once paid)), "
        "filed by Acme Corp. (Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)"
    ) in review
    assert "Pay $405.00 and open the case" in review

    done = browser.post(f"{base}/review/", {"redaction_confirmed": "on", **CARD})

    assert done.status_code == 302, done.content.decode()[:3000]
    assert done["Location"] == f"{base}/receipt/"
    case = Case.objects.get()
    entry = DocketEntry.objects.get()
    assert re.fullmatch(r"AMOWDC-\d+", entry.fee_receipt)
    assert entry.docket_text == (
        f"COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number {entry.fee_receipt}), "
        "filed by Acme Corp. (Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)"
    )
    assert case.cover_sheet == {"origin": "1", "class_action": "no", "related_case": ""}
    plaintiff = cases.parties(caseid=case.caseid)[0]
    assert plaintiff.aliases == (("Acme", "dba"),)
    assert [(a.username, a.lead) for a in plaintiff.attorneys] == [(alice.username, True)]
    receipt = browser.get(done["Location"]).content.decode()
    assert f"{case.case_number}-BW" in receipt
    assert entry.fee_receipt in receipt
    assert "Next steps" in receipt and f"/mowd/cases/{case.caseid}/" in receipt
    assert not DraftFile.objects.exists()
    assert list(LedgerEntry.objects.values_list("amount", flat=True)) == [405]


def test_a_declined_card_is_shown_on_the_page_and_opens_nothing(mowd, alice):
    browser = browser_for(alice)
    base = walk_civil(browser)

    declined = browser.post(
        f"{base}/review/",
        {"redaction_confirmed": "on", **CARD, "card_number": "4000000000000002"},
    )

    assert declined.status_code == 400
    assert "declined" in declined.content.decode()
    assert not Case.objects.exists()
    assert not DocketEntry.objects.exists()
    assert not LedgerEntry.objects.exists()
    # The draft and its files stay: paying with another card opens the case.
    again = browser.post(f"{base}/review/", {"redaction_confirmed": "on", **CARD})
    assert again.status_code == 302
    assert Case.objects.count() == 1


def test_submitting_twice_opens_one_case_and_charges_once(mowd, alice):
    browser = browser_for(alice)
    base = walk_civil(browser)
    first = browser.post(f"{base}/review/", {"redaction_confirmed": "on", **CARD})
    second = browser.post(f"{base}/review/", {"redaction_confirmed": "on", **CARD})

    assert first.status_code == 302
    assert second.status_code == 404  # the draft was filed: the receipt is the way back
    assert Case.objects.count() == 1
    assert LedgerEntry.objects.count() == 1


def test_each_step_says_what_to_fix(mowd, alice):
    browser = browser_for(alice)
    base = start(browser, "cv")
    bad = browser.post(f"{base}/case/", {**CIVIL_CASE, "cause": "", "title": ""})
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "This field is required." in page
    browser.post(f"{base}/case/", CIVIL_CASE)
    no_defendant = browser.post(
        f"{base}/parties/", {"name_0": "Acme Corp.", "role_0": "plaintiff", "name_1": "Roe"}
    )
    assert no_defendant.status_code == 400
    text = no_defendant.content.decode()
    assert "In this kind of case a party is one of" in text
    review = browser.get(f"{base}/review/").content.decode()
    assert "Finish these steps first" in review
    assert "Attach the main document as a PDF." in review
    assert not Case.objects.exists()


def test_a_bankruptcy_petition_keeps_the_ssn_sealed_on_the_draft_and_shows_the_last_four(
    courts,
):
    from openecf.courts.models import Court

    mowb = Court.objects.get(pk="mowb")
    bea = make_filer(mowb, first_name="Bea", last_name="Bankruptcy")
    browser = browser_for(bea)
    base = start(browser, "bk", court="mowb")
    case_step = {"title": "Dana Debtor", "chapter": "7", "fee_arrangement": "installments"}
    assert browser.post(f"{base}/case/", case_step).status_code == 302
    parties = {"name_0": "Dana Debtor", "role_0": "debtor", "tax_id_0": "123-45-6789"}
    assert browser.post(f"{base}/parties/", parties).status_code == 302
    draft = FilingDraft.objects.get()
    assert "6789" not in str(draft.opening)
    assert "123-45-6789" not in browser.get(f"{base}/parties/").content.decode()
    browser.post(f"{base}/documents/", {"pdf": pdf_file("petition.pdf")})
    missing = browser.post(f"{base}/documents/", {"next": "1"})
    assert missing.status_code == 400
    assert "Official Form 103A" in missing.content.decode()
    browser.post(
        f"{base}/documents/", {"pdf": pdf_file("form103a.pdf"), "upload": "fee_application"}
    )
    assert browser.post(f"{base}/documents/", {"next": "1"}).status_code == 302
    review = browser.get(f"{base}/review/").content.decode()
    assert "APPLICATION to Pay Filing Fee in Installments" in review
    assert "Open the case" in review and "Pay $" not in review

    done = browser.post(f"{base}/review/", {"redaction_confirmed": "on"})

    assert done.status_code == 302, done.content.decode()[:3000]
    assert Party.objects.get().tax_id_last_four == "6789"
    receipt = browser.get(done["Location"]).content.decode()
    assert "xxx-xx-6789" in receipt and "123-45" not in receipt
    assert "(Chapter 7)" in receipt
    assert DocketEntry.objects.count() == 2
    assert not LedgerEntry.objects.exists()
    assert OpenedCase.objects.get().fee_arrangement == "installments"


def test_the_clerk_opens_a_criminal_case_from_the_clerk_menu(mowd, clerk):
    browser = browser_for(clerk)
    page = browser.get("/mowd/file/case/").content.decode()
    assert "Open a criminal case" in page and "Open a miscellaneous case" in page
    base = start(browser, "cr")
    step = {"title": "USA v. Roe", "office_number": "4", "event": "indictment", "sealed": ""}
    assert browser.post(f"{base}/case/", step).status_code == 302
    parties = {
        "name_0": "United States of America",
        "role_0": "plaintiff",
        "name_1": "Richard Roe",
        "role_1": "defendant",
        "name_2": "John Doe",
        "role_2": "defendant",
        "attorneys_2": "",
    }
    assert browser.post(f"{base}/parties/", parties).status_code == 302
    browser.post(f"{base}/documents/", {"pdf": pdf_file("indictment.pdf")})
    browser.post(f"{base}/documents/", {"next": "1"})
    done = browser.post(f"{base}/review/", {})
    assert done.status_code == 302, done.content.decode()[:3000]
    assert DocketEntry.objects.get().docket_text == (
        "INDICTMENT as to Richard Roe (1), John Doe (2). (cc, COURT STAFF)"
    )


def test_an_attorney_is_not_offered_criminal_cases_and_cannot_post_one(mowd, alice):
    browser = browser_for(alice)
    page = browser.get("/mowd/file/case/").content.decode()
    assert "Open a criminal case" not in page
    assert browser.post("/mowd/file/case/", {"kind": "cr"}).status_code == 400
    assert not FilingDraft.objects.exists()


def test_a_person_without_the_privilege_is_told_what_is_missing_before_typing(mowd, public_user):
    response = browser_for(public_user).post("/mowd/file/case/", {"kind": "cv"})
    assert response.status_code == 403
    assert "You cannot file at" in response.content.decode()
    assert not FilingDraft.objects.exists()


def test_the_pages_ask_visitors_to_sign_in(client, mowd):
    response = client.get("/mowd/file/case/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/") or "login" in response["Location"]


def test_someone_elses_opening_looks_missing(mowd, alice, dan):
    base = start(browser_for(alice), "cv")
    for step in ("case", "parties", "documents", "review", "receipt"):
        assert browser_for(dan).get(f"{base}/{step}/").status_code == 404


def test_another_courts_clerk_is_not_offered_criminal_cases(mowd, other_court_clerk):
    page = browser_for(other_court_clerk).get("/mowd/file/case/").content.decode()
    assert "Open a criminal case" not in page


def test_the_circuit_clerk_opens_an_appeal_from_a_mowd_notice(mowd, alice, courts):
    from openecf.courts.models import Court
    from openecf.docket import actions
    from openecf.payments import facade as payments

    browser = browser_for(alice)
    base = walk_civil(browser)
    browser.post(f"{base}/review/", {"redaction_confirmed": "on", **CARD})
    origin = Case.objects.get()
    plaintiff = cases.parties(caseid=origin.caseid)[0]
    actions.file_entry(
        account=alice,
        court=mowd,
        caseid=origin.caseid,
        choices=actions.FilingChoices(
            event="notice-of-appeal", filer_parties=(plaintiff.id,), redaction_confirmed=True
        ),
        document=actions.Upload(pdf_file("appeal.pdf"), "appeal.pdf"),
        fee=actions.FeeChoice(
            card=payments.Card(
                number="4111111111111111", exp_month=12, exp_year=2030, cvc="123", name="A"
            )
        ),
        redaction_acknowledged=True,
    )
    ca8 = Court.objects.get(pk="ca8")
    circuit = browser_for(
        factories.court_staff(ca8, role="clerk", first_name="Cora", last_name="C")
    )
    appeal = start(circuit, "ca", court="ca8")
    step = {
        "origin_court_id": "mowd",
        "origin_case_number": origin.case_number,
        "origin_entry_number": "2",
    }
    assert circuit.post(f"{appeal}/case/", step).status_code == 302
    assert circuit.post(f"{appeal}/parties/", {}).status_code == 302
    circuit.post(f"{appeal}/documents/", {"pdf": pdf_file("notice.pdf")})
    circuit.post(f"{appeal}/documents/", {"next": "1"})
    done = circuit.post(f"{appeal}/review/", {})
    assert done.status_code == 302, done.content.decode()[:3000]
    opened = Case.objects.get(court_id="ca8")
    assert (opened.origin_caseid, opened.origin_entry_number, opened.title) == (
        origin.caseid,
        2,
        "Acme Corp. v. Roe",
    )
    assert "Appeal from" in circuit.get(done["Location"]).content.decode()
