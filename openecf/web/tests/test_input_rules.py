"""Every request meets one set of input rules before any view or query sees it.

The cases are those an outside test found answering 500: each must be a 4xx that says what is
wrong, in the one error shape for programs and on the friendly error page for people.
"""

from __future__ import annotations

import json

import pytest
import time_machine

from openecf.core import input_rules
from openecf.signon.models import CentralSession
from openecf.signon.tests.factories import NOW, add_app
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def post_json(client, path, content):
    body = content if isinstance(content, str | bytes) else json.dumps(content)
    return client.post(path, body, content_type="application/json")


def refused(response, status=400, word=""):
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"code", "message"}
    assert word in error["message"]
    return error


def test_a_nul_in_a_query_is_refused_in_the_error_shape(client):
    error = refused(client.get("/api/v1/courts?q=%00"), word="NUL")
    assert error["code"] == "bad_request"


def test_a_nul_in_a_path_is_refused(client):
    refused(client.get("/api/v1/courts/mo%00wd"), word="NUL")


def test_a_nul_in_a_json_string_is_refused(client):
    response = post_json(client, "/services/cso-auth", {"loginId": "\u0000", "password": "x"})
    refused(response, word="NUL")


def test_a_lone_surrogate_in_json_is_refused(client):
    response = post_json(client, "/services/cso-auth", '{"loginId": "\\ud800", "password": "x"}')
    refused(response, word="surrogate")


def test_deeply_nested_json_is_refused(client):
    refused(post_json(client, "/services/cso-auth", "[" * 50_000), word="nests too deeply")
    nested: object = "x"
    for _ in range(input_rules.MAX_JSON_DEPTH + 2):
        nested = [nested]
    refused(post_json(client, "/api/v1/accounts", {"a": nested}), word="nests too deeply")


def test_a_one_megabyte_login_id_is_refused_before_any_query(client):
    response = post_json(client, "/services/cso-auth", {"loginId": "a%" * 500_000, "password": "x"})
    refused(response, word="too long")


def test_a_body_over_the_upload_limit_answers_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = post_json(client, "/services/cso-auth", {"loginId": "a" * 2_000_000})
    assert refused(response, status=413, word="too large")["code"] == "too_large"


def test_a_number_too_large_for_a_column_is_refused(client):
    refused(client.get("/api/v1/sessions/99999999999999999999999"), word="too large a number")
    refused(post_json(client, "/api/v1/accounts", {"n": 2**70}), word="64 bits")


def test_a_page_shows_the_friendly_error_page(client):
    response = client.post("/login/", {"username": "bad\x00name", "password": "x"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cannot read that" in page and "NUL character" in page
    assert "Traceback" not in page


@pytest.mark.parametrize("digits", ["١٢٣٤٥٦", "１２３４５６", "¹²³⁴⁵⁶"])
def test_an_otp_code_in_other_digits_is_a_wrong_code(client, public_user, frozen, digits):
    add_app(public_user)
    body = {"loginId": public_user.username, "password": DEFAULT_PASSWORD, "otpCode": digits}
    response = post_json(client, "/services/cso-auth", body)
    assert response.status_code == 200
    assert response.json()["loginResult"] == "1"
    assert not CentralSession.objects.exists()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("fine text", None),
        ("a\x00b", "NUL"),
        ("\ud83d", "surrogate"),
        ("x" * (input_rules.MAX_TEXT_LENGTH + 1), "too long"),
        ("\u202eevil", None),
        ("line\r\nbreak", None),
    ],
)
def test_text_rules(value, problem):
    answer = input_rules.text_problem(value, where="The value")
    assert (answer is None) if problem is None else (problem in answer)


@pytest.mark.parametrize(
    ("value", "ok"), [(2**63 - 1, True), (-(2**63), True), (2**63, False), ([[[1]]], True)]
)
def test_json_rules(value, ok):
    assert (input_rules.json_problem(value) is None) is ok
