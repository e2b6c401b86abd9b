"""Wrong second-factor codes count against the account itself, like wrong passwords.

Someone who knows the password must not get unlimited guesses at the code: a correct password
does not clear the count of wrong codes, a new source address does not start a new count, and
the web (/login/ then /login/continue/) and the API (/services/cso-auth with otpCode) share it.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from openecf.signon.models import CentralSession
from openecf.signon.tests.factories import add_app, code_now
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
LOCKED_5 = "Too many failed sign-in attempts. Try again in 5 minutes."


def wrong_code():
    return code_now(offset=5)


def web_attempt(client, username, code, addr):
    client.post("/login/", {"username": username, "password": DEFAULT_PASSWORD}, REMOTE_ADDR=addr)
    return client.post("/login/continue/", {"code": code}, REMOTE_ADDR=addr)


def api_attempt(client, username, code, addr):
    body = {"loginId": username, "password": DEFAULT_PASSWORD, "otpCode": code}
    return client.post(
        "/services/cso-auth", json.dumps(body), content_type="application/json", REMOTE_ADDR=addr
    )


def test_wrong_codes_from_rotating_addresses_lock_the_account_on_the_web(
    client, public_user, frozen
):
    add_app(public_user)
    for n in range(4):
        refused = web_attempt(client, public_user.username, wrong_code(), f"10.1.0.{n}")
        assert "That code is not right." in refused.content.decode()
    fifth = web_attempt(client, public_user.username, wrong_code(), "10.1.0.9")
    assert fifth.status_code == 429
    assert LOCKED_5 in fifth.content.decode()
    # The right password and the right code, from a fresh address, are refused while locked.
    again = client.post(
        "/login/",
        {"username": public_user.username, "password": DEFAULT_PASSWORD},
        REMOTE_ADDR="10.2.0.1",
    )
    assert again.status_code == 429
    assert LOCKED_5 in again.content.decode()
    assert not CentralSession.objects.exists()


def test_wrong_codes_from_rotating_addresses_lock_the_account_on_the_api(
    client, public_user, frozen
):
    add_app(public_user)
    for n in range(4):
        refused = api_attempt(client, public_user.username, wrong_code(), f"10.3.0.{n}")
        assert refused.json()["loginResult"] == "1"
    fifth = api_attempt(client, public_user.username, wrong_code(), "10.3.0.9")
    assert fifth.json()["errorDescription"] == LOCKED_5
    right = api_attempt(client, public_user.username, code_now(), "10.4.0.1")
    assert right.json()["errorDescription"] == LOCKED_5
    assert not CentralSession.objects.exists()


def test_the_web_and_the_api_share_the_count_of_wrong_codes(client, public_user, frozen):
    add_app(public_user)
    for n in range(2):
        web_attempt(client, public_user.username, wrong_code(), f"10.5.0.{n}")
    for n in range(2):
        api_attempt(client, public_user.username, wrong_code(), f"10.6.0.{n}")
    fifth = web_attempt(client, public_user.username, wrong_code(), "10.7.0.1")
    assert LOCKED_5 in fifth.content.decode()


def test_a_right_code_after_the_lock_ends_signs_in_and_clears_the_count(
    client, public_user, frozen
):
    add_app(public_user)
    for n in range(5):
        web_attempt(client, public_user.username, wrong_code(), f"10.8.0.{n}")
    frozen.shift(timedelta(minutes=5, seconds=30))
    done = web_attempt(client, public_user.username, code_now(), "10.8.1.1")
    assert done.status_code == 302
    assert CentralSession.objects.filter(account=public_user).count() == 1
    # The count starts again from nothing: four more wrong codes do not lock.
    client.post("/logout/")
    for n in range(4):
        refused = web_attempt(client, public_user.username, code_now(offset=9), f"10.8.2.{n}")
        assert refused.status_code == 400
