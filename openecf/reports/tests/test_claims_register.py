"""The claims register (``SearchClaims.pl``) of a chapter 7 case at W.D. Mo. Bankruptcy, read by
juriscraper's ``ClaimsRegister`` field by field against what we stored; charged as a
case-specific report; access per role; bad input; the JSON API."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from juriscraper.pacer import ClaimsRegister

from openecf.billing.models import AccessCharge
from openecf.cases.factories import bankruptcy_opening, civil_opening, judge_at, open_case
from openecf.cases.models import Case, Party
from openecf.cases.rules import AttorneyOpening, PartyOpening
from openecf.courts import doc_ids
from openecf.courts.models import Court
from openecf.docket.actions import ensure_catalogue
from openecf.docket.models import ClaimAmounts, DocketEntry, Document, Event
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.reports.tests.conftest import CENTRAL, CHARGE, charge_statements, without_the_case
from openecf.tests_support import factories

pytestmark = pytest.mark.django_db

BANK = "First Bank & Trust"
LENDER = "Prairie Auto Credit, LLC"


class Chapter7:
    pass


def _entry(case, number, code, text, *, day, by, filers=(), links=(), sealed=False,
           restricted=False, pdf_id, free_text=""):  # fmt: skip
    entry = DocketEntry.objects.create(
        court_id="mowb", caseid=case.caseid, entry_number=number,
        event=Event.objects.get(court_id="mowb", code=code), docket_text=text,
        filed_at=datetime(2026, 3, day, 10, 15, tzinfo=CENTRAL),
        entered_at=datetime(2026, 3, day + 1, 9, 0, tzinfo=CENTRAL),
        filed_by=by, entered_by=by, filer_party_ids=list(filers), sealed=sealed,
        free_text=free_text,
    )  # fmt: skip
    entry.links.set(links)
    Document.objects.create(entry=entry, doc_id=7000 + number, attachment_number=0,
                            description="Main Document", file_name=f"{number}.pdf",
                            stored_pdf_id=pdf_id, stamp="stamp", sealed=sealed,
                            restricted=restricted)  # fmt: skip
    return entry


@pytest.fixture
def chapter7(courts):
    """18-style chapter 7 case: 1 the petition, 2 and 3 proofs of claim (the bank's, the
        lender's), 4 the debtor's objection to claim 1, 5 a sealed proof of claim, 6 a proof of
        claim whose document is restricted. Claims 1 and 2 state their amounts (the bank's all
    unsecured; the lender's part secured, part priority); 4 was filed without them."""
    mowb = Court.objects.get(pk="mowb")
    ensure_catalogue(court_id="mowb")
    judge_at(mowb, first_name="Cynthia", last_name="Norton")
    debtor_counsel = factories.AccountFactory(purpose="attorney_filer", first_name="Alice",
                                              last_name="Attorney")  # fmt: skip
    creditor_counsel = factories.AccountFactory(purpose="attorney_filer", first_name="Dan",
                                                last_name="Counsel")  # fmt: skip
    opening = bankruptcy_opening(
        title="Dana Debtor",
        parties=(
            PartyOpening(name="Dana Debtor", role="debtor", tax_id="123-45-6789",
                         attorneys=(AttorneyOpening(account_id=debtor_counsel.pk, lead=True),)),
            PartyOpening(name=BANK, role="creditor",
                         attorneys=(AttorneyOpening(account_id=creditor_counsel.pk, lead=True),)),
            PartyOpening(name=LENDER, role="creditor"),
            PartyOpening(name="Terry Trustee", role="trustee"),
        ),
    )  # fmt: skip
    case = open_case(mowb, opening, now=datetime(2026, 3, 2, 9, 0, tzinfo=CENTRAL))
    party = {p.name: p.pk for p in Party.objects.filter(case_id=case.caseid)}
    stored, _ = kept_and_stamped(corpus.text_pdf(2), doc_id=1)
    pdf = stored.id
    made = Chapter7()
    made.case, made.party, made.debtor_counsel, made.creditor_counsel = (
        case,
        party,
        debtor_counsel,
        creditor_counsel,
    )
    e = made.entries = {}
    e[2] = _entry(case, 2, "proof-of-claim", f"Proof of Claim filed by {BANK}. (Counsel, Dan)",
                  day=10, by=creditor_counsel, filers=[party[BANK]], pdf_id=pdf,
                  free_text="Credit card account ending 4417")  # fmt: skip
    e[3] = _entry(case, 3, "proof-of-claim", f"Proof of Claim filed by {LENDER}. (Counsel, Dan)",
                  day=21, by=creditor_counsel, filers=[party[LENDER]], pdf_id=pdf,
                  free_text="Secured by a 2014 pickup truck")  # fmt: skip
    ClaimAmounts.objects.create(entry=e[2], amount_claimed=Decimal("12480.00"))
    ClaimAmounts.objects.create(entry=e[3], amount_claimed=Decimal("8115.37"),
                                secured=Decimal("6500.00"), priority=Decimal("115.30"))  # fmt: skip
    e[4] = _entry(case, 4, "objection-to-claim", "OBJECTION to Claim 1 filed by Dana Debtor.",
                  day=24, by=debtor_counsel, filers=[party["Dana Debtor"]], links=[e[2]],
                  pdf_id=pdf)  # fmt: skip
    e[5] = _entry(case, 5, "proof-of-claim", "SEALED Proof of Claim.", day=25,
                  by=creditor_counsel, filers=[party[BANK]], sealed=True, pdf_id=pdf)  # fmt: skip
    e[6] = _entry(case, 6, "proof-of-claim", f"Proof of Claim filed by {BANK}. (Counsel, Dan)",
                  day=26, by=creditor_counsel, filers=[party[BANK]], restricted=True,
                  pdf_id=pdf)  # fmt: skip
    return made


def path(case) -> str:
    return f"/mowb/cgi-bin/SearchClaims.pl?{case.caseid}"


def run(client, case, criteria: dict | None = None):
    form = client.get(path(case))
    assert form.status_code == 200
    view = re.search(r'name="view" value="([0-9a-f]+)"', form.content.decode()).group(1)
    response = client.post(path(case), {"all_case_ids": case.caseid, "EntFil": "Fil",
                                        "f_sort1": "cl_claimno", "view": view, **(criteria or {})})  # fmt: skip
    return response, response.content.decode()


def parsed(html: str) -> dict:
    report = ClaimsRegister("mowb")
    report._parse_text(html)
    return report.data


def test_juriscraper_reads_every_field_of_the_register(signed_in, public_user, chapter7):
    response, html = run(signed_in(public_user), chapter7.case)
    assert response.status_code == 200
    data = parsed(html)
    case = Case.objects.get(pk=chapter7.case.caseid)
    assert data["court_id"] == "mowb"
    assert data["docket_number"] == case.case_number
    assert data["case_name"] == "Dana Debtor"
    assert data["assigned_to_str"] == "Cynthia Norton"
    assert data["chapter"] == "7"
    assert data["trustee_str"] == "Terry Trustee"
    assert data["date_filed"] == date(2026, 3, 2)
    # 5 is sealed: the public sees claims 1, 2 and 4 (numbers never shift)
    assert data["total_number_of_claims"] == "3"
    claims = {c["claim_number"]: c for c in data["claims"]}
    assert sorted(claims) == [1, 2, 4]
    e = chapter7.entries
    bank, lender = claims[1], claims[2]
    assert (bank["creditor_id"], bank["creditor_details"]) == (str(chapter7.party[BANK]), BANK)
    assert (lender["creditor_id"], lender["creditor_details"]) == (
        str(chapter7.party[LENDER]),
        LENDER,
    )
    assert (bank["date_original_filed"], bank["date_original_entered"]) == (
        date(2026, 3, 10),
        date(2026, 3, 11),
    )
    assert (bank["filed_by"], bank["entered_by"]) == ("Dan Counsel", "Dan Counsel")
    assert bank["description"] == "Credit card account ending 4417"
    assert lender["description"] == "Secured by a 2014 pickup truck"
    assert bank["history"] == [
        {"document_number": 1, "attachment_number": 1, "type": "claim",
         "pacer_doc_id": doc_ids.doc_id("mowb", 7002), "id": str(e[2].pk),
         "pacer_case_id": str(case.caseid), "date_filed": date(2026, 3, 10),
         "description": e[2].docket_text},
        {"document_number": 4, "type": "docket_entry", "pacer_doc_id": doc_ids.doc_id("mowb", 7004),
         "pacer_seq_no": str(e[4].pk), "pacer_case_id": str(case.caseid),
         "pacer_dm_id": doc_ids.doc_id("mowb", 7004), "date_filed": date(2026, 3, 24),
         "description": e[4].docket_text},
    ]  # fmt: skip
    assert len(lender["history"]) == 1
    amounts = ("amount_claimed", "secured_claimed", "priority_claimed", "unsecured_claimed")
    assert [bank[k] for k in amounts] == ["$12480.00", "$0.00", "$0.00", "$12480.00"]
    assert [lender[k] for k in amounts] == ["$8115.37", "$6500.00", "$115.30", "$1500.07"]
    assert not any(k in claims[4] for k in amounts)  # filed without its amounts: none shown
    # 4's document is restricted: listed, not linked for the public
    assert "pacer_doc_id" not in claims[4]["history"][0]


def test_the_register_is_charged_once_as_a_case_report(signed_in, public_user, chapter7):
    client = signed_in(public_user)
    form = client.get(path(chapter7.case)).content.decode()
    view = re.search(r'name="view" value="([0-9a-f]+)"', form).group(1)
    post = {"all_case_ids": chapter7.case.caseid, "view": view}
    first = client.post(path(chapter7.case), post).content.decode()
    client.post(path(chapter7.case), post)  # a reload
    [charge] = AccessCharge.objects.filter(account=public_user)
    assert (charge.kind, charge.pages, charge.amount) == ("case_report", 1, Decimal("0.10"))
    assert "Claims Register" in first and "0.10" in first.split('data-testid="receipt"')[1]


def test_the_register_is_charged_with_what_the_page_knows(signed_in, public_user, chapter7):
    """The page passes billing the viewer's standing and username: the charge reads neither
    the court, its staff nor the account again (``billing/tests/test_charge_statements.py``)."""
    client = signed_in(public_user)
    post = {"all_case_ids": chapter7.case.caseid, "view": "c1a2b3"}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(path(chapter7.case), post)

    assert response.status_code == 200
    assert charge_statements(captured) == CHARGE
    assert AccessCharge.objects.get().username == public_user.username


def test_the_registers_api_charges_with_what_it_knows(signed_in, public_user, chapter7):
    api = f"/api/v1/courts/mowb/cases/{chapter7.case.caseid}/claims"
    with CaptureQueriesContext(connection) as captured:
        got = signed_in(public_user).get(api, {"view": "k1"})

    assert got.status_code == 200
    assert charge_statements(captured) == CHARGE
    assert AccessCharge.objects.get().username == public_user.username


def test_the_court_and_participants_see_more(signed_in, clerk_b, chapter7):
    court = parsed(run(signed_in(clerk_b), chapter7.case)[1])
    assert sorted(c["claim_number"] for c in court["claims"]) == [1, 2, 3, 4]
    counsel = parsed(run(signed_in(chapter7.creditor_counsel), chapter7.case)[1])
    claims = {c["claim_number"]: c for c in counsel["claims"]}
    assert sorted(claims) == [1, 2, 4]
    assert claims[4]["history"][0]["pacer_doc_id"] == doc_ids.doc_id("mowb", 7006)


@pytest.fixture
def clerk_b(courts):
    return factories.court_staff(
        Court.objects.get(pk="mowb"), role="clerk", first_name="Bea", last_name="Clerk"
    )


def test_a_sealed_case_answers_as_a_missing_one(signed_in, public_user, chapter7):
    Case.objects.filter(pk=chapter7.case.caseid).update(sealed=True)
    client = signed_in(public_user)
    sealed = client.get(path(chapter7.case))
    missing = client.get("/mowb/cgi-bin/SearchClaims.pl?999999")
    assert sealed.status_code == missing.status_code == 404
    assert without_the_case(sealed, "SearchClaims.pl", chapter7.case.caseid) == (
        without_the_case(missing, "SearchClaims.pl", 999999)
    )


def test_criteria_choose_claims_and_order(signed_in, public_user, chapter7):
    client = signed_in(public_user)
    some = parsed(run(client, chapter7.case, {"f_fromdt": "03/20/2026", "f_todt": "03/22/2026"})[1])
    assert [c["claim_number"] for c in some["claims"]] == [2]
    entered = parsed(run(client, chapter7.case, {"EntFil": "Ent", "f_fromdt": "03/11/2026",
                                                "f_todt": "03/11/2026"})[1])  # fmt: skip
    assert [c["claim_number"] for c in entered["claims"]] == [1]


@pytest.mark.parametrize(
    "criteria, message",
    [
        ({"f_fromdt": "02/30/2026"}, "Enter a valid date"),
        ({"f_fromdt": "03/20/2026", "f_todt": "03/01/2026"}, "The end date is before the start"),
        ({"f_sort1": "creditor"}, "Select a valid choice"),
    ],
)
def test_bad_criteria_come_back_on_the_form_uncharged(
    signed_in, public_user, chapter7, criteria, message
):
    response, html = run(signed_in(public_user), chapter7.case, criteria)
    assert response.status_code == 422
    assert message in html
    assert not AccessCharge.objects.filter(account=public_user).exists()


def test_other_cases_and_bad_addresses(client, signed_in, public_user, chapter7, mowd):
    person = signed_in(public_user)
    civil = open_case(mowd, civil_opening())
    other = person.get(f"/mowd/cgi-bin/SearchClaims.pl?{civil.caseid}")
    assert other.status_code == 404
    assert "is not a bankruptcy case" in other.content.decode()
    assert person.get("/mowb/cgi-bin/SearchClaims.pl?abc").status_code == 200  # the number box
    found = person.get("/mowb/cgi-bin/SearchClaims.pl", {"case_num": chapter7.case.case_number})
    assert found.status_code == 302
    assert found["Location"].endswith(f"?{chapter7.case.caseid}")
    assert person.get("/mowb/cgi-bin/SearchClaims.pl", {"case_num": "99-99999"}).status_code == 422
    cm = person.get(f"/mowb/cgi-bin/SearchClaims.pl?caseid={chapter7.case.caseid};sc")
    assert cm.status_code == 200
    assert client.get(path(chapter7.case)).status_code == 302  # sign in first
    bad_view = person.post(path(chapter7.case), {"view": "<script>"})
    assert bad_view.status_code == 422


def test_the_register_in_the_api(client, signed_in, public_user, chapter7, mowd):
    api = f"/api/v1/courts/mowb/cases/{chapter7.case.caseid}/claims"
    person = signed_in(public_user)
    got = person.get(api, {"view": "k1"})
    assert got.status_code == 200
    body = got.json()
    assert [c["claim_number"] for c in body["claims"]] == [1, 2, 4]
    bank = body["claims"][0]
    assert (bank["creditor"], bank["creditor_id"], bank["date_filed"]) == (
        BANK,
        chapter7.party[BANK],
        "2026-03-10",
    )
    assert [h["number"] for h in bank["history"]] == ["1-1", "4"]
    assert body["claims"][1]["amounts"] == {
        "amount_claimed": "8115.37",
        "secured": "6500.00",
        "priority": "115.30",
        "unsecured": "1500.07",
    }
    assert body["claims"][2]["amounts"] is None
    assert body["claims"][2]["history"][0]["document"] == ""  # restricted: not for the public
    assert body["receipt"] == {"pages": 1, "amount": "0.10", "free_reason": ""}
    person.get(api, {"view": "k1"})  # the same view: not charged again
    assert AccessCharge.objects.filter(account=public_user).count() == 1
    by_date = person.get(api, {"sort": "date_filed", "date_from": "2026-03-20"}).json()
    assert [c["claim_number"] for c in by_date["claims"]] == [2, 4]
    assert person.get(api, {"sort": "creditor"}).status_code == 422
    assert person.get(api, {"date_from": "2026-03-20", "date_to": "2026-03-01"}).status_code == 422
    assert person.get(api, {"date_from": "soon"}).status_code == 422
    assert person.get(api, {"view": "<x>"}).status_code == 422
    assert client.get(api).status_code == 401
    Case.objects.filter(pk=chapter7.case.caseid).update(sealed=True)
    assert person.get(api).status_code == 404
    civil = open_case(mowd, civil_opening())
    assert person.get(f"/api/v1/courts/mowd/cases/{civil.caseid}/claims").status_code == 404


def test_the_reports_menu_and_the_case_summary_lead_to_the_register(
    signed_in, public_user, chapter7
):
    client = signed_in(public_user)
    menu = client.get("/mowb/cgi-bin/DisplayMenu.pl?Reports").content.decode()
    assert 'href="/mowb/cgi-bin/SearchClaims.pl"' in menu
    summary = client.get(f"/mowb/cgi-bin/iquery.pl?{chapter7.case.caseid}").content.decode()
    assert f'href="{path(chapter7.case)}"' in summary
    assert client.get(path(chapter7.case)).status_code == 200
    assert "SearchClaims" not in client.get("/mowd/cgi-bin/DisplayMenu.pl?Reports").content.decode()
