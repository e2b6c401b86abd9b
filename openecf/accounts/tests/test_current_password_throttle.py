"""Forms that re-ask the current password (password, username, e-mail) lock for 5 minutes
after 5 wrong ones, so a session holder cannot guess the password without limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from openecf.accounts.tests.factories import GOOD_PASSWORD, password_form
from openecf.core.models import AuditEvent, FailureCount, OutboundEmail
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

WRONG = "Not-The-Password-1!"
LOCKED_5 = "Too many wrong passwords. Try again in 5 minutes."
NOW = datetime(2026, 3, 2, 15, 0, 10, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def change_password(client, current: str):
    return client.post(
        "/api/v1/me/password",
        {"current_password": current, "new_password": GOOD_PASSWORD},
        content_type="application/json",
    )


def test_five_wrong_current_passwords_lock_the_password_change_for_five_minutes(
    attorney, signed_in, frozen
):
    client = signed_in(attorney)
    before = attorney.password
    answers = [change_password(client, WRONG) for _ in range(5)]
    assert [a.status_code for a in answers] == [400, 400, 400, 400, 429]
    assert answers[0].json()["error"] == {
        "code": "wrong_password",
        "message": "The current password is not right.",
    }
    assert answers[4].json()["error"]["message"] == LOCKED_5
    # Locked: even the right password is refused, and nothing changes.
    right = change_password(client, DEFAULT_PASSWORD)
    assert right.status_code == 429 and right.json()["error"]["message"] == LOCKED_5
    frozen.shift(timedelta(minutes=2))
    assert change_password(client, DEFAULT_PASSWORD).json()["error"]["message"] == (
        "Too many wrong passwords. Try again in 3 minutes."
    )
    attorney.refresh_from_db()
    assert attorney.password == before
    assert AuditEvent.objects.filter(verb="account.password_check_failed").count() == 5
    assert not AuditEvent.objects.filter(verb="account.password_changed").exists()
    frozen.shift(timedelta(minutes=3))
    assert change_password(client, DEFAULT_PASSWORD).status_code == 200
    assert (
        FailureCount.objects.get(key=f"accounts:password-check:account:{attorney.pk}").failures == 0
    )


def test_the_lock_is_shared_by_the_username_and_email_forms_but_not_sign_in(
    attorney, signed_in, frozen, django_capture_on_commit_callbacks
):
    client = signed_in(attorney)
    for _ in range(5):
        client.post("/account/username/", {"new_username": "new.username1", "password": WRONG})
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            "/account/contact/",
            {
                "which": "email",
                "email-email": "new@example.com",
                "email-password": DEFAULT_PASSWORD,
            },
        )
    assert page.status_code == 400
    assert LOCKED_5 in page.content.decode()
    renamed = client.post(
        "/account/username/", {"new_username": "new.username1", "password": DEFAULT_PASSWORD}
    )
    assert LOCKED_5 in renamed.content.decode()
    attorney.refresh_from_db()
    assert attorney.username != "new.username1"
    assert mail.outbox == [] and not OutboundEmail.objects.exists()
    # The sign-in counter is separate: the owner can still sign in.
    signed_on = client.post(
        "/services/cso-auth",
        {"loginId": attorney.username, "password": DEFAULT_PASSWORD, "redactFlag": "1"},
        content_type="application/json",
    )
    assert signed_on.json()["loginResult"] == "0"


def test_the_password_page_shows_the_lock(attorney, signed_in, frozen):
    client = signed_in(attorney)
    data = password_form(current=WRONG)
    pages = [client.post("/account/password/", data) for _ in range(5)]
    assert "The current password is not right." in pages[3].content.decode()
    assert LOCKED_5 in pages[4].content.decode()
