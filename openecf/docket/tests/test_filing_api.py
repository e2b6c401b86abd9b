"""POST /api/v1/courts/{court_id}/cases/{caseid}/entries: filing as a program does."""

from __future__ import annotations

import pytest

from openecf.core.models import AuditEvent
from openecf.docket.models import DocketEntry, Document
from openecf.docket.tests.conftest import make_filer, pdf_file
from openecf.documents.models import StoredPdf
from openecf.payments.tests.conftest import APPROVED_CARD

pytestmark = pytest.mark.django_db

MOTION = {
    "event": "motion-dismiss",
    "redaction_confirmed": True,
    "attachments": [
        {"description": "A", "type": "Exhibit"},
        {"description": "B", "type": "Exhibit"},
    ],
}


def test_an_attorney_files_a_motion_with_two_exhibits(api, alice, case, parties):
    response = api(
        alice,
        case.caseid,
        {
            **MOTION,
            "filer_parties": [parties["plaintiff"]],
            "free_text": "for failure to state a claim",
        },
        document=pdf_file("motion.pdf", pages=3),
        attachments=[pdf_file("a.pdf"), pdf_file("b.pdf", pages=1)],
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["entry_number"] == 1
    assert body["docket_text"] == (
        "MOTION to Dismiss for failure to state a claim filed by Acme Corp. "
        "(Attachments: # 1 Exhibit A, # 2 Exhibit B)(Attorney, Alice)"
    )
    assert [(d["attachment_number"], d["page_count"]) for d in body["documents"]] == [
        (0, 3),
        (1, 2),
        (2, 1),
    ]
    entry = DocketEntry.objects.get(caseid=case.caseid, entry_number=1)
    assert {d["doc_id"] for d in body["documents"]} == {entry.pk}
    assert all(
        f"FileNumber={entry.pk}-{d['attachment_number']}" in d["stamp"] for d in body["documents"]
    )
    assert [d.description for d in entry.documents.order_by("attachment_number")] == [
        "Main Document",
        "Exhibit A",
        "Exhibit B",
    ]
    assert (entry.filed_by_id, entry.entered_by_id) == (alice.pk, alice.pk)
    row = AuditEvent.objects.get(verb="docket.entry_filed")
    assert (row.subject_kind, row.subject_id, row.court_id) == (
        "docket_entry",
        str(entry.pk),
        "mowd",
    )


def test_a_response_must_link_to_the_motion_and_names_it(api, alice, dan, case, parties):
    api(
        alice,
        case.caseid,
        {**MOTION, "filer_parties": [parties["plaintiff"]], "attachments": []},
        document=pdf_file(),
    )
    unlinked = api(
        dan,
        case.caseid,
        {"event": "response", "filer_parties": [parties["defendant"]], "redaction_confirmed": True},
        document=pdf_file("response.pdf"),
    )
    assert unlinked.status_code == 422
    assert unlinked.json()["error"]["fields"] == {
        "links": ["This event must refer to an earlier entry: choose the entry it responds to."]
    }
    linked = api(
        dan,
        case.caseid,
        {
            "event": "response",
            "filer_parties": [parties["defendant"]],
            "links": [1],
            "redaction_confirmed": True,
        },
        document=pdf_file("response.pdf"),
    )
    assert linked.status_code == 201, linked.content
    assert linked.json()["docket_text"] == (
        "RESPONSE in Opposition re 1 MOTION to Dismiss filed by Richard Roe. (Defender, Dan)"
    )
    entry = DocketEntry.objects.get(caseid=case.caseid, entry_number=2)
    assert list(entry.links.values_list("entry_number", flat=True)) == [1]


def test_a_first_filing_for_a_party_makes_the_filer_its_attorney(api, client, dan, case, parties):
    from openecf.tests_support.api import bearer_token

    response = api(
        dan,
        case.caseid,
        {
            "event": "notice-of-appearance",
            "filer_parties": [parties["defendant"]],
            "redaction_confirmed": True,
            "lead": True,
        },
        document=pdf_file("appearance.pdf"),
    )
    assert response.status_code == 201, response.content
    shown = client.get(
        f"/api/v1/courts/mowd/cases/{case.caseid}",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(dan, redaction_acknowledged=True)}",
    ).json()
    defendant = next(p for p in shown["parties"] if p["id"] == parties["defendant"])
    assert defendant["attorneys"] == [
        {"username": dan.username, "name": "Dan Defender", "lead": True, "to_be_noticed": True}
    ]
    assert [e["entry_number"] for e in shown["entries"]] == [1]


def test_the_privacy_check_stops_an_ssn_until_the_filer_confirms(api, alice, case, parties):
    filing = {
        "event": "notice",
        "filer_parties": [parties["plaintiff"]],
        "redaction_confirmed": True,
    }
    page = ["Declaration of Jane Roe", "SSN: 123-45-6789."]
    stopped = api(alice, case.caseid, filing, document=pdf_file("notice.pdf", pages=1, lines=page))
    assert stopped.status_code == 422
    error = stopped.json()["error"]
    assert error["code"] == "privacy_check"
    assert [(h["file"], h["page"], h["kind"]) for h in error["hits"]] == [("notice.pdf", 1, "ssn")]
    assert "123-45-6789" not in stopped.content.decode()
    assert "***-**-6789" in error["hits"][0]["masked_excerpt"]
    assert not DocketEntry.objects.exists() and not StoredPdf.objects.exists()

    confirmed = api(
        alice,
        case.caseid,
        {**filing, "privacy_confirmed": {"reason": "The number is a fictitious example."}},
        document=pdf_file("notice.pdf", pages=1, lines=page),
    )
    assert confirmed.status_code == 201, confirmed.content
    entry = DocketEntry.objects.get()
    assert entry.privacy_confirmed_reason == "The number is a fictitious example."


def test_a_refused_pdf_names_the_file_and_leaves_nothing(api, alice, case, parties):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from openecf.documents.tests import corpus

    bad = SimpleUploadedFile("scripted.pdf", corpus.javascript_open_action(), "application/pdf")
    response = api(
        alice,
        case.caseid,
        {"event": "notice", "filer_parties": [parties["plaintiff"]], "redaction_confirmed": True},
        document=bad,
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "pdf_refused"
    assert "scripted.pdf" in error["message"]
    assert not DocketEntry.objects.exists() and not Document.objects.exists()


def test_have_you_redacted_must_be_answered(api, alice, case, parties):
    response = api(
        alice,
        case.caseid,
        {"event": "notice", "filer_parties": [parties["plaintiff"]]},
        document=pdf_file(),
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "redaction_not_confirmed"
    assert not DocketEntry.objects.exists()


def test_a_person_without_the_privilege_is_told_what_is_missing(api, mowd, case, parties):
    from openecf.tests_support.factories import AccountFactory

    nobody = AccountFactory(purpose="attorney_filer")
    response = api(
        nobody,
        case.caseid,
        {"event": "notice", "filer_parties": [parties["plaintiff"]], "redaction_confirmed": True},
        document=pdf_file(),
    )
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "filing_not_allowed"
    assert [step["code"] for step in error["missing"]][:2] == ["link", "request"]
    assert not DocketEntry.objects.exists()


def test_only_the_court_dockets_a_minute_entry(api, alice, clerk, case, parties):
    refused = api(alice, case.caseid, {"event": "minute-entry", "free_text": "Status conference"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "filing_not_allowed"
    done = api(clerk, case.caseid, {"event": "minute-entry", "free_text": "Status conference held"})
    assert done.status_code == 201, done.content
    assert done.json()["docket_text"] == "MINUTE ENTRY Status conference held. (cc, COURT STAFF)"
    assert done.json()["documents"] == []


def test_a_text_only_entry_takes_no_document(api, clerk, case):
    response = api(
        clerk, case.caseid, {"event": "text-order", "free_text": "granting"}, document=pdf_file()
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "document": ["This is a text-only entry: it takes no document."]
    }


def file_for(api, agent, attorney, case, parties):
    """``agent`` files a notice for the plaintiff naming ``attorney`` as the filer."""
    filing = {
        "event": "notice",
        "filer_parties": [parties["plaintiff"]],
        "redaction_confirmed": True,
        "on_behalf_of": attorney.username,
    }
    return api(agent, case.caseid, filing, document=pdf_file())


def test_a_filing_agent_files_for_the_attorney_who_is_named_as_filer(
    api, mowd, alice, case, parties
):
    from openecf.ecf.factories import FilingPrivilegeFactory
    from openecf.ecf.models import FilingAgentAssociation

    agent = make_filer(mowd, first_name="Fred", last_name="Agent")
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")
    FilingAgentAssociation.objects.create(
        court=mowd, principal=alice, agent=agent, created_at=case.opened_at
    )
    response = file_for(api, agent, alice, case, parties)
    assert response.status_code == 201, response.content
    assert response.json()["docket_text"].endswith("(Attorney, Alice)")
    entry = DocketEntry.objects.get()
    assert (entry.filed_by_id, entry.entered_by_id) == (alice.pk, agent.pk)
    assert AuditEvent.objects.get(verb="docket.entry_filed").actor_id == agent.pk


def test_an_agent_cannot_file_for_an_attorney_who_did_not_associate_them(
    api, mowd, alice, dan, case, parties
):
    response = file_for(api, dan, alice, case, parties)
    assert response.status_code == 403
    assert not DocketEntry.objects.exists()


def test_a_fee_event_is_paid_and_the_receipt_is_in_the_text(api, alice, case, parties):
    filing = {
        "event": "notice-of-appeal",
        "filer_parties": [parties["plaintiff"]],
        "redaction_confirmed": True,
    }
    unpaid = api(alice, case.caseid, filing, document=pdf_file())
    assert unpaid.status_code == 422
    assert "605" in unpaid.json()["error"]["message"]
    paid = api(
        alice, case.caseid, {**filing, "payment": {"card": APPROVED_CARD}}, document=pdf_file()
    )
    assert paid.status_code == 201, paid.content
    body = paid.json()
    assert body["receipt_number"]
    assert f"( Filing fee $ 605, receipt number {body['receipt_number']})," in body["docket_text"]


def test_the_filing_json_must_fit_its_schema(api, alice, case):
    response = api(alice, case.caseid, {"filer_parties": "everyone"})
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"filing.event", "filing.filer_parties"}


def test_a_case_of_another_court_looks_missing(api, alice, case, parties):
    response = api(alice, case.caseid, {"event": "notice"}, court="mowb")
    assert response.status_code in (403, 404)
    assert not DocketEntry.objects.exists()
