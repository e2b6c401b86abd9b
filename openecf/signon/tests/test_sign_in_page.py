"""The one sign-in page: password, client code, ?next=, the session cookie, who is signed in."""

from __future__ import annotations

import pytest
from django.conf import settings

from openecf.core.models import AuditEvent
from openecf.signon.models import CentralSession, PendingSignOn
from openecf.signon.views import PENDING_COOKIE
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_asks_for_username_password_and_client_code(client):
    page = client.get("/login/?next=/mowd/").content.decode()
    for name in ("username", "password", "client_code"):
        assert f'name="{name}"' in page
    assert 'value="/mowd/"' in page


def test_a_search_only_account_signs_straight_in_with_a_host_only_httponly_cookie(
    client, login, public_user
):
    response = login(public_user.username, DEFAULT_PASSWORD, client_code="smith-matter")
    assert response.status_code == 302 and response["Location"] == "/start/"
    cookie = response.cookies[settings.CSO_COOKIE_NAME]
    assert len(cookie.value) == 128
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["domain"] == ""
    assert cookie["secure"] == ""  # CSO_COOKIE_SECURE is off outside production
    assert cookie["max-age"] == settings.CSO_ABSOLUTE_TIMEOUT_HOURS * 3600
    session = CentralSession.objects.get(account=public_user)
    assert session.client_code == "smith-matter"
    assert session.source_address == "10.0.0.1"
    assert not PendingSignOn.objects.exists()
    assert AuditEvent.objects.filter(
        verb="signon.session_started", subject=f"account:{public_user.pk}"
    ).exists()


def test_the_cookie_is_secure_when_the_setting_says_so(client, login, public_user, settings):
    settings.CSO_COOKIE_SECURE = True
    response = login(public_user.username, DEFAULT_PASSWORD)
    assert response.cookies[settings.CSO_COOKIE_NAME]["secure"] is True


def test_every_page_then_shows_who_is_signed_in_and_a_sign_out_button(
    client, login, public_user, mowd
):
    login(public_user.username, DEFAULT_PASSWORD)
    for path in ("/", "/mowd/"):
        page = client.get(path).content.decode()
        assert f"{public_user.full_name} ({public_user.username})" in page
        assert 'action="/logout/"' in page


def test_next_is_honoured_for_a_relative_path(client, login, public_user):
    response = login(public_user.username, DEFAULT_PASSWORD, next="/mowd/")
    assert response["Location"] == "/mowd/"


def test_next_pointing_at_another_site_is_ignored(client, login, public_user):
    response = login(public_user.username, DEFAULT_PASSWORD, next="//evil.example/x")
    assert response["Location"] == "/start/"


def test_a_wrong_password_is_refused_and_no_session_starts(client, login, public_user):
    response = login(public_user.username, "Wrong-Password-123!")
    assert response.status_code == 401
    assert "Invalid username or password." in response.content.decode()
    assert settings.CSO_COOKIE_NAME not in response.cookies
    assert not CentralSession.objects.exists()
    assert not PendingSignOn.objects.exists()
    assert AuditEvent.objects.filter(
        verb="signon.failed", subject=f"account:{public_user.pk}"
    ).exists()


def test_an_unknown_username_gets_the_same_answer(client, login, db):
    response = login("nobody-here", "Wrong-Password-123!")
    assert response.status_code == 401
    assert "Invalid username or password." in response.content.decode()
    assert not CentralSession.objects.exists()


def test_the_username_is_not_case_sensitive(client, login, public_user):
    response = login(public_user.username.upper(), DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert CentralSession.objects.filter(account=public_user).count() == 1


def test_an_unverified_account_is_told_to_verify_without_a_session(client, login, public_user):
    public_user.status = "pending_verification"
    public_user.save()
    response = login(public_user.username, DEFAULT_PASSWORD)
    assert "Verify your e-mail first" in response.content.decode()
    assert not CentralSession.objects.exists()


def test_an_empty_form_says_what_is_missing(client, db):
    response = client.post("/login/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_the_continue_step_without_a_pending_sign_in_goes_back_to_sign_in(client, db):
    response = client.get("/login/continue/")
    assert response.status_code == 302 and response["Location"] == "/login/"


def test_a_pending_sign_in_expires_after_ten_minutes(client, login, attorney, frozen):
    login(attorney.username, DEFAULT_PASSWORD)
    assert PENDING_COOKIE in client.cookies
    frozen.shift(601)
    response = client.post("/login/continue/", {"agree": "on"})
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert not CentralSession.objects.exists()


def test_signing_in_again_in_the_same_browser_ends_the_earlier_session(
    client, login, public_user, attorney
):
    from openecf.tests_support.signon import sign_in

    sign_in(client, attorney)
    login(public_user.username, DEFAULT_PASSWORD)
    earlier = CentralSession.objects.get(account=attorney)
    assert earlier.ended_reason == "replaced"
    assert CentralSession.objects.get(account=public_user).ended_at is None
