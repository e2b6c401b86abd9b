"""GET /api/v1/courts/{court_id}/cases/{caseid}: the case as the caller may see it."""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.docket.models import DocketEntry, Document
from openecf.docket.tests.conftest import pdf_file
from openecf.tests_support.api import bearer_token

pytestmark = pytest.mark.django_db


def shown(client: Client, account, caseid: int):
    return client.get(
        f"/api/v1/courts/mowd/cases/{caseid}",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(account)}",
    )


@pytest.fixture
def docket(api, alice, clerk, case, parties):
    """Entry 1 a motion with an exhibit, 2 a sealed exhibit, 3 a minute entry."""
    plaintiff = [parties["plaintiff"]]
    for filing, attachments in [
        (
            {"event": "motion-dismiss", "attachments": [{"description": "Exhibit A"}]},
            [pdf_file("a.pdf")],
        ),
        ({"event": "exhibit", "sealed": True}, []),
    ]:
        response = api(
            alice,
            case.caseid,
            {**filing, "filer_parties": plaintiff, "redaction_confirmed": True},
            document=pdf_file(),
            attachments=attachments,
        )
        assert response.status_code == 201, response.content
    assert (
        api(clerk, case.caseid, {"event": "minute-entry", "free_text": "Hearing held"}).status_code
        == 201
    )
    return case


def test_a_public_user_sees_the_parties_and_every_unsealed_entry(
    client, public_user, docket, alice
):
    response = shown(client, public_user, docket.caseid)
    assert response.status_code == 200
    body = response.json()
    assert (body["caseid"], body["case_number"], body["title"]) == (
        docket.caseid,
        docket.case_number,
        "Acme Corp. v. Roe",
    )
    assert [(p["name"], p["role"]) for p in body["parties"]] == [
        ("Acme Corp.", "plaintiff"),
        ("Richard Roe", "defendant"),
    ]
    assert body["parties"][0]["attorneys"] == [
        {"username": alice.username, "name": "Alice Attorney", "lead": True, "to_be_noticed": True}
    ]
    assert [e["entry_number"] for e in body["entries"]] == [1, 3]
    first = body["entries"][0]
    assert [(d["attachment_number"], d["description"]) for d in first["documents"]] == [
        (0, "Main Document"),
        (1, "Exhibit A"),
    ]
    assert first["filed_at"].endswith("-06:00")  # Central time, the court's zone
    assert body["entries"][1]["documents"] == []


def test_the_clerk_sees_the_sealed_entry_too(client, clerk, docket):
    body = shown(client, clerk, docket.caseid).json()
    assert [(e["entry_number"], e["sealed"]) for e in body["entries"]] == [
        (1, False),
        (2, True),
        (3, False),
    ]


def test_a_restricted_document_is_shown_to_the_cases_attorneys_only(
    client, alice, public_user, docket
):
    Document.objects.filter(attachment_number=1).update(restricted=True)
    assert len(shown(client, alice, docket.caseid).json()["entries"][0]["documents"]) == 2
    assert len(shown(client, public_user, docket.caseid).json()["entries"][0]["documents"]) == 1


def test_a_stricken_entry_stays_and_says_so(client, public_user, docket):
    from django.utils import timezone

    DocketEntry.objects.filter(entry_number=1).update(stricken_at=timezone.now())
    entries = shown(client, public_user, docket.caseid).json()["entries"]
    assert [(e["entry_number"], e["stricken"]) for e in entries] == [(1, True), (3, False)]


def test_a_sealed_case_looks_missing_to_everyone_but_the_court(client, public_user, clerk, case):
    from openecf.cases.models import Case

    Case.objects.filter(pk=case.caseid).update(sealed=True)
    missing = shown(client, public_user, case.caseid)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] in ("not_found", "case_not_found")
    assert shown(client, clerk, case.caseid).status_code == 200


def test_an_anonymous_caller_must_sign_in(client, case):
    assert client.get(f"/api/v1/courts/mowd/cases/{case.caseid}").status_code == 401
