"""Adding an authenticator app (e-mailed code → QR and secret → first code), renaming and
removing apps, and backup codes; on the MMA pages and in the API."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.signon import rules
from openecf.signon.models import AppEnrolment, AuthenticatorApp, BackupCode
from openecf.signon.tests.factories import NOW, add_app, code_now
from openecf.tests_support.signon import assert_asks_to_sign_in

pytestmark = pytest.mark.django_db


def emailed_code() -> str:
    return re.search(r"security code is (\d{6})", mail.outbox[-1].body).group(1)


@pytest.fixture
def me(public_user, signed_in, frozen):
    return signed_in(public_user)


def start(client, capture):
    with capture(execute=True):
        response = client.post("/account/mfa/add/")
    return response


def test_adding_an_app_takes_an_emailed_code_then_a_first_code(
    me, public_user, django_capture_on_commit_callbacks
):
    assert start(me, django_capture_on_commit_callbacks)["Location"] == "/account/mfa/add/"
    assert mail.outbox[-1].to == [public_user.email]
    code = emailed_code()
    step1 = me.get("/account/mfa/add/").content.decode()
    assert "Step 1 of 2" in step1
    me.post("/account/mfa/add/email/", {"code": code})
    step2 = me.get("/account/mfa/add/").content.decode()
    assert "<svg" in step2
    secret = AppEnrolment.objects.get(account=public_user).secret
    assert f'data-testid="totp-secret">{secret}<' in step2
    response = me.post(
        "/account/mfa/add/activate/", {"name": "Work phone", "code": code_now(secret)}
    )
    assert response["Location"] == "/account/mfa/"
    app = AuthenticatorApp.objects.get(account=public_user)
    assert (app.name, app.secret) == ("Work phone", secret)
    assert not AppEnrolment.objects.exists()
    assert "Work phone" in me.get("/account/mfa/").content.decode()
    assert AuditEvent.objects.filter(
        verb="signon.mfa_app_added", subject=f"account:{public_user.pk}"
    ).exists()


def test_a_wrong_emailed_code_shows_no_secret(me, public_user, django_capture_on_commit_callbacks):
    start(me, django_capture_on_commit_callbacks)
    wrong = "000000" if emailed_code() != "000000" else "111111"
    response = me.post("/account/mfa/add/email/", {"code": wrong})
    assert response.status_code == 400
    assert "That security code is not right." in response.content.decode()
    assert AppEnrolment.objects.get(account=public_user).secret == ""


def test_five_wrong_emailed_codes_need_a_new_email(
    me, public_user, django_capture_on_commit_callbacks
):
    start(me, django_capture_on_commit_callbacks)
    code = emailed_code()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        me.post("/account/mfa/add/email/", {"code": wrong})
    response = me.post("/account/mfa/add/email/", {"code": code})
    assert "Too many wrong security codes" in response.content.decode()
    assert AppEnrolment.objects.get(account=public_user).secret == ""


def test_a_wrong_first_code_adds_no_app(me, public_user, django_capture_on_commit_callbacks):
    start(me, django_capture_on_commit_callbacks)
    me.post("/account/mfa/add/email/", {"code": emailed_code()})
    secret = AppEnrolment.objects.get(account=public_user).secret
    response = me.post(
        "/account/mfa/add/activate/", {"name": "Phone", "code": code_now(secret, offset=4)}
    )
    assert response.status_code == 400
    assert "That code is not right." in response.content.decode()
    assert not AuthenticatorApp.objects.exists()


def test_activating_before_the_emailed_code_is_refused(me, public_user):
    response = me.post("/account/mfa/add/activate/", {"name": "Phone", "code": "123456"})
    assert response.status_code == 400
    assert "Confirm the security code we e-mailed first" in response.content.decode()
    assert not AuthenticatorApp.objects.exists()


def test_no_more_than_five_apps(me, public_user, django_capture_on_commit_callbacks):
    for n in range(5):
        add_app(public_user, name=f"App {n}")
    with django_capture_on_commit_callbacks(execute=True):
        response = me.post("/account/mfa/add/")
    assert response.status_code == 409
    assert "the most an account may have" in response.content.decode()
    assert not AppEnrolment.objects.exists()
    assert not OutboundEmail.objects.exists()
    assert mail.outbox == []


def test_rename_and_remove_an_app(me, public_user):
    app = add_app(public_user)
    me.post(f"/account/mfa/apps/{app.pk}/rename/", {"name": "Tablet"})
    app.refresh_from_db()
    assert app.name == "Tablet"
    me.post(f"/account/mfa/apps/{app.pk}/remove/")
    assert not AuthenticatorApp.objects.exists()


def test_renaming_to_a_duplicate_name_is_refused(me, public_user):
    add_app(public_user, name="Phone")
    second = add_app(public_user, name="Tablet")
    me.post(f"/account/mfa/apps/{second.pk}/rename/", {"name": "phone"})
    second.refresh_from_db()
    assert second.name == "Tablet"
    assert "already have an app named" in me.get("/account/mfa/").content.decode()


def test_someone_elses_app_cannot_be_removed(me, attorney):
    theirs = add_app(attorney)
    assert me.post(f"/account/mfa/apps/{theirs.pk}/remove/").status_code == 404
    assert AuthenticatorApp.objects.filter(pk=theirs.pk).exists()


def test_backup_codes_are_shown_once_and_stored_hashed(me, public_user):
    add_app(public_user)
    page = me.post("/account/mfa/backup-codes/").content.decode()
    codes = re.findall(r"<code>([A-Z0-9]{4}-[A-Z0-9]{4})</code>", page)
    assert len(codes) == 10
    rows = BackupCode.objects.filter(account=public_user)
    assert rows.count() == 10
    assert all(r.code_hash != c and c not in r.code_hash for r in rows for c in codes)
    assert "You have 10 unused backup codes." in me.get("/account/mfa/").content.decode()
    again = me.post("/account/mfa/backup-codes/").content.decode()
    assert BackupCode.objects.filter(account=public_user).count() == 10
    assert not set(codes) & set(re.findall(r"<code>([A-Z0-9-]{9})</code>", again))


def test_the_mfa_pages_need_sign_in(client, db):
    assert_asks_to_sign_in("/account/mfa/")
    assert client.post("/account/mfa/add/").status_code == 302
    assert not AppEnrolment.objects.exists()


# --- API ---------------------------------------------------------------------------------------


@pytest.fixture
def bearer(public_user, signed_in, frozen):
    from django.test import Client

    from openecf.tests_support.signon import sign_in

    client = Client()
    token = sign_in(client, public_user)
    client.cookies.clear()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def test_the_api_adds_an_app_in_three_steps(
    bearer, public_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        started = bearer.post("/api/v1/mfa/apps/start")
    assert started.status_code == 200 and started.json()["email"] == public_user.email
    assert bearer.get("/api/v1/mfa").json()["enrolment_step"] == "email_code"
    secret_answer = bearer.post(
        "/api/v1/mfa/apps/confirm-email", {"code": emailed_code()}, content_type="application/json"
    ).json()
    secret = secret_answer["secret"]
    assert secret_answer["otpauth_uri"].startswith("otpauth://totp/")
    assert f"secret={secret}" in secret_answer["otpauth_uri"]
    made = bearer.post(
        "/api/v1/mfa/apps/activate",
        {"name": "Phone", "code": code_now(secret)},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["name"] == "Phone"
    status = bearer.get("/api/v1/mfa").json()
    assert status["enrolled"] is True and [a["name"] for a in status["apps"]] == ["Phone"]
    removed = bearer.delete(f"/api/v1/mfa/apps/{made.json()['id']}")
    assert removed.status_code == 200 and removed.json()["apps"] == []


def test_the_api_refuses_a_wrong_emailed_code(
    bearer, public_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bearer.post("/api/v1/mfa/apps/start")
    wrong = "000000" if emailed_code() != "000000" else "111111"
    response = bearer.post(
        "/api/v1/mfa/apps/confirm-email", {"code": wrong}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "wrong_code"
    assert AppEnrolment.objects.get(account=public_user).secret == ""


def test_the_api_refuses_activation_without_the_steps(bearer):
    response = bearer.post(
        "/api/v1/mfa/apps/activate",
        {"name": "Phone", "code": "123456"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert not AuthenticatorApp.objects.exists()


def test_the_api_refuses_missing_fields(bearer):
    response = bearer.post(
        "/api/v1/mfa/apps/activate", {"name": "Phone"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_the_api_returns_backup_codes_once(bearer, public_user):
    add_app(public_user)
    codes = bearer.post("/api/v1/mfa/backup-codes").json()["codes"]
    assert len(codes) == 10 and all(rules.normalize_backup_code(c) for c in codes)
    assert bearer.get("/api/v1/mfa").json()["backup_codes_left"] == 10


def test_the_api_cannot_remove_another_accounts_app(bearer, attorney):
    theirs = add_app(attorney)
    response = bearer.delete(f"/api/v1/mfa/apps/{theirs.pk}")
    assert response.status_code == 404
    assert AuthenticatorApp.objects.filter(pk=theirs.pk).exists()


def test_the_mfa_api_needs_sign_in(client, db):
    assert client.get("/api/v1/mfa").status_code == 401
    assert client.post("/api/v1/mfa/apps/start").status_code == 401


def test_a_second_code_within_a_minute_is_refused_and_sends_nothing(
    me, public_user, frozen, django_capture_on_commit_callbacks
):
    start(me, django_capture_on_commit_callbacks)
    first = AppEnrolment.objects.get(account=public_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = me.post("/account/mfa/add/")
    assert response.status_code == 429
    assert "less than a minute ago" in response.content.decode()
    assert len(mail.outbox) == 1
    assert AppEnrolment.objects.get(account=public_user).pk == first.pk
    frozen.shift(61)
    start(me, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


# --- backup codes need an authenticator app ---------------------------------------------------

NO_APP_YET = (
    "Add an authenticator app first: backup codes are for when you cannot use your app, so they "
    "can only be made once an app is active."
)


def test_backup_codes_are_refused_without_an_app(me, public_user):
    response = me.post("/account/mfa/backup-codes/")
    assert response["Location"] == "/account/mfa/"
    page = me.get("/account/mfa/").content.decode()
    assert NO_APP_YET in page
    assert "add an app first, then get them here" in page
    assert not BackupCode.objects.exists()
    assert not AuditEvent.objects.filter(verb="signon.backup_codes_generated").exists()


def test_the_api_refuses_backup_codes_without_an_app(bearer, public_user):
    response = bearer.post("/api/v1/mfa/backup-codes")
    assert response.status_code == 409
    assert response.json() == {
        "error": {"code": "authenticator_app_required", "message": NO_APP_YET}
    }
    assert not BackupCode.objects.exists()
    assert bearer.get("/api/v1/mfa").json()["enrolled"] is False


def test_backup_codes_alone_are_not_mfa_enrolment(public_user, db):
    from openecf.signon import queries

    BackupCode.objects.create(
        account=public_user, salt="s", code_hash="h", created_at=public_user.created_at
    )
    assert queries.has_mfa(public_user.pk) is False
    add_app(public_user)
    assert queries.has_mfa(public_user.pk) is True


def test_regenerating_backup_codes_keeps_the_must_enrol_restriction(attorney, signed_in, frozen):
    from openecf.signon import actions
    from openecf.signon.models import CentralSession

    client = signed_in(attorney, must_enrol_mfa=True)
    add_app(attorney)  # e.g. a session that signed in before the app was added elsewhere
    page = client.post("/account/mfa/backup-codes/")
    assert page.status_code == 200
    assert BackupCode.objects.filter(account=attorney).count() == 10
    actions.regenerate_backup_codes(account=attorney, now=NOW)
    assert CentralSession.objects.get(account=attorney).must_enrol_mfa is True


# --- the e-mailed code works once ------------------------------------------------------------


def test_the_api_shows_the_secret_once_per_emailed_code(
    bearer, public_user, frozen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bearer.post("/api/v1/mfa/apps/start")
    code = emailed_code()
    first = bearer.post(
        "/api/v1/mfa/apps/confirm-email", {"code": code}, content_type="application/json"
    )
    assert first.status_code == 200
    secret = first.json()["secret"]
    for again in (code, "000000"):
        second = bearer.post(
            "/api/v1/mfa/apps/confirm-email", {"code": again}, content_type="application/json"
        )
        assert second.status_code == 409
        assert second.json() == {
            "error": {
                "code": "conflict",
                "message": "That security code was already used. Enter the code your app shows "
                "to finish, or choose Add app to have a new security code e-mailed.",
            }
        }
    assert AppEnrolment.objects.get(account=public_user).secret == secret
    assert AuditEvent.objects.filter(verb="signon.mfa_email_confirmed").count() == 1
    frozen.shift(61)
    with django_capture_on_commit_callbacks(execute=True):
        bearer.post("/api/v1/mfa/apps/start")
    fresh = bearer.post(
        "/api/v1/mfa/apps/confirm-email", {"code": emailed_code()}, content_type="application/json"
    )
    assert fresh.status_code == 200 and fresh.json()["secret"] != secret


@pytest.mark.django_db
def test_a_legacy_account_must_upgrade_before_managing_mfa_or_sessions(legacy_attorney, signed_in):
    client = signed_in(legacy_attorney)
    for path in ("/account/mfa/", "/account/sessions/"):
        page = client.get(path)
        assert page.status_code == 403
        assert "Upgrade your account first" in page.content.decode()
    for path in ("/api/v1/mfa", "/api/v1/sessions"):
        response = client.get(path)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "legacy_account_must_upgrade"


@pytest.mark.django_db
def test_a_legacy_filer_is_not_prompted_for_mfa_before_upgrading(legacy_attorney):
    from openecf.core import clock
    from openecf.signon import queries

    assert queries.mfa_prompt_for(legacy_attorney, clock.now()) == "none"
