"""A filer's sign-in: MFA code, the redaction agreement each time, the MFA prompt and skips."""

from __future__ import annotations

import pytest
from django.conf import settings

from openecf.core.models import AuditEvent
from openecf.signon.models import AuthenticatorApp, BackupCode, CentralSession, PendingSignOn
from openecf.signon.tests.factories import add_app, add_backup_codes, code_now
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_a_filer_must_tick_the_redaction_agreement_before_any_session(
    client, login, attorney, frozen
):
    add_app(attorney)
    login(attorney.username, DEFAULT_PASSWORD)
    client.post("/login/continue/", {"code": code_now()})
    page = client.get("/login/continue/").content.decode()
    assert "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY" in page
    assert "names of minor children" in page
    refused = client.post("/login/continue/", {})
    assert refused.status_code == 400
    assert "Tick the box to acknowledge the redaction rules." in refused.content.decode()
    assert not CentralSession.objects.exists()
    done = client.post("/login/continue/", {"agree": "on"})
    assert done.status_code == 302 and done["Location"] == "/start/"
    session = CentralSession.objects.get(account=attorney)
    assert session.redaction_acknowledged is True
    assert done.cookies[settings.CSO_COOKIE_NAME].value
    assert not PendingSignOn.objects.exists()


def test_a_search_only_account_is_never_asked_about_redaction(client, login, public_user):
    response = login(public_user.username, DEFAULT_PASSWORD)
    assert response["Location"] == "/start/"
    assert CentralSession.objects.get(account=public_user).redaction_acknowledged is False


def test_an_account_with_an_app_is_asked_for_its_code(client, login, public_user, frozen):
    add_app(public_user)
    response = login(public_user.username, DEFAULT_PASSWORD, next="/mowd/")
    assert response["Location"] == "/login/continue/"
    assert not CentralSession.objects.exists()
    assert "Multi-factor authentication" in client.get("/login/continue/").content.decode()
    done = client.post("/login/continue/", {"code": code_now()})
    assert done["Location"] == "/mowd/"
    assert CentralSession.objects.filter(account=public_user).count() == 1


def test_a_wrong_code_is_refused_and_counts_as_a_failed_attempt(client, login, public_user, frozen):
    add_app(public_user)
    login(public_user.username, DEFAULT_PASSWORD)
    response = client.post("/login/continue/", {"code": code_now(offset=5)})
    assert response.status_code == 400
    assert "That code is not right." in response.content.decode()
    assert not CentralSession.objects.exists()
    assert AuditEvent.objects.filter(
        verb="signon.mfa_failed", subject=f"account:{public_user.pk}"
    ).exists()


def test_a_code_already_used_cannot_sign_in_again(client, login, public_user, frozen):
    add_app(public_user)
    code = code_now()
    login(public_user.username, DEFAULT_PASSWORD)
    client.post("/login/continue/", {"code": code})
    other = type(client)()
    other.post("/login/", {"username": public_user.username, "password": DEFAULT_PASSWORD})
    response = other.post("/login/continue/", {"code": code})
    assert response.status_code == 400
    assert CentralSession.objects.filter(account=public_user).count() == 1


def test_a_backup_code_works_once(client, login, public_user, frozen):
    codes = add_backup_codes(public_user)
    login(public_user.username, DEFAULT_PASSWORD)
    done = client.post("/login/continue/", {"code": codes[0].lower()})
    assert done["Location"] == "/start/"
    assert BackupCode.objects.filter(account=public_user, used_at__isnull=False).count() == 1
    other = type(client)()
    other.post("/login/", {"username": public_user.username, "password": DEFAULT_PASSWORD})
    again = other.post("/login/continue/", {"code": codes[0]})
    assert again.status_code == 400
    assert CentralSession.objects.filter(account=public_user).count() == 1
    assert BackupCode.objects.filter(account=public_user, used_at__isnull=True).count() == 9


def test_an_unenrolled_filer_is_offered_enrolment_with_three_skips(client, login, attorney, frozen):
    for used in range(3):
        fresh = type(client)()
        fresh.post("/login/", {"username": attorney.username, "password": DEFAULT_PASSWORD})
        fresh.post("/login/continue/", {"agree": "on"})
        page = fresh.get("/login/continue/").content.decode()
        assert f"Skip ({3 - used} left)" in page
        done = fresh.post("/login/continue/", {"choice": "skip"})
        assert done["Location"] == "/start/"
        attorney.refresh_from_db()
        assert attorney.mfa_skips_used == used + 1
    assert CentralSession.objects.filter(account=attorney, must_enrol_mfa=False).count() == 3
    assert AuditEvent.objects.filter(verb="signon.mfa_skipped").count() == 3


def test_enrol_now_signs_in_restricted_to_enrolment_without_using_a_skip(
    client, login, attorney, mowd, frozen
):
    login(attorney.username, DEFAULT_PASSWORD)
    client.post("/login/continue/", {"agree": "on"})
    done = client.post("/login/continue/", {"choice": "enrol"})
    assert done["Location"] == "/account/mfa/?next=/start/"
    attorney.refresh_from_db()
    assert attorney.mfa_skips_used == 0
    assert not AuditEvent.objects.filter(verb="signon.mfa_skipped").exists()
    assert CentralSession.objects.get(account=attorney).must_enrol_mfa is True
    # "Enrol now" is not a way round the prompt: nothing else opens until an app is added.
    assert client.get("/mowd/")["Location"] == "/account/mfa/"
    assert client.get("/account/sessions/")["Location"] == "/account/mfa/"
    assert client.get("/account/mfa/").status_code == 200
    assert client.post("/logout/").status_code == 302
    assert CentralSession.objects.get(account=attorney).ended_at is not None


def test_out_of_skips_a_filer_must_enrol_before_anything_else(
    client, login, attorney, mowd, frozen, django_capture_on_commit_callbacks
):
    attorney.mfa_skips_used = 3
    attorney.save()
    login(attorney.username, DEFAULT_PASSWORD)
    done = client.post("/login/continue/", {"agree": "on"})
    assert done["Location"] == "/account/mfa/?next=/start/"
    assert CentralSession.objects.get(account=attorney).must_enrol_mfa is True
    assert client.get("/mowd/")["Location"] == "/account/mfa/"
    api = client.get("/api/v1/sessions")
    assert api.status_code == 403
    assert api.json()["error"]["code"] == "action_required"
    assert client.get("/account/mfa/").status_code == 200
    # Backup codes alone are not enrolment: they are refused and the restriction stays.
    refused = client.post("/account/mfa/backup-codes/")
    assert refused["Location"] == "/account/mfa/"
    assert not BackupCode.objects.exists()
    assert client.get("/mowd/")["Location"] == "/account/mfa/"
    # Adding an authenticator app lifts the restriction at once.
    enrol_app(client, attorney, django_capture_on_commit_callbacks)
    assert CentralSession.objects.get(account=attorney).must_enrol_mfa is False
    assert client.get("/mowd/").status_code == 200


def enrol_app(client, account, capture) -> None:
    """Add an app through the three MMA steps (e-mailed code, secret, first code)."""
    import re

    from django.core import mail

    from openecf.signon.models import AppEnrolment

    with capture(execute=True):
        client.post("/account/mfa/add/")
    code = re.search(r"security code is (\d{6})", mail.outbox[-1].body).group(1)
    client.post("/account/mfa/add/email/", {"code": code})
    secret = AppEnrolment.objects.get(account=account).secret
    added = client.post("/account/mfa/add/activate/", {"name": "Phone", "code": code_now(secret)})
    assert added["Location"] == "/account/mfa/"


def test_mfa_is_not_required_before_the_configured_date(client, login, attorney, settings, frozen):
    from datetime import date

    settings.MFA_REQUIRED_FOR_FILERS_FROM = date(2027, 1, 1)
    login(attorney.username, DEFAULT_PASSWORD)
    done = client.post("/login/continue/", {"agree": "on"})
    assert done["Location"] == "/start/"
    assert not AuthenticatorApp.objects.exists()


def test_someone_who_linked_a_court_login_is_a_filer_and_sees_the_agreement(
    client, login, public_user, frozen
):
    from openecf.signon.tests.factories import NOW

    public_user.filer_since = NOW
    public_user.save()
    add_app(public_user)
    login(public_user.username, DEFAULT_PASSWORD)
    client.post("/login/continue/", {"code": code_now()})
    assert (
        "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY"
        in client.get("/login/continue/").content.decode()
    )
    assert not CentralSession.objects.exists()
