"""Manage My Account: Settings, password, username, contact and e-mail, tabs, security activity."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import mail

from openecf.accounts.models import Account
from openecf.accounts.tests.factories import GOOD_PASSWORD, password_form
from openecf.core.models import AuditEvent
from openecf.tests_support.factories import DEFAULT_PASSWORD, AccountFactory
from openecf.tests_support.outbox import link_from_outbox
from openecf.tests_support.signon import assert_asks_to_sign_in


def test_settings_needs_sign_in(db):
    assert_asks_to_sign_in("/account/")


def test_settings_shows_an_upgraded_account_with_its_links(attorney, signed_in):
    response = signed_in(attorney).get("/account/")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"Account number {attorney.account_number}" in text
    assert 'data-testid="account-type">Upgraded PACER Account' in text
    for href in (
        "/account/contact/", "/account/username/", "/account/password/", "/account/mfa/",
        "/account/sessions/", "/account/security/", "/account/maintenance/",
        "/account/payments/", "/account/usage/",
    ):  # fmt: skip
        assert f'href="{href}"' in text
    assert 'href="/account/upgrade/"' not in text


def test_a_legacy_account_sees_only_upgrade_and_payments(legacy_attorney, signed_in):
    response = signed_in(legacy_attorney).get("/account/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Legacy PACER Account (Upgrade)" in text
    assert 'href="/account/upgrade/"' in text
    assert 'href="/account/payments/"' in text
    for href in ("/account/contact/", "/account/password/", "/account/maintenance/",
                 "/account/mfa/", "/account/usage/", "/account/username/"):  # fmt: skip
        assert f'href="{href}"' not in text


@pytest.mark.parametrize(
    "path",
    ["/account/contact/", "/account/username/", "/account/maintenance/", "/account/usage/",
     "/account/security/"],
)  # fmt: skip
def test_a_legacy_account_is_sent_to_upgrade_from_other_pages(legacy_attorney, signed_in, path):
    response = signed_in(legacy_attorney).get(path)
    assert response.status_code == 403
    assert b"Upgrade your account first" in response.content


def test_a_shared_account_is_labelled_shared(db, signed_in):
    shared = AccountFactory(kind="shared")
    response = signed_in(shared).get("/account/")
    assert b"Shared (used by more than one person)" in response.content


def test_maintenance_lists_the_e_file_registration_links(attorney, signed_in):
    text = signed_in(attorney).get("/account/maintenance/").content.decode()
    assert (
        '<a href="/account/maintenance/efile/attorney/">Attorney Admissions / E-File Registration</a>'
        in text
    )
    assert (
        '<a href="/account/maintenance/efile/non-attorney/">Non-Attorney E-File Registration</a>'
        in text
    )
    assert '<a href="/account/maintenance/courts/">Display registered courts</a>' in text


def test_maintenance_tells_a_shared_account_it_cannot_file(db, signed_in):
    text = signed_in(AccountFactory(kind="shared")).get("/account/maintenance/").content.decode()
    assert "can search but can never file or link" in text


# --- password ------------------------------------------------------------------------------


def test_changing_the_password(attorney, signed_in, django_capture_on_commit_callbacks):
    client = signed_in(attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/password/", password_form())
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    attorney.refresh_from_db()
    assert attorney.check_password(GOOD_PASSWORD)
    assert mail.outbox[-1].subject == "Your PACER password was changed"
    assert AuditEvent.objects.filter(
        subject=f"account:{attorney.pk}", verb="account.password_changed"
    ).exists()


def test_a_wrong_current_password_changes_nothing(attorney, signed_in):
    before = attorney.password
    response = signed_in(attorney).post(
        "/account/password/", password_form(current="Not-The-Password-1!")
    )
    assert response.status_code == 400
    assert b"The current password is not right." in response.content
    attorney.refresh_from_db()
    assert attorney.password == before
    assert not AuditEvent.objects.filter(verb="account.password_changed").exists()


def test_a_new_password_with_the_surname_is_refused(attorney, signed_in):
    before = attorney.password
    response = signed_in(attorney).post("/account/password/", password_form("Lantern-Attorney-42!"))
    assert response.status_code == 400
    assert "(it contains “attorney”)" in response.content.decode()
    attorney.refresh_from_db()
    assert attorney.password == before


@pytest.mark.parametrize(
    ("who", "path", "says", "offers_no"),
    [
        pytest.param(
            "legacy_attorney",
            "/account/payments/",
            "No invoices or statements yet",
            (),
            id="a-legacy-account-may-open-payments",
        ),
        pytest.param(
            "attorney",
            "/account/password/?expired=1",
            "more than 180 days old",
            (),
            id="the-expired-flag-explains-the-180-day-rule",
        ),
        pytest.param(
            "legacy_attorney",
            "/account/password/?expired=1",
            "A Legacy PACER Account cannot change its password",
            ('name="new_password"',),
            id="the-password-page-tells-a-legacy-account-to-upgrade",
        ),
    ],
)
def test_a_page_tells_the_account_what_applies_to_it(
    request, signed_in, who, path, says, offers_no
):
    response = signed_in(request.getfixturevalue(who)).get(path)
    assert response.status_code == 200
    text = response.content.decode()
    assert says in text
    for field in offers_no:
        assert field not in text


def test_changing_the_password_by_api(attorney, signed_in):
    client = signed_in(attorney)
    response = client.post(
        "/api/v1/me/password",
        {"current_password": DEFAULT_PASSWORD, "new_password": GOOD_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json() == {"message": "Your password was changed."}
    attorney.refresh_from_db()
    assert attorney.check_password(GOOD_PASSWORD)


def test_the_api_refuses_a_short_new_password(attorney, signed_in):
    response = signed_in(attorney).post(
        "/api/v1/me/password",
        {"current_password": DEFAULT_PASSWORD, "new_password": "Zq-Xw-7!"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "invalid_input",
        "message": "The password must be at least 14 characters (it has 8).",
        "fields": {"new_password": ["The password must be at least 14 characters (it has 8)."]},
    }
    attorney.refresh_from_db()
    assert attorney.check_password(DEFAULT_PASSWORD)


def test_a_legacy_account_cannot_change_its_password_by_api(legacy_attorney, signed_in):
    response = signed_in(legacy_attorney).post(
        "/api/v1/me/password",
        {"current_password": DEFAULT_PASSWORD, "new_password": GOOD_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "legacy_account_must_upgrade"


# --- username ------------------------------------------------------------------------------


def test_changing_the_username(attorney, signed_in):
    response = signed_in(attorney).post(
        "/account/username/", {"new_username": "alice.attorney", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    attorney.refresh_from_db()
    assert attorney.username == "alice.attorney"
    row = AuditEvent.objects.get(verb="account.username_changed")
    assert row.subject == f"account:{attorney.pk}"
    assert row.details["to"] == "alice.attorney"


def test_a_taken_username_is_refused_and_nothing_changes(attorney, public_user, signed_in):
    old = attorney.username
    response = signed_in(attorney).post(
        "/account/username/",
        {"new_username": public_user.username.upper(), "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 400
    assert b"is taken: choose another." in response.content
    attorney.refresh_from_db()
    assert attorney.username == old


def test_a_short_username_is_refused(attorney, signed_in):
    response = signed_in(attorney).post(
        "/account/username/", {"new_username": "abc", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 400
    assert b"at least 8 characters" in response.content


# --- contact and e-mail ----------------------------------------------------------------------


# The contact form as Alice sends it when she moves to Jefferson City.
NEW_CONTACT = {
    "which": "contact",
    "contact-phone": "573-555-0199",
    "contact-street": "80 Lafayette",
    "contact-city": "Jefferson City",
    "contact-state": "mo",
    "contact-zip": "65101",
    "contact-county": "Cole",
}


def test_updating_contact_information(attorney, signed_in):
    response = signed_in(attorney).post("/account/contact/", NEW_CONTACT)
    assert response.status_code == 302
    attorney.refresh_from_db()
    assert (attorney.phone, attorney.city, attorney.state, attorney.county) == (
        "573-555-0199", "Jefferson City", "MO", "Cole",
    )  # fmt: skip


def test_a_bad_state_changes_nothing(attorney, signed_in):
    response = signed_in(attorney).post("/account/contact/", {**NEW_CONTACT, "contact-state": "ZZ"})
    assert response.status_code == 400
    assert b"two-letter state" in response.content
    attorney.refresh_from_db()
    assert attorney.city == "Kansas City"


def test_a_new_email_takes_effect_only_after_its_link_is_used(
    attorney, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(attorney)
    old = attorney.email
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/account/contact/",
            {"which": "email", "email-email": "alice@newfirm.example.com",
             "email-password": DEFAULT_PASSWORD},
        )  # fmt: skip
    assert response.status_code == 302
    attorney.refresh_from_db()
    assert attorney.email == old
    assert [m.to for m in mail.outbox] == [["alice@newfirm.example.com"], [old]]
    token = link_from_outbox("/account/verify/", to="alice@newfirm.example.com")
    confirmed = client.get(f"/account/verify/{token}/")
    assert confirmed.status_code == 200
    assert b"E-mail address changed" in confirmed.content
    attorney.refresh_from_db()
    assert attorney.email == "alice@newfirm.example.com"
    verbs = list(
        AuditEvent.objects.filter(subject=f"account:{attorney.pk}").values_list("verb", flat=True)
    )
    assert "account.email_change_requested" in verbs and "account.email_changed" in verbs


def test_changing_contact_and_email_by_api(attorney, signed_in, django_capture_on_commit_callbacks):
    client = signed_in(attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.patch(
            "/api/v1/me/contact",
            {"phone": "573-555-0111", "email": "alice@api.example.com",
             "password": DEFAULT_PASSWORD},
            content_type="application/json",
        )  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["phone"] == "573-555-0111"
    assert body["email"] == attorney.email  # unchanged until the link is used
    token = link_from_outbox("/account/verify/", to="alice@api.example.com")
    verified = client.post(
        "/api/v1/accounts/verify", {"token": token}, content_type="application/json"
    )
    assert verified.json()["email"] == "alice@api.example.com"


def test_me_by_api(attorney, signed_in):
    response = signed_in(attorney).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("account_number", "username", "account_type", "first_name",
                                 "last_name", "email")} == {
        "account_number": attorney.account_number,
        "username": attorney.username,
        "account_type": "Upgraded PACER Account",
        "first_name": "Alice",
        "last_name": "Attorney",
        "email": attorney.email,
    }  # fmt: skip


def test_me_needs_sign_in(db, client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


# --- security activity -----------------------------------------------------------------------


def test_security_activity_lists_sign_ons_and_password_changes(attorney, signed_in):
    client = signed_in(attorney)
    client.post("/account/password/", password_form())
    response = client.get("/account/security/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Signed on" in text
    assert "Password changed" in text
    assert text.index("Password changed") < text.index("Signed on")  # newest first
    api = client.get("/api/v1/me/security-activity").json()
    assert [row["verb"] for row in api][:2] == [
        "account.password_changed",
        "signon.session_started",
    ]


def test_security_activity_shows_only_the_signed_in_account(attorney, public_user, signed_in):
    signed_in(public_user)
    text = signed_in(attorney).get("/account/security/").content.decode()
    assert text.count("Signed on") == 1


def test_the_account_model_keeps_dates_aware(attorney):
    assert Account.objects.get(pk=attorney.pk).created_at == datetime(2020, 3, 1, tzinfo=UTC)


def test_the_contact_page_shows_the_current_details(attorney, signed_in):
    text = signed_in(attorney).get("/account/contact/").content.decode()
    assert 'value="816-555-0100"' in text
    assert 'value="Jackson"' in text
    assert f'data-testid="current-email">{attorney.email}<' in text


def test_an_unknown_verification_link_is_refused(db, client):
    response = client.get("/account/verify/not-a-real-token/")
    assert response.status_code == 400
    assert b"expired or was already used" in response.content


def test_an_expired_password_is_changed_on_the_password_page_and_then_mma_opens(db, signed_in):
    from datetime import timedelta

    from openecf.core import clock

    account = AccountFactory(password_changed_at=clock.now() - timedelta(days=200))
    client = signed_in(account)
    gated = client.get("/account/")
    assert gated.status_code == 302
    assert gated["Location"].startswith("/account/password/?expired=1")
    page = client.get("/account/password/?expired=1")
    assert b"more than 180 days old" in page.content
    changed = client.post("/account/password/?expired=1", password_form())
    assert changed.status_code == 302
    assert client.get("/account/").status_code == 200


def test_changing_the_email_needs_the_current_password(
    attorney, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(attorney)
    old = attorney.email
    answers = {}
    for password in ("", "Not-The-Password-1!"):
        with django_capture_on_commit_callbacks(execute=True):
            answers[password] = client.post(
                "/account/contact/",
                {"which": "email", "email-email": "thief@example.com", "email-password": password},
            )
    assert [a.status_code for a in answers.values()] == [400, 400]
    assert "This field is required." in answers[""].content.decode()
    assert "The password is not right." in answers["Not-The-Password-1!"].content.decode()
    attorney.refresh_from_db()
    assert attorney.email == old
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(verb="account.email_change_requested").exists()


def test_the_api_changes_the_email_only_with_the_current_password(
    attorney, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(attorney)
    before = (attorney.phone, attorney.email)
    for body in (
        {"email": "thief@example.com"},
        {"email": "thief@example.com", "password": "Not-The-Password-1!", "phone": "573-555-0111"},
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.patch("/api/v1/me/contact", body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["error"] == {
            "code": "wrong_password",
            "message": "The password is not right.",
        }
    attorney.refresh_from_db()
    assert (attorney.phone, attorney.email) == before  # the phone did not change either
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(
        verb__in=["account.email_change_requested", "account.contact_updated"]
    ).exists()
