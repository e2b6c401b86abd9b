"""Registering a PACER account by the API and the page; verifying the e-mail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail

from openecf.accounts.models import Account, AccountToken, SecurityAnswer
from openecf.accounts.tests.factories import (
    GOOD_PASSWORD,
    registration_form,
    registration_payload,
)
from openecf.core import clock
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.tests_support.api import call
from openecf.tests_support.factories import AccountFactory
from openecf.tests_support.outbox import link_from_outbox


def assert_nothing_registered() -> None:
    assert not Account.objects.filter(username__iexact="newfiler2025").exists()
    assert OutboundEmail.objects.count() == 0
    assert len(mail.outbox) == 0
    assert not AuditEvent.objects.filter(verb="account.registered").exists()


def test_registering_by_api_answers_201_and_emails_a_verification_link(
    db, client, django_capture_on_commit_callbacks, real_password_hashing
):
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/v1/accounts", registration_payload())
    assert response.status_code == 201
    body = response.json()
    account = Account.objects.get(username="newfiler2025")
    assert body == {
        "account_number": account.account_number,
        "username": "newfiler2025",
        "account_type": "Upgraded PACER Account",
        "status": "pending_verification",
        "held_for_review": False,
    }
    assert len(account.account_number) == 7 and account.account_number.isdigit()
    assert account.status == Account.Status.PENDING_VERIFICATION
    assert account.email_verified_at is None
    assert account.date_of_birth == date(1984, 2, 29)
    assert account.purpose == "attorney_filer"
    assert (account.street, account.city, account.state, account.zip_code, account.county) == (
        "1 Main Street", "Independence", "MO", "64050", "Jackson",
    )  # fmt: skip
    assert account.password.startswith("argon2$argon2id$")
    assert account.check_password(GOOD_PASSWORD)
    answers = SecurityAnswer.objects.filter(account=account).order_by("pk")
    assert [a.question for a in answers] == [
        "What was the name of your first pet?",
        "In what city were you born?",
    ]
    assert all(a.answer_hash.startswith("argon2$") for a in answers)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nora.newcomer@example.com"]
    assert message.subject == "Verify your e-mail address for your new PACER account"
    assert "http://testserver/account/verify/" in message.body or "/account/verify/" in message.body
    assert account.account_number in message.body
    token = AccountToken.objects.get(account=account)
    assert token.purpose == "verify_email"
    assert token.expires_at - token.created_at == timedelta(hours=48)
    assert link_from_outbox("/account/verify/") not in token.token_digest


def test_the_verification_link_activates_the_account_once(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call(client, "post", "/api/v1/accounts", registration_payload())
    token = link_from_outbox("/account/verify/")
    response = client.get(f"/account/verify/{token}/")
    assert response.status_code == 200
    assert b"E-mail address verified" in response.content
    account = Account.objects.get(username="newfiler2025")
    assert account.status == Account.Status.ACTIVE
    assert account.email_verified_at is not None
    again = client.get(f"/account/verify/{token}/")
    assert again.status_code == 400
    assert b"expired or was already used" in again.content


def test_the_verification_link_by_api(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call(client, "post", "/api/v1/accounts", registration_payload())
    token = link_from_outbox("/account/verify/")
    response = client.post(
        "/api/v1/accounts/verify", {"token": token}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "active"
    reused = client.post(
        "/api/v1/accounts/verify", {"token": token}, content_type="application/json"
    )
    assert reused.status_code == 400
    assert reused.json()["error"]["code"] == "link_not_valid"


def test_a_verification_link_expires_after_48_hours(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call(client, "post", "/api/v1/accounts", registration_payload())
    token = link_from_outbox("/account/verify/")
    with time_machine.travel(clock.now() + timedelta(hours=49)):
        response = client.get(f"/account/verify/{token}/")
    assert response.status_code == 400
    assert Account.objects.get(username="newfiler2025").status == "pending_verification"


def test_a_too_short_password_is_refused_and_nothing_is_registered(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        path = "/api/v1/accounts"
        response = call(client, "post", path, registration_payload(password="Sh0rt-Pass!"))
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "code": "invalid_input",
            "message": "The password must be at least 14 characters (it has 11).",
            "fields": {"password": ["The password must be at least 14 characters (it has 11)."]},
        }
    }
    assert_nothing_registered()


def test_a_password_containing_the_surname_is_refused(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        path = "/api/v1/accounts"
        response = call(
            client, "post", path, registration_payload(password="Blue-Newcomer-Lantern-4!")
        )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == (
        "The password must not contain any part of your name, username or e-mail address "
        "(it contains “newcomer”)."
    )
    assert_nothing_registered()


def test_a_taken_username_is_refused_in_any_case(db, client, django_capture_on_commit_callbacks):
    AccountFactory(username="NewFiler2025", first_name="Other", last_name="Person",
                   email="other@example.com")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/v1/accounts", registration_payload())
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "username_taken",
        "message": "The username newfiler2025 is taken: choose another.",
    }
    assert Account.objects.count() == 1
    assert len(mail.outbox) == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("purpose", "judge", "Choose what the account is for."),
        ("phone", "12", "Enter a phone number, such as 816-555-0100."),
        ("email", "not-an-email", "Enter a valid e-mail address, such as name@example.com."),
        ("date_of_birth", "2020-01-01", "Enter your real date of birth: you must be at least 13 years old."),
        ("security_questions", [{"question": "Q?", "answer": "Rex"}], "Choose two security questions and answer each."),
    ],
)  # fmt: skip
def test_bad_fields_are_refused_with_what_to_fix(
    db, client, django_capture_on_commit_callbacks, field, value, message
):
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/v1/accounts", registration_payload(**{field: value}))
    assert response.status_code == 422
    assert response.json()["error"]["message"] == message
    assert_nothing_registered()


def test_a_missing_field_gets_the_common_error_shape(db, client):
    payload = registration_payload()
    del payload["username"]
    response = call(client, "post", "/api/v1/accounts", payload)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
    assert "username" in response.json()["error"]["message"]


def test_two_matching_details_warn_that_an_account_may_exist_and_allow_continuing(
    db, client, django_capture_on_commit_callbacks
):
    AccountFactory(first_name="Nora", last_name="Newcomer", date_of_birth=date(1984, 2, 29),
                   email="nora.elsewhere@example.com")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        warned = call(client, "post", "/api/v1/accounts", registration_payload())
    assert warned.status_code == 409
    assert warned.json()["error"]["code"] == "account_may_already_exist"
    assert warned.json()["error"]["message"].startswith("An account may already exist for you")
    assert_nothing_registered()
    with django_capture_on_commit_callbacks(execute=True):
        path = "/api/v1/accounts"
        continued = call(client, "post", path, registration_payload(continue_if_may_exist=True))
    assert continued.status_code == 201
    assert continued.json()["status"] == "pending_verification"


def test_all_three_matching_hold_the_registration_for_review(
    db, client, django_capture_on_commit_callbacks
):
    AccountFactory(first_name="Nora", last_name="Newcomer", date_of_birth=date(1984, 2, 29),
                   email="nora.newcomer+old@example.com")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        path = "/api/v1/accounts"
        response = call(client, "post", path, registration_payload(continue_if_may_exist=True))
    assert response.status_code == 201
    assert response.json()["status"] == "review_hold"
    assert response.json()["held_for_review"] is True
    account = Account.objects.get(username="newfiler2025")
    assert account.status == Account.Status.REVIEW_HOLD
    assert mail.outbox[-1].subject == "Your PACER registration is on hold for review"
    assert not AccountToken.objects.filter(account=account).exists()


def test_every_new_account_gets_a_unique_account_number(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call(client, "post", "/api/v1/accounts", registration_payload())
        call(client, "post", "/api/v1/accounts", registration_payload(
                username="secondfiler", email="second@example.com", first_name="Sid",
                last_name="Second", date_of_birth="1975-01-01",
            ))  # fmt: skip
    numbers = list(Account.objects.values_list("account_number", flat=True))
    assert len(numbers) == 2 and len(set(numbers)) == 2


def test_the_registration_page_shows_the_three_purposes(db, client):
    response = client.get("/account/register/")
    assert response.status_code == 200
    text = response.content.decode()
    for label in (
        "Attorney filer (CM/ECF e-filing)",
        "Non-attorney filer (CM/ECF e-filing)",
        "PACER – Case search only",
    ):
        assert label in text
    assert "csrfmiddlewaretoken" in text


def test_registering_on_the_page(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/register/", registration_form())
    assert response.status_code == 201
    account = Account.objects.get(username="newfiler2025")
    assert account.account_number in response.content.decode()
    assert b"Check your e-mail" in response.content
    assert len(mail.outbox) == 1


def test_the_page_shows_each_problem_on_its_field_and_registers_nothing(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/account/register/",
            registration_form(password="nora-short", password_again="nora-short", zip="12"),
        )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The password must be at least 14 characters (it has 10)." in text
    assert "Enter a 5-digit ZIP code" in text
    assert 'role="alert"' in text
    assert_nothing_registered()


def test_mismatched_passwords_on_the_page(db, client):
    response = client.post(
        "/account/register/", registration_form(password_again="Something-Else-42!")
    )
    assert response.status_code == 400
    assert b"The two passwords do not match." in response.content
    assert not Account.objects.exists()


def test_the_page_warns_and_continues_when_an_account_may_exist(
    db, client, django_capture_on_commit_callbacks
):
    AccountFactory(first_name="Nora", last_name="Newcomer", date_of_birth=date(1984, 2, 29),
                   email="nora.elsewhere@example.com")  # fmt: skip
    warned = client.post("/account/register/", registration_form())
    assert warned.status_code == 200
    text = warned.content.decode()
    assert "An account may already exist" in text
    assert 'name="continue_if_may_exist" value="True"' in text
    assert Account.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        continued = client.post(
            "/account/register/", registration_form(continue_if_may_exist="True")
        )
    assert continued.status_code == 201
    assert Account.objects.filter(username="newfiler2025").exists()


def test_the_service_center_lists_and_releases_held_registrations(
    db, client, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import CommandError, call_command

    AccountFactory(first_name="Nora", last_name="Newcomer", date_of_birth=date(1984, 2, 29),
                   email="nora.newcomer@example.com")  # fmt: skip
    call(client, "post", "/api/v1/accounts", registration_payload(continue_if_may_exist=True))
    listing = StringIO()
    call_command("accounts", "review-holds", stdout=listing)
    assert "newfiler2025" in listing.getvalue()
    assert "1 registration on hold." in listing.getvalue()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("accounts", "release-hold", "newfiler2025", stdout=out)
    assert out.getvalue().strip() == "newfiler2025: now e-mail not yet verified."
    token = link_from_outbox("/account/verify/")
    client.get(f"/account/verify/{token}/")
    assert Account.objects.get(username="newfiler2025").status == "active"
    with pytest.raises(CommandError, match="is not on a review hold"):
        call_command("accounts", "release-hold", "newfiler2025")


def test_registrations_from_one_address_are_throttled(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(20):
            response = call(client, "post", "/api/v1/accounts", registration_payload(
                    username=f"bulkfiler{n:02d}", email=f"bulk{n}@example.com",
                    first_name="Bulk", last_name=f"Person{chr(65 + n)}",
                ))  # fmt: skip
            assert response.status_code == 201, response.content
        refused = call(client, "post", "/api/v1/accounts", registration_payload(
                username="onetoomany", email="onetoomany@example.com", first_name="One",
                last_name="Toomany",
            ))  # fmt: skip
    assert refused.status_code == 429
    assert refused.json()["error"]["message"] == (
        "Too many requests. Wait an hour and try again, or contact the PACER Service Center."
    )
    assert not Account.objects.filter(username="onetoomany").exists()
    assert Account.objects.count() == 20
