"""Manage My Account lists active sessions and can end one or all the others (page and API)."""

from __future__ import annotations

import pytest
from django.conf import settings

from openecf.signon.models import CentralSession
from openecf.signon.sessions import start_session
from openecf.tests_support.signon import assert_asks_to_sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sessions(public_user, signed_in):
    client = signed_in(public_user, source_address="10.0.0.5", user_agent="Firefox on desk")
    other = start_session(account_id=public_user.pk, source_address="10.0.0.6", user_agent="curl")
    return client, other


def test_the_sessions_page_lists_each_active_session(two_sessions, public_user):
    client, other = two_sessions
    page = client.get("/account/sessions/").content.decode()
    assert "Firefox on desk" in page and "10.0.0.5" in page
    assert "curl" in page and "10.0.0.6" in page
    assert "(this session)" in page
    assert page.count("data-session=") == 2


def test_the_sessions_page_needs_sign_in(db):
    assert_asks_to_sign_in("/account/sessions/")


def test_ending_another_session_leaves_this_one(two_sessions, public_user):
    client, other = two_sessions
    response = client.post(f"/account/sessions/{other.session.pk}/end/")
    assert response.status_code == 302
    other.session.refresh_from_db()
    assert other.session.ended_reason == "ended_from_account"
    assert CentralSession.objects.filter(account=public_user, ended_at__isnull=True).count() == 1


def test_someone_elses_session_cannot_be_ended(two_sessions, attorney):
    client, _ = two_sessions
    theirs = start_session(account_id=attorney.pk)
    response = client.post(f"/account/sessions/{theirs.session.pk}/end/")
    assert response.status_code == 404
    theirs.session.refresh_from_db()
    assert theirs.session.ended_at is None


def test_ending_this_session_signs_out(two_sessions, public_user):
    client, _ = two_sessions
    mine = CentralSession.objects.get(user_agent="Firefox on desk")
    response = client.post(f"/account/sessions/{mine.pk}/end/")
    assert response["Location"] == "/"
    assert response.cookies[settings.CSO_COOKIE_NAME].value == ""


def test_end_all_others(two_sessions, public_user):
    client, other = two_sessions
    start_session(account_id=public_user.pk)
    client.post("/account/sessions/end-others/")
    live = CentralSession.objects.filter(account=public_user, ended_at__isnull=True)
    assert [s.user_agent for s in live] == ["Firefox on desk"]


def test_ending_needs_post(two_sessions):
    client, other = two_sessions
    assert client.get(f"/account/sessions/{other.session.pk}/end/").status_code == 405
    other.session.refresh_from_db()
    assert other.session.ended_at is None


def test_the_api_lists_sessions(two_sessions):
    client, other = two_sessions
    rows = client.get("/api/v1/sessions").json()
    assert {r["user_agent"]: r["current"] for r in rows} == {"Firefox on desk": True, "curl": False}


def test_the_api_ends_one_session(two_sessions, public_user):
    client, other = two_sessions
    token = client.cookies[settings.CSO_COOKIE_NAME].value
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.delete(f"/api/v1/sessions/{other.session.pk}", **bearer)
    assert response.status_code == 200 and response.json() == {"ended": 1}
    missing = client.delete(f"/api/v1/sessions/{other.session.pk}", **bearer)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_the_api_ends_all_others(two_sessions, public_user):
    client, other = two_sessions
    token = client.cookies[settings.CSO_COOKIE_NAME].value
    response = client.post("/api/v1/sessions/end-others", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.json() == {"ended": 1}
    assert CentralSession.objects.filter(account=public_user, ended_at__isnull=True).count() == 1


def test_the_api_needs_sign_in(client, db):
    response = client.get("/api/v1/sessions")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


def test_the_openapi_document_describes_the_sign_on_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}",
        "/api/v1/sessions/end-others",
        "/api/v1/mfa",
        "/api/v1/mfa/apps/start",
        "/api/v1/mfa/apps/confirm-email",
        "/api/v1/mfa/apps/activate",
        "/api/v1/mfa/apps/{app_id}",
        "/api/v1/mfa/backup-codes",
    ):
        assert path in paths
