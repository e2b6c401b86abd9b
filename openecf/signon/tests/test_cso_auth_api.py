"""The PACER Authentication API: /services/cso-auth and /services/cso-logout."""

from __future__ import annotations

import json

import pytest

from openecf.core.models import AuditEvent
from openecf.signon.models import CentralSession
from openecf.signon.tests.factories import add_app, add_backup_codes, code_now
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(client):
    def post(body, path="/services/cso-auth"):
        content = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(path, content, content_type="application/json")

    return post


def test_a_good_sign_in_answers_login_result_0_and_a_128_character_token(auth, public_user):
    response = auth(
        {"loginId": public_user.username, "password": DEFAULT_PASSWORD, "clientCode": "matter-7"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["loginResult"] == "0"
    assert body["errorDescription"] == ""
    assert len(body["nextGenCSO"]) == 128
    session = CentralSession.objects.get(account=public_user)
    assert session.client_code == "matter-7"
    assert AuditEvent.objects.filter(
        verb="signon.session_started", subject=f"account:{public_user.pk}"
    ).exists()


def test_the_token_works_as_bearer_and_as_the_cookie(auth, client, public_user, mowd):
    token = auth({"loginId": public_user.username, "password": DEFAULT_PASSWORD}).json()[
        "nextGenCSO"
    ]
    from django.test import Client

    bearer = Client().get("/api/v1/sessions", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert bearer.status_code == 200 and bearer.json()[0]["current"] is True
    browser = Client()
    browser.cookies["NextGenCSO"] = token
    assert public_user.username in browser.get("/mowd/").content.decode()


def test_a_wrong_password_answers_login_result_1(auth, public_user):
    body = auth({"loginId": public_user.username, "password": "Nope-Nope-Nope-1!"}).json()
    assert body == {
        "loginResult": "1",
        "nextGenCSO": "",
        "errorDescription": "Invalid username or password.",
    }
    assert not CentralSession.objects.exists()


def test_a_filer_without_redact_flag_is_told_why(auth, attorney):
    response = auth({"loginId": attorney.username, "password": DEFAULT_PASSWORD})
    body = response.json()
    assert body["loginResult"] == "1" and body["nextGenCSO"] == ""
    assert "redactFlag" in body["errorDescription"]
    assert "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY" in body["errorDescription"]
    assert not CentralSession.objects.exists()


def test_a_filer_with_redact_flag_gets_a_token_and_a_pending_action_warning(auth, attorney):
    body = auth(
        {"loginId": attorney.username, "password": DEFAULT_PASSWORD, "redactFlag": "1"}
    ).json()
    assert body["loginResult"] == "0" and len(body["nextGenCSO"]) == 128
    assert body["errorDescription"] == (
        "Pending action on your account: multi-factor authentication is required for filers. "
        "Add an authenticator app at /account/mfa/ or with /api/v1/mfa (this sign-on used a "
        "skip: 2 skips left)."
    )
    session = CentralSession.objects.get(account=attorney)
    assert (session.redaction_acknowledged, session.must_enrol_mfa) == (True, False)


def test_each_api_sign_on_of_an_unenrolled_filer_uses_one_skip(auth, attorney):
    request = {"loginId": attorney.username, "password": DEFAULT_PASSWORD, "redactFlag": "1"}
    answers = [auth(request).json()["errorDescription"] for _ in range(3)]
    assert [a[a.index("(") :] for a in answers] == [
        "(this sign-on used a skip: 2 skips left).",
        "(this sign-on used a skip: 1 skip left).",
        "(this sign-on used a skip: 0 skips left).",
    ]
    attorney.refresh_from_db()
    assert attorney.mfa_skips_used == 3
    assert AuditEvent.objects.filter(verb="signon.mfa_skipped").count() == 3
    assert not CentralSession.objects.filter(must_enrol_mfa=True).exists()


def test_a_filer_out_of_skips_gets_a_session_that_can_only_enrol(auth, attorney):
    attorney.mfa_skips_used = 3
    attorney.save()
    body = auth(
        {"loginId": attorney.username, "password": DEFAULT_PASSWORD, "redactFlag": "1"}
    ).json()
    assert body["loginResult"] == "0" and len(body["nextGenCSO"]) == 128
    assert body["errorDescription"] == (
        "Multi-factor authentication is required for filers and this account has no skips "
        "left: until you add an authenticator app (with /api/v1/mfa, or at /account/mfa/ on "
        "the web), this session can only enrol or sign out."
    )
    assert CentralSession.objects.get(account=attorney).must_enrol_mfa is True
    attorney.refresh_from_db()
    assert attorney.mfa_skips_used == 3
    from django.test import Client

    program = Client(HTTP_AUTHORIZATION=f"Bearer {body['nextGenCSO']}")
    assert program.get("/api/v1/mfa").json()["requirement"] == "required"
    refused = program.get("/api/v1/sessions")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "action_required"
    assert auth({"nextGenCSO": body["nextGenCSO"]}, path="/services/cso-logout").json() == {
        "loginResult": "0",
        "errorDescription": "",
    }
    assert CentralSession.objects.get(account=attorney).ended_reason == "cso-logout"


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", '"text"', ""],
)
def test_malformed_json_is_refused_with_400(auth, content, db):
    response = auth(content)
    assert response.status_code == 400
    body = response.json()
    assert body["loginResult"] == "1"
    assert "must be a JSON object" in body["errorDescription"]
    assert not CentralSession.objects.exists()


def test_missing_fields_are_named(auth, db):
    response = auth({"loginId": "someone"})
    assert response.status_code == 400
    assert response.json()["errorDescription"] == "Send both loginId and password."


def test_only_post_is_accepted(client, db):
    assert client.get("/services/cso-auth").status_code == 405


def test_an_account_with_mfa_must_send_otp_code(auth, public_user, frozen):
    add_app(public_user)
    body = auth({"loginId": public_user.username, "password": DEFAULT_PASSWORD}).json()
    assert body["loginResult"] == "1"
    assert '"otpCode"' in body["errorDescription"]
    assert not CentralSession.objects.exists()


def test_a_wrong_otp_code_is_refused(auth, public_user, frozen):
    add_app(public_user)
    body = auth(
        {"loginId": public_user.username, "password": DEFAULT_PASSWORD, "otpCode": "000000"}
    ).json()
    assert body["loginResult"] == "1"
    assert body["errorDescription"].startswith("That code is not right.")
    assert not CentralSession.objects.exists()


def test_a_right_otp_code_signs_in_once(auth, public_user, frozen):
    add_app(public_user)
    request = {"loginId": public_user.username, "password": DEFAULT_PASSWORD, "otpCode": code_now()}
    assert auth(request).json()["loginResult"] == "0"
    assert auth(request).json()["loginResult"] == "1"  # replayed
    assert CentralSession.objects.filter(account=public_user).count() == 1


def test_a_backup_code_works_as_otp_code(auth, public_user, frozen):
    codes = add_backup_codes(public_user)
    body = auth(
        {"loginId": public_user.username, "password": DEFAULT_PASSWORD, "otpCode": codes[3]}
    ).json()
    assert body["loginResult"] == "0"


def test_cso_logout_revokes_the_token_everywhere(auth, client, public_user):
    token = auth({"loginId": public_user.username, "password": DEFAULT_PASSWORD}).json()[
        "nextGenCSO"
    ]
    response = auth({"nextGenCSO": token}, path="/services/cso-logout")
    assert response.status_code == 200 and response.json()["loginResult"] == "0"
    assert CentralSession.objects.get(account=public_user).ended_reason == "cso-logout"
    from django.test import Client

    assert Client().get("/api/v1/sessions", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_cso_logout_without_a_token_is_refused(auth, public_user):
    response = auth({"token": "x"}, path="/services/cso-logout")
    assert response.status_code == 400
    assert "nextGenCSO" in response.json()["errorDescription"]


def test_cso_logout_of_an_unknown_token_changes_nothing(auth, public_user, signed_in):
    signed_in(public_user)
    response = auth({"nextGenCSO": "x" * 128}, path="/services/cso-logout")
    assert response.json()["loginResult"] == "0"
    assert CentralSession.objects.get(account=public_user).ended_at is None


def test_a_browser_with_a_restricted_cookie_still_gets_cso_auth_answers(
    auth, client, attorney, public_user
):
    from openecf.tests_support.signon import sign_in

    sign_in(client, attorney, must_enrol_mfa=True)
    response = auth({"loginId": public_user.username, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert (body["loginResult"], body["errorDescription"]) == ("0", "")
    assert len(body["nextGenCSO"]) == 128
    logout = auth({"nextGenCSO": body["nextGenCSO"]}, path="/services/cso-logout")
    assert logout.json() == {"loginResult": "0", "errorDescription": ""}
    assert CentralSession.objects.get(account=public_user).ended_reason == "cso-logout"
    assert CentralSession.objects.get(account=attorney).ended_at is None


def test_a_browser_with_an_expired_password_still_gets_cso_auth_answers(auth, client, public_user):
    from datetime import timedelta

    from openecf.core import clock
    from openecf.tests_support.signon import sign_in

    public_user.password_changed_at = clock.now() - timedelta(days=181)
    public_user.save()
    sign_in(client, public_user)
    body = auth({"loginId": "nobody-at-all", "password": "Nope-Nope-Nope-1!"}).json()
    assert body == {
        "loginResult": "1",
        "nextGenCSO": "",
        "errorDescription": "Invalid username or password.",
    }
