"""Only the court's clerk's office (or the operator) composes notices; the archive is public."""

import json

import pytest
from django.test import Client

from openecf.core.models import OutboundEmail
from openecf.notices import actions
from openecf.notices.models import BarNotice

OUTSIDERS = ["attorney", "legacy_attorney", "public_user", "office_manager", "other_court_clerk"]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_cannot_reach_the_clerks_pages(request, signed_in, clerk, mowd, bar, persona):
    draft = actions.draft_notice(
        court=mowd, actor_id=clerk.pk, subject="Draft", body="x", audience="all"
    )
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/mowd/clerk/notices/").status_code == 404
    assert client.get(f"/mowd/clerk/notices/{draft.pk}/").status_code == 404
    assert client.post(f"/mowd/clerk/notices/{draft.pk}/send/").status_code == 404
    assert client.post(f"/mowd/clerk/notices/{draft.pk}/cancel/").status_code == 404
    assert (
        client.post(
            "/mowd/clerk/notices/", {"subject": "S", "body": "B", "audience": "all"}
        ).status_code
        == 404
    )
    assert client.post("/mowd/clerk/notices/reminders/", {"days_before": "1"}).status_code == 404
    payload = json.dumps({"subject": "S", "body": "B", "audience": "all"})
    for path in ["/api/v1/courts/mowd/notices", "/api/v1/courts/mowd/notices/preview"]:
        response = client.post(path, payload, content_type="application/json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/courts/mowd/notices/scheduled").status_code == 404
    draft.refresh_from_db()
    assert draft.sent_at is None and draft.cancelled_at is None
    assert BarNotice.objects.count() == 1
    assert OutboundEmail.objects.count() == 0


@pytest.mark.parametrize("persona", ["clerk", "operator"])
def test_the_clerk_and_the_operator_may_compose(request, signed_in, mowd, persona):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/mowd/clerk/notices/").status_code == 200


def test_anonymous_visitors_see_the_archive_but_not_the_clerks_pages(mowd):
    client = Client()
    assert client.get("/mowd/notices/").status_code == 200
    assert client.get("/api/v1/courts/mowd/notices").json() == []
    assert client.get("/mowd/clerk/notices/")["Location"] == "/login/?next=/mowd/clerk/notices/"
    response = client.post(
        "/api/v1/courts/mowd/notices",
        json.dumps({"subject": "S", "body": "B"}),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_an_unknown_court_is_not_found(db):
    assert Client().get("/zzzz/notices/").status_code == 404
    assert Client().get("/api/v1/courts/zzzz/notices").status_code == 404
