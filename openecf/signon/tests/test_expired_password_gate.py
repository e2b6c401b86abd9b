"""A password older than 180 days: the session reaches only the password page and sign-out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from openecf.signon.models import CentralSession
from openecf.signon.tests.factories import NOW
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale(public_user, frozen):
    public_user.password_changed_at = NOW - timedelta(days=181)
    public_user.save()
    return public_user


def test_sign_in_with_an_old_password_goes_to_the_change_password_page(client, login, stale):
    response = login(stale.username, DEFAULT_PASSWORD, next="/mowd/")
    assert response["Location"] == "/account/password/?expired=1"
    assert CentralSession.objects.filter(account=stale).count() == 1


def test_other_pages_and_the_api_wait_until_the_password_is_changed(client, login, stale, mowd):
    login(stale.username, DEFAULT_PASSWORD)
    assert client.get("/mowd/")["Location"] == "/account/password/?expired=1"
    assert client.get("/account/sessions/")["Location"] == "/account/password/?expired=1"
    api = client.get("/api/v1/sessions")
    assert api.status_code == 403
    assert "change it at /account/password/" in api.json()["error"]["message"]
    assert client.post("/logout/").status_code == 302
    assert CentralSession.objects.get(account=stale).ended_at is not None


def test_the_gate_lifts_once_the_password_is_changed(client, login, stale, mowd):
    login(stale.username, DEFAULT_PASSWORD)
    stale.password_changed_at = NOW
    stale.save()
    assert client.get("/mowd/").status_code == 200
