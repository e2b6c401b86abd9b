"""The API accepts a bearer token only when that token names the session, and the cookie only
with CSRF: a bogus ``Authorization`` header cannot ride on a browser's cookie."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from openecf.signon.models import CentralSession
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db

BOGUS = "x" * 128


@pytest.fixture
def browser(public_user):
    """A browser holding the session cookie, with CSRF checks on."""
    client = Client(enforce_csrf_checks=True)
    sign_in(client, public_user)
    return client


@pytest.mark.parametrize("header", [f"Bearer {BOGUS}", f"bearer {BOGUS}", "bearer x", "BEARER x"])
def test_a_cookie_with_a_bogus_bearer_header_is_not_signed_in(browser, header):
    listed = browser.get("/api/v1/sessions", HTTP_AUTHORIZATION=header)
    assert listed.status_code == 401
    assert listed.json()["error"]["code"] == "not_signed_in"
    ended = browser.post("/api/v1/sessions/end-others", HTTP_AUTHORIZATION=header)
    # The bearer header named no session, so the request is not signed in: 401, not a CSRF 403.
    assert ended.status_code == 401
    assert ended.json()["error"]["code"] == "not_signed_in"
    assert CentralSession.objects.filter(ended_at__isnull=True).count() == 1


@pytest.mark.parametrize("scheme", ["Bearer", "bearer"])
def test_a_real_bearer_token_is_signed_in_without_csrf(public_user, scheme):
    token = sign_in(Client(), public_user)
    program = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"{scheme} {token}")
    assert program.get("/api/v1/sessions").status_code == 200
    assert program.post("/api/v1/sessions/end-others").json() == {"ended": 0}


def test_the_cookie_alone_needs_csrf_for_writes(browser, public_user):
    sign_in(Client(), public_user)  # a second session to end
    assert browser.get("/api/v1/sessions").status_code == 200
    refused = browser.post("/api/v1/sessions/end-others")
    assert refused.status_code == 403
    assert CentralSession.objects.filter(ended_at__isnull=True).count() == 2


def test_a_real_bearer_token_wins_over_a_cookie_of_someone_else(browser, attorney):
    token = sign_in(Client(), attorney)
    answer = browser.get("/api/v1/me", HTTP_AUTHORIZATION=f"bearer {token}")
    assert answer.status_code == 200
    assert answer.json()["username"] == attorney.username
    assert browser.cookies[settings.CSO_COOKIE_NAME].value  # the cookie was sent too


def test_a_session_stored_before_core_tokens_still_signs_in(public_user):
    """A session row whose digest the old ``hashlib.sha256(token).hexdigest()`` wrote."""
    token = "S" * 128
    now = timezone.now()
    CentralSession.objects.create(
        token_digest="a8a2356dc52af5a644d2f9d0d9c75b1bf3b050ebe21f7d81fb261c08de41d84a",
        account=public_user,
        created_at=now,
        last_seen_at=now,
    )
    program = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    answer = program.get("/api/v1/me")
    assert answer.status_code == 200
    assert answer.json()["username"] == public_user.username
