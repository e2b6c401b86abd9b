"""Every answer to a signed-in request says Cache-Control: no-store, pages and API alike."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/mfa", "/account/", "/", "/api/v1/courts"])
def test_a_signed_in_answer_is_never_stored(signed_in, attorney, path):
    response = signed_in(attorney).get(path)
    assert response.status_code in (200, 302)
    assert no_store(response)
    assert "private" in response["Cache-Control"]


def test_the_answer_that_hands_out_a_token_is_never_stored(public_user):
    body = {"loginId": public_user.username, "password": DEFAULT_PASSWORD}
    response = Client().post(
        "/services/cso-auth", json.dumps(body), content_type="application/json"
    )
    assert response.json()["loginResult"] == "0"
    assert no_store(response)


def test_an_anonymous_public_answer_may_be_cached(db):
    assert not no_store(Client().get("/api/v1/courts"))
