"""A proof of claim's amounts (Official Form 410): the rules, the filing API's ``claim`` object
(bad input refused whole, naming the field) and what the docket keeps for the register."""

from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.cases import facade as cases
from openecf.cases.factories import bankruptcy_opening, open_case
from openecf.cases.rules import PartyOpening
from openecf.core.models import AuditEvent
from openecf.docket import facade
from openecf.docket.models import ClaimAmounts, DocketEntry, FilingDraft
from openecf.docket.rules import ClaimAmounts as Amounts
from openecf.docket.rules import claim_problems
from openecf.docket.tests.conftest import make_filer, pdf_file
from openecf.documents.models import StoredPdf
from openecf.tests_support.signon import sign_in

D = Decimal
CLAIM = {"event": "proof-of-claim", "redaction_confirmed": True}


def test_amounts_that_add_up_pass_and_the_rest_is_unsecured():
    claim = Amounts(D("8115.37"), secured=D("6500"), priority=D("115.30"))
    assert claim_problems(claim, is_claim=True) == {}
    assert claim.unsecured == D("1500.07")
    assert claim_problems(Amounts(D("0")), is_claim=True) == {}
    assert claim_problems(None, is_claim=True) == claim_problems(None, is_claim=False) == {}
    full = Amounts(D("100.00"), secured=D("60.00"), priority=D("40.00"))
    assert claim_problems(full, is_claim=True) == {} and full.unsecured == 0


@pytest.mark.parametrize(
    "claim, field, words",
    [
        (Amounts(D("-1")), "claim.amount_claimed", "cannot be negative"),
        (Amounts(D("10"), secured=D("-0.01")), "claim.secured", "cannot be negative"),
        (Amounts(D("10"), priority=D("1.005")), "claim.priority", "at most 2 decimals"),
        (Amounts(D("1e12")), "claim.amount_claimed", "at most $999,999,999,999.99"),
        (Amounts(D("NaN")), "claim.amount_claimed", "Give a dollar amount"),
        (Amounts(D("Infinity")), "claim.amount_claimed", "Give a dollar amount"),
        (
            Amounts(D("100"), secured=D("60"), priority=D("40.01")),
            "claim.amount_claimed",
            "exceed the amount claimed ($100)",
        ),
    ],
)
def test_bad_amounts_name_their_field(claim, field, words):
    problems = claim_problems(claim, is_claim=True)
    assert list(problems) == [field]
    assert words in problems[field][0]


def test_only_a_proof_of_claim_states_amounts():
    problems = claim_problems(Amounts(D("5")), is_claim=False)
    assert problems == {"claim": ["Only a proof of claim states claim amounts: leave claim out."]}


@pytest.fixture
def bk_case(mowb):
    opening = bankruptcy_opening(
        parties=(
            PartyOpening(name="Dana Debtor", role="debtor", tax_id="123-45-6789"),
            PartyOpening(name="First Bank & Trust", role="creditor"),
        )
    )
    case = open_case(mowb, opening)
    party = {p.role: p.id for p in cases.parties(caseid=case.caseid)}
    return case, party["creditor"]


@pytest.fixture
def creditor_counsel(mowb):
    return make_filer(mowb, first_name="Cora", last_name="Counsel")


def _file(api, counsel, caseid: int, creditor: int, claim: dict | None, name="claim.pdf"):
    """A proof of claim for ``creditor`` through the API, with ``claim`` when given."""
    filing = {**CLAIM, "filer_parties": [creditor], **({"claim": claim} if claim else {})}
    return api(counsel, caseid, filing, document=pdf_file(name), court="mowb")


def _claims(caseid: int) -> list[facade.ClaimOnRecord]:
    return facade.claims_on_record(
        caseid=caseid, only=facade.RecordFilter(sealed=True, restricted=True)
    )


@pytest.mark.django_db
def test_a_proof_of_claim_filed_with_its_amounts_keeps_them(api, creditor_counsel, bk_case):
    case, creditor = bk_case
    amounts = {"amount_claimed": "8115.37", "secured": 6500, "priority": "115.30"}
    response = _file(api, creditor_counsel, case.caseid, creditor, amounts)
    assert response.status_code == 201, response.content
    entry = DocketEntry.objects.get(
        caseid=case.caseid, entry_number=response.json()["entry_number"]
    )
    kept = ClaimAmounts.objects.get(entry=entry)
    assert (kept.amount_claimed, kept.secured, kept.priority) == (
        D("8115.37"),
        D("6500.00"),
        D("115.30"),
    )
    [claim] = _claims(case.caseid)
    assert claim.amounts == Amounts(D("8115.37"), D("6500.00"), D("115.30"))
    assert claim.amounts.unsecured == D("1500.07")
    row = AuditEvent.objects.get(verb="docket.entry_filed", subject_id=str(entry.pk))
    assert row.details["claim"] == {
        "amount_claimed": "8115.37",
        "secured": "6500",
        "priority": "115.30",
    }


@pytest.mark.django_db
def test_a_proof_of_claim_without_amounts_keeps_none(api, creditor_counsel, bk_case):
    case, creditor = bk_case
    response = _file(api, creditor_counsel, case.caseid, creditor, {"amount_claimed": "250"})
    assert response.status_code == 201, response.content
    plain = _file(api, creditor_counsel, case.caseid, creditor, None, "claim-2.pdf")
    assert plain.status_code == 201, plain.content
    first, second = _claims(case.caseid)
    assert first.amounts == Amounts(D("250.00"), D("0.00"), D("0.00"))
    assert second.amounts is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "claim, field, words",
    [
        ({"amount_claimed": "100", "secured": "-5"}, "claim.secured", "cannot be negative"),
        ({"amount_claimed": "10.999"}, "claim.amount_claimed", "at most 2 decimals"),
        (
            {"amount_claimed": "100", "secured": "80", "priority": "30"},
            "claim.amount_claimed",
            "exceed the amount claimed",
        ),
        ({"amount_claimed": "lots"}, "filing.claim.amount_claimed", "decimal"),
        ({"secured": "5"}, "filing.claim.amount_claimed", "required"),
    ],
)
def test_bad_amounts_are_refused_whole(api, creditor_counsel, bk_case, claim, field, words):
    case, creditor = bk_case
    before = DocketEntry.objects.filter(caseid=case.caseid).count()
    response = _file(api, creditor_counsel, case.caseid, creditor, claim)
    assert response.status_code == 422, response.content
    fields = response.json()["error"]["fields"]
    assert field in fields and words in " ".join(fields[field]), fields
    assert DocketEntry.objects.filter(caseid=case.caseid).count() == before
    assert not ClaimAmounts.objects.exists()
    assert not StoredPdf.objects.exists()


@pytest.mark.django_db
def test_amounts_on_another_event_are_refused(api, alice, case, parties):
    response = api(
        alice,
        case.caseid,
        {
            "event": "motion-dismiss",
            "redaction_confirmed": True,
            "filer_parties": [parties["plaintiff"]],
            "claim": {"amount_claimed": "10"},
        },
        document=pdf_file(),
    )
    assert response.status_code == 422
    assert "Only a proof of claim" in response.json()["error"]["fields"]["claim"][0]
    assert not DocketEntry.objects.exists()


@pytest.mark.django_db
def test_the_filing_pages_ask_a_proof_of_claim_for_its_amounts(client, creditor_counsel, bk_case):
    case, creditor = bk_case
    sign_in(client, creditor_counsel, redaction_acknowledged=True)
    started = client.post(
        "/mowb/file/entry/", {"event": "proof-of-claim", "case_number": case.case_number}
    )
    assert started.status_code == 302, started.content.decode()[:2000]
    draft = FilingDraft.objects.get()
    base = f"/mowb/file/entry/{draft.pk}"
    parties = client.post(f"{base}/parties/", {"filer_parties": [creditor], "to_be_noticed": "on"})
    assert parties.status_code == 302
    assert client.post(f"{base}/documents/", {"pdf": pdf_file("claim.pdf")}).status_code == 302
    # after the documents, the claim's amounts (a proof of claim only)
    assert client.post(f"{base}/documents/", {"next": "1"})["Location"] == f"{base}/claim/"
    skipped = client.get(f"{base}/review/").content.decode()
    assert "Give the claim&#x27;s amounts on the claim amounts step." in skipped

    too_much = client.post(
        f"{base}/claim/", {"amount_claimed": "100", "secured": "80", "priority": "30"}
    )
    assert too_much.status_code == 400
    assert "exceed the amount claimed ($100)" in too_much.content.decode()
    for bad, words in [
        ({"amount_claimed": "-5"}, "cannot be negative"),
        ({"amount_claimed": "5", "secured": "1.234"}, "at most 2 decimals"),
        ({"amount_claimed": "lots"}, "Enter a number"),
        ({}, "This field is required"),
    ]:
        refused = client.post(f"{base}/claim/", bad)
        assert refused.status_code == 400 and words in refused.content.decode(), bad
    assert FilingDraft.objects.get(pk=draft.pk).claim is None

    kept = client.post(f"{base}/claim/", {"amount_claimed": "8115.37", "secured": "6500"})
    assert kept["Location"] == f"{base}/links/"
    assert FilingDraft.objects.get(pk=draft.pk).claim == {
        "amount_claimed": "8115.37",
        "secured": "6500",
        "priority": "0",
    }
    back = client.get(f"{base}/claim/").content.decode()  # back: the amounts are kept
    assert 'value="8115.37"' in back
    assert client.post(f"{base}/links/", {}).status_code == 302
    review = client.get(f"{base}/review/").content.decode()
    assert (
        "Amount claimed $8115.37: secured $6500.00, priority $0.00, unsecured $1615.37." in review
    )
    done = client.post(f"{base}/review/", {"redaction_confirmed": "on"})
    assert done.status_code == 302, done.content.decode()[:3000]
    [claim] = _claims(case.caseid)
    assert claim.amounts == Amounts(D("8115.37"), D("6500.00"), D("0.00"))


@pytest.mark.django_db
def test_other_events_skip_the_claim_step(client, alice, case, parties):
    sign_in(client, alice, redaction_acknowledged=True)
    client.post("/mowd/file/entry/", {"event": "motion-dismiss", "case_number": case.case_number})
    draft = FilingDraft.objects.get()
    away = client.get(f"/mowd/file/entry/{draft.pk}/claim/")
    assert away["Location"] == f"/mowd/file/entry/{draft.pk}/links/"
    assert (
        "Claim amounts" not in client.get(f"/mowd/file/entry/{draft.pk}/parties/").content.decode()
    )
