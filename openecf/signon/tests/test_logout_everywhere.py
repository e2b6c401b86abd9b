"""Signing out ends the one session at PACER, every court and the API."""

from __future__ import annotations

import pytest
from django.conf import settings

from openecf.core.models import AuditEvent
from openecf.signon.models import CentralSession
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_out_ends_the_session_at_the_court_and_in_the_api(client, login, public_user, mowd):
    login(public_user.username, DEFAULT_PASSWORD)
    token = client.cookies[settings.CSO_COOKIE_NAME].value
    assert public_user.username in client.get("/mowd/").content.decode()
    response = client.post("/logout/")
    assert response.status_code == 302
    assert response.cookies[settings.CSO_COOKIE_NAME].value == ""
    session = CentralSession.objects.get(account=public_user)
    assert session.ended_at is not None and session.ended_reason == "logout"
    assert AuditEvent.objects.filter(
        verb="signon.session_ended", subject=f"account:{public_user.pk}"
    ).exists()
    # The old token no longer works anywhere, even if a program kept it.
    client.cookies[settings.CSO_COOKIE_NAME] = token
    assert public_user.username not in client.get("/mowd/").content.decode()
    assert client.get("/api/v1/sessions").status_code == 401
    bearer = client.get("/api/v1/sessions", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert bearer.status_code == 401


def test_sign_out_is_a_post_with_csrf(public_user, signed_in):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    signed = signed_in(public_user)
    client.cookies = signed.cookies
    assert client.post("/logout/").status_code == 403
    assert CentralSession.objects.get(account=public_user).ended_at is None


def test_get_logout_asks_to_confirm_and_ends_nothing(public_user, signed_in):
    client = signed_in(public_user)
    page = client.get("/logout/").content.decode()
    assert "Signing out ends your session at PACER and at every court." in page
    assert CentralSession.objects.get(account=public_user).ended_at is None


def test_the_me_endpoint_stops_answering_after_sign_out(public_user, signed_in):
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/v1/me")
    except Resolver404:
        pytest.skip("/api/v1/me is built by accounts and is not there yet")
    client = signed_in(public_user)
    assert client.get("/api/v1/me").status_code == 200
    client.post("/logout/")
    assert client.get("/api/v1/me").status_code == 401
