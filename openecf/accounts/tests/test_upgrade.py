"""Upgrading a Legacy PACER Account: Person, Address, Security, then "Upgrade complete"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail

from openecf.accounts.models import Account, SecurityAnswer
from openecf.accounts.tests.factories import GOOD_PASSWORD, upgrade_payload
from openecf.core.models import AuditEvent
from openecf.tests_support.api import call
from openecf.tests_support.factories import DEFAULT_PASSWORD, LegacyAccountFactory


def test_upgrading_by_api_keeps_number_and_history(
    legacy_attorney, signed_in, django_capture_on_commit_callbacks
):
    number, created = legacy_attorney.account_number, legacy_attorney.created_at
    client = signed_in(legacy_attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/v1/me/upgrade", upgrade_payload())
    assert response.status_code == 200
    body = response.json()
    assert body["account_type"] == "Upgraded PACER Account"
    assert body["account_number"] == number
    assert body["username"] == "upgraded.filer"
    account = Account.objects.get(pk=legacy_attorney.pk)
    assert account.is_upgraded and account.upgraded_at is not None
    assert account.created_at == created
    assert account.date_of_birth == date(1966, 10, 2)
    assert account.county == "Jackson"
    assert account.check_password(GOOD_PASSWORD)
    assert SecurityAnswer.objects.filter(account=account).count() == 2
    # the sign-on before the upgrade is still in the account's history
    assert AuditEvent.objects.filter(
        subject=f"account:{account.pk}", verb="signon.session_started"
    ).exists()
    row = AuditEvent.objects.get(subject=f"account:{account.pk}", verb="account.upgraded")
    assert row.details["from_username"] == legacy_attorney.username
    assert mail.outbox[-1].subject == "Your PACER account upgrade is complete"


def test_the_date_of_birth_is_permanent_once_set(db, signed_in):
    legacy = LegacyAccountFactory(date_of_birth=date(1966, 10, 2))
    client = signed_in(legacy)
    path = "/api/v1/me/upgrade"
    response = call(client, "post", path, upgrade_payload(date_of_birth="1970-01-01"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "date_of_birth_permanent"
    legacy.refresh_from_db()
    assert (legacy.is_upgraded, legacy.date_of_birth, legacy.username[:2]) == (
        False, date(1966, 10, 2), "lp",
    )  # fmt: skip
    assert not AuditEvent.objects.filter(verb="account.upgraded").exists()
    ok = call(client, "post", "/api/v1/me/upgrade", upgrade_payload(date_of_birth="1966-10-02"))
    assert ok.status_code == 200


def test_a_taken_username_refuses_the_upgrade_and_changes_nothing(
    legacy_attorney, attorney, signed_in
):
    old = legacy_attorney.username
    path = "/api/v1/me/upgrade"
    response = call(
        signed_in(legacy_attorney), "post", path, upgrade_payload(username=attorney.username)
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "username_taken"
    legacy_attorney.refresh_from_db()
    assert (legacy_attorney.username, legacy_attorney.is_upgraded) == (old, False)
    assert not SecurityAnswer.objects.filter(account=legacy_attorney).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": "LP9999"}, "The username must be at least 8 characters."),
        ({"password": "Blue-Legacy-Lantern-4!"}, "(it contains “legacy”)"),
        ({"user_type": "wizard"}, "Choose a user type."),
    ],
)
def test_bad_upgrade_input_changes_nothing(legacy_attorney, signed_in, overrides, message):
    path = "/api/v1/me/upgrade"
    response = call(signed_in(legacy_attorney), "post", path, upgrade_payload(**overrides))
    assert response.status_code == 422
    assert message in response.json()["error"]["message"]
    legacy_attorney.refresh_from_db()
    assert not legacy_attorney.is_upgraded
    assert legacy_attorney.date_of_birth is None


def test_an_upgraded_account_cannot_upgrade_again(attorney, signed_in):
    response = call(signed_in(attorney), "post", "/api/v1/me/upgrade", upgrade_payload())
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_upgraded"


def _carried(response) -> str:
    return re.search(r'name="carried" value="([^"]*)"', response.content.decode()).group(1)


def test_upgrading_on_the_pages_in_three_steps(legacy_attorney, signed_in):
    client = signed_in(legacy_attorney)
    person = client.get("/account/upgrade/")
    assert person.status_code == 200
    assert b"Person" in person.content and b"User type" in person.content
    address = client.post(
        "/account/upgrade/",
        {"step": "person", "date_of_birth": "1966-10-02", "user_type": "individual"},
    )
    assert address.status_code == 200
    assert b"Verify your address and enter your county." in address.content
    security = client.post(
        "/account/upgrade/",
        {"step": "address", "carried": _carried(address), "street": "200 Walnut Street",
         "city": "Kansas City", "state": "MO", "zip": "64106", "county": "Clay"},
    )  # fmt: skip
    assert security.status_code == 200
    assert b"New username" in security.content
    legacy_attorney.refresh_from_db()
    assert not legacy_attorney.is_upgraded  # nothing is saved before the last step
    done = client.post(
        "/account/upgrade/",
        {"step": "security", "carried": _carried(security), "username": "larry.filer",
         "password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD,
         "question_1": "What was the name of your first pet?", "answer_1": "Rex",
         "question_2": "In what city were you born?", "answer_2": "Joplin"},
    )  # fmt: skip
    assert done.status_code == 302
    assert done["Location"] == "/account/upgrade/complete/"
    complete = client.get("/account/upgrade/complete/")
    assert b"Upgrade complete" in complete.content
    assert b"larry.filer" in complete.content
    legacy_attorney.refresh_from_db()
    assert legacy_attorney.is_upgraded
    assert legacy_attorney.county == "Clay"
    assert legacy_attorney.date_of_birth == date(1966, 10, 2)
    settings_page = client.get("/account/").content.decode()
    assert "Upgraded PACER Account" in settings_page


def test_a_changed_date_of_birth_is_refused_at_the_person_step(db, signed_in):
    legacy = LegacyAccountFactory(date_of_birth=date(1966, 10, 2))
    response = signed_in(legacy).post(
        "/account/upgrade/",
        {"step": "person", "date_of_birth": "1970-01-01", "user_type": "individual"},
    )
    assert response.status_code == 400
    assert b"permanent and cannot be changed" in response.content


def test_a_tampered_carry_starts_over_at_the_person_step(legacy_attorney, signed_in):
    response = signed_in(legacy_attorney).post(
        "/account/upgrade/",
        {"step": "security", "carried": "forged", "username": "larry.filer",
         "password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD},
    )  # fmt: skip
    assert response.status_code == 200
    assert b'name="step" value="person"' in response.content
    legacy_attorney.refresh_from_db()
    assert not legacy_attorney.is_upgraded


def test_an_upgraded_account_visiting_upgrade_goes_to_settings(attorney, signed_in):
    response = signed_in(attorney).get("/account/upgrade/")
    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_the_old_password_still_works_until_the_upgrade(legacy_attorney):
    assert legacy_attorney.check_password(DEFAULT_PASSWORD)
