"""The clerk's corrections: edit the text (history kept), re-link, strike, seal and unseal an
entry or a document, restrict a document. Nothing is deleted; each change is an audit row."""

from __future__ import annotations

import json

import pytest

from openecf.cases.models import Case
from openecf.core.models import AuditEvent
from openecf.docket import actions
from openecf.docket.models import DocketEntry, DocketTextRevision, Document
from openecf.docket.tests.conftest import pdf_file
from openecf.tests_support.api import bearer_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def docket(api, alice, clerk, case, parties):
    """1 a motion with an exhibit, 2 a response to it, 3 a minute entry by the clerk."""
    plaintiff = [parties["plaintiff"]]
    filings = [
        ({"event": "motion-dismiss", "attachments": [{"description": "Exhibit A"}]}, True),
        ({"event": "response", "links": [1]}, False),
    ]
    for filing, with_exhibit in filings:
        response = api(
            alice,
            case.caseid,
            {**filing, "filer_parties": plaintiff, "redaction_confirmed": True},
            document=pdf_file(),
            attachments=[pdf_file("a.pdf")] if with_exhibit else (),
        )
        assert response.status_code == 201, response.content
    minute = api(clerk, case.caseid, {"event": "minute-entry", "free_text": "Hearing held"})
    assert minute.status_code == 201, minute.content
    return case


def patch(client, account, caseid: int, number: int, body: dict):
    return client.patch(
        f"/api/v1/courts/mowd/cases/{caseid}/entries/{number}",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(account)}",
    )


def shown(client, account, caseid: int) -> dict:
    return client.get(
        f"/api/v1/courts/mowd/cases/{caseid}",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(account)}",
    ).json()


def verbs(**subject) -> list[str]:
    return list(
        AuditEvent.objects.filter(verb__startswith="docket.entry_", **subject)
        .exclude(verb="docket.entry_filed")
        .order_by("sequence")
        .values_list("verb", flat=True)
    )


def test_the_clerk_corrects_the_text_and_the_old_text_is_kept(client, clerk, docket):
    old = DocketEntry.objects.get(caseid=docket.caseid, entry_number=1).docket_text
    response = patch(
        client,
        clerk,
        docket.caseid,
        1,
        {
            "docket_text": "MOTION to Dismiss for Lack of Jurisdiction filed by Acme Corp.",
            "reason": "Wrong relief chosen",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["docket_text"] == "MOTION to Dismiss for Lack of Jurisdiction filed by Acme Corp."
    assert body["modified"] is True and body["changed"] == ["docket_text"]
    assert [(r["docket_text"], r["reason"], r["replaced_by"]) for r in body["revisions"]] == [
        (old, "Wrong relief chosen", "Carl Clerk")
    ]
    entry = DocketEntry.objects.get(caseid=docket.caseid, entry_number=1)
    assert entry.modified_by_id == clerk.pk
    assert DocketTextRevision.objects.get(entry=entry).docket_text == old
    event = AuditEvent.objects.get(verb="docket.entry_text_corrected")
    assert (event.subject_kind, event.subject_id, event.actor_id) == (
        "docket_entry",
        str(entry.pk),
        clerk.pk,
    )
    assert event.details["before"] == old
    # The public sees the new text, marked as modified.
    assert shown(client, clerk, docket.caseid)["entries"][0]["modified"] is True


def test_the_same_text_again_changes_nothing(client, clerk, docket):
    entry = DocketEntry.objects.get(caseid=docket.caseid, entry_number=1)
    response = patch(client, clerk, docket.caseid, 1, {"docket_text": entry.docket_text})
    assert response.json()["changed"] == []
    assert not DocketTextRevision.objects.exists() and verbs() == []


def test_a_stricken_entry_stays_marked_and_can_be_restored(client, clerk, public_user, docket):
    assert patch(client, clerk, docket.caseid, 2, {"stricken": True}).json()["stricken"] is True
    entries = shown(client, public_user, docket.caseid)["entries"]
    assert [(e["entry_number"], e["stricken"]) for e in entries] == [
        (1, False),
        (2, True),
        (3, False),
    ]
    assert patch(client, clerk, docket.caseid, 2, {"stricken": False}).json()["stricken"] is False
    assert verbs() == ["docket.entry_stricken", "docket.entry_unstricken"]
    assert DocketEntry.objects.filter(caseid=docket.caseid).count() == 3


def test_a_sealed_entry_looks_missing_to_the_public_and_the_cases_attorneys(
    client, clerk, alice, public_user, docket
):
    before = shown(client, public_user, docket.caseid)
    assert patch(client, clerk, docket.caseid, 2, {"sealed": True}).status_code == 200
    for viewer in (public_user, alice):
        body = shown(client, viewer, docket.caseid)
        assert [e["entry_number"] for e in body["entries"]] == [1, 3]
        assert body["entries"] == [e for e in before["entries"] if e["entry_number"] != 2]
    assert [e["entry_number"] for e in shown(client, clerk, docket.caseid)["entries"]] == [1, 2, 3]
    # The case's "last entry" never shows a sealed text.
    patch(client, clerk, docket.caseid, 3, {"sealed": True})
    case = Case.objects.get(pk=docket.caseid)
    assert case.last_entry_number == 1
    patch(client, clerk, docket.caseid, 3, {"sealed": False})
    assert Case.objects.get(pk=docket.caseid).last_entry_number == 3
    assert verbs() == ["docket.entry_sealed", "docket.entry_sealed", "docket.entry_unsealed"]


def test_sealing_a_cases_only_entries_leaves_my_cases_with_none(client, clerk, case, api):
    assert api(clerk, case.caseid, {"event": "minute-entry"}).status_code == 201
    assert Case.objects.get(pk=case.caseid).last_entry_number == 1
    patch(client, clerk, case.caseid, 1, {"sealed": True})
    row = Case.objects.get(pk=case.caseid)
    assert (row.last_entry_number, row.last_entry_text, row.last_entry_at) == (None, "", None)


def test_a_sealed_document_looks_missing_and_a_restricted_one_opens_to_participants(
    client, clerk, alice, public_user, docket
):
    response = patch(
        client,
        clerk,
        docket.caseid,
        1,
        {"documents": [{"attachment_number": 1, "restricted": True}]},
    )
    assert response.json()["changed"] == ["documents.1.restricted"]
    assert len(shown(client, alice, docket.caseid)["entries"][0]["documents"]) == 2
    assert len(shown(client, public_user, docket.caseid)["entries"][0]["documents"]) == 1
    patch(
        client, clerk, docket.caseid, 1, {"documents": [{"attachment_number": 0, "sealed": True}]}
    )
    assert [
        d["attachment_number"]
        for d in shown(client, alice, docket.caseid)["entries"][0]["documents"]
    ] == [1]
    assert len(shown(client, clerk, docket.caseid)["entries"][0]["documents"]) == 2
    document = Document.objects.get(
        entry__caseid=docket.caseid, entry__entry_number=1, attachment_number=0
    )
    event = AuditEvent.objects.get(verb="docket.document_sealed")
    assert (event.subject_kind, event.subject_id) == ("docket_document", str(document.pk))


def test_the_clerk_relinks_an_entry_to_an_earlier_one(client, clerk, docket):
    assert patch(client, clerk, docket.caseid, 3, {"links": [1, 2]}).json()["links"] == [1, 2]
    assert patch(client, clerk, docket.caseid, 2, {"links": []}).json()["links"] == []
    assert verbs() == ["docket.entry_relinked", "docket.entry_relinked"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"docket_text": "   "}, "docket_text"),
        ({"docket_text": "x" * 4001}, "docket_text"),
        ({"links": [3]}, "links"),
        ({"links": [9]}, "links"),
        ({"links": [1, 1]}, "links"),
        ({"documents": [{"attachment_number": 5, "sealed": True}]}, "documents"),
        ({"reason": "r" * 501, "sealed": True}, "reason"),
    ],
)
def test_a_wrong_correction_says_what_to_fix_and_changes_nothing(
    client, clerk, docket, body, field
):
    before = list(DocketEntry.objects.filter(caseid=docket.caseid).values())
    response = patch(client, clerk, docket.caseid, 2, {**body, "stricken": True})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and field in error["fields"]
    assert list(DocketEntry.objects.filter(caseid=docket.caseid).values()) == before
    assert verbs() == []


@pytest.mark.parametrize("who", ["alice", "judge", "public_user", "other_court_clerk"])
def test_anyone_but_the_clerks_office_is_told_there_is_no_such_thing(client, docket, who, request):
    account = request.getfixturevalue(who)
    response = patch(client, account, docket.caseid, 1, {"sealed": True})
    assert response.status_code == 404
    missing = patch(client, account, docket.caseid, 99, {"sealed": True})
    assert missing.json() == response.json()
    assert not DocketEntry.objects.filter(sealed=True).exists() and verbs() == []


def test_the_operator_corrects_too_and_a_missing_entry_is_404(client, operator, docket):
    assert patch(client, operator, docket.caseid, 1, {"stricken": True}).status_code == 200
    assert patch(client, operator, docket.caseid, 99, {"stricken": True}).status_code == 404


def test_an_anonymous_caller_must_sign_in(client, docket):
    response = client.patch(
        f"/api/v1/courts/mowd/cases/{docket.caseid}/entries/1",
        "{}",
        content_type="application/json",
    )
    assert response.status_code == 401


def test_corrections_keep_the_audit_chain_whole(clerk, mowd, docket):
    from openecf.core import audit

    actions.correct_entry(
        actor_id=clerk.pk,
        court=mowd,
        caseid=docket.caseid,
        entry_number=1,
        correction=actions.Correction(docket_text="ORDER corrected.", sealed=True, stricken=True),
    )
    assert verbs() == [
        "docket.entry_text_corrected",
        "docket.entry_stricken",
        "docket.entry_sealed",
    ]
    assert audit.verify() == []
