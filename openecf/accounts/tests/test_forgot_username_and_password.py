"""Forgot username, forgot password and the reset link: same answer either way, throttled."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from openecf.accounts.models import AccountToken
from openecf.accounts.tests.factories import GOOD_PASSWORD, password_form
from openecf.core import clock
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.tests_support.api import call
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.outbox import link_from_outbox, password_reset_token

SAME = "If the details match a PACER account, an e-mail has been sent to its address."
FORGOT_USERNAME = "/api/v1/accounts/forgot-username"
FORGOT_PASSWORD = "/api/v1/accounts/forgot-password"
RESET_PASSWORD = "/api/v1/accounts/reset-password"


@pytest.mark.parametrize("how", ["account_number", "date_of_birth"])
def test_forgot_username_emails_the_username(
    attorney, client, django_capture_on_commit_callbacks, how
):
    proof = {"account_number": attorney.account_number, "date_of_birth": "1980-05-17"}[how]
    with django_capture_on_commit_callbacks(execute=True):
        response = call(
            client, "post", FORGOT_USERNAME, {"email": attorney.email.upper(), how: proof}
        )
    assert response.status_code == 200
    assert response.json() == {"message": SAME}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [attorney.email]
    assert attorney.username in mail.outbox[0].body


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "nobody@example.com", "account_number": "1234567"},
        {"email": "EXISTING", "account_number": "7654321"},
        {"email": "EXISTING", "date_of_birth": "1999-01-01"},
        {"email": "EXISTING"},
    ],
)
def test_forgot_username_answers_the_same_when_nothing_matches(
    attorney, client, django_capture_on_commit_callbacks, payload
):
    payload = {k: (attorney.email if v == "EXISTING" else v) for k, v in payload.items()}
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", FORGOT_USERNAME, payload)
    assert response.status_code == 200
    assert response.json() == {"message": SAME}
    assert len(mail.outbox) == 0
    assert OutboundEmail.objects.count() == 0


@pytest.mark.parametrize("how", ["username", "account_number", "date_of_birth"])
def test_forgot_password_sends_a_one_hour_single_use_link(
    attorney, client, django_capture_on_commit_callbacks, how
):
    proof = {"username": attorney.username.upper(), "account_number": attorney.account_number,
             "date_of_birth": "1980-05-17"}[how]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", FORGOT_PASSWORD, {"email": attorney.email, how: proof})
    assert response.json() == {"message": SAME}
    assert mail.outbox[-1].subject == "Reset PACER Password"
    token = AccountToken.objects.get(account=attorney, purpose="reset_password")
    assert token.expires_at - token.created_at == timedelta(hours=1)
    link = link_from_outbox("/account/reset/")
    assert token.token_digest != link


def test_forgot_password_answers_the_same_for_an_unknown_account(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = call(
            client, "post", FORGOT_PASSWORD, {"email": "x@example.com", "username": "nobody12"}
        )
    assert response.json() == {"message": SAME}
    assert len(mail.outbox) == 0
    assert not AccountToken.objects.exists()


def reset_by_api(client, token: str, new_password: str = GOOD_PASSWORD):
    return call(client, "post", RESET_PASSWORD, {"token": token, "new_password": new_password})


def test_the_reset_link_sets_a_new_password_once(
    attorney, client, django_capture_on_commit_callbacks
):
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    page = client.get(f"/account/reset/{token}/")
    assert page.status_code == 200
    assert attorney.username in page.content.decode()
    response = client.post(f"/account/reset/{token}/", password_form(current=None))
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    attorney.refresh_from_db()
    assert attorney.check_password(GOOD_PASSWORD)
    assert AuditEvent.objects.filter(
        subject=f"account:{attorney.pk}", verb="account.password_reset"
    ).exists()
    reused = client.post(
        f"/account/reset/{token}/", password_form("Another-Lantern-77!", current=None)
    )
    assert reused.status_code == 400
    assert b"expired or was already used" in reused.content
    attorney.refresh_from_db()
    assert attorney.check_password(GOOD_PASSWORD)


def test_an_expired_reset_link_is_refused_and_changes_nothing(
    attorney, client, django_capture_on_commit_callbacks
):
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    with time_machine.travel(clock.now() + timedelta(minutes=61)):
        response = reset_by_api(client, token)
        page = client.get(f"/account/reset/{token}/")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "link_not_valid"
    assert page.status_code == 400
    attorney.refresh_from_db()
    assert attorney.check_password(DEFAULT_PASSWORD)


def test_a_reused_reset_link_is_refused_by_api(
    attorney, client, django_capture_on_commit_callbacks
):
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    first = reset_by_api(client, token)
    assert first.status_code == 200
    second = reset_by_api(client, token, "Another-Lantern-77!")
    assert second.status_code == 400
    attorney.refresh_from_db()
    assert attorney.check_password(GOOD_PASSWORD)


def test_a_new_reset_link_replaces_the_old_one(
    attorney, client, django_capture_on_commit_callbacks
):
    old = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    new = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    assert reset_by_api(client, old).status_code == 400
    assert reset_by_api(client, new).status_code == 200


def test_a_weak_new_password_keeps_the_link_usable(
    attorney, client, django_capture_on_commit_callbacks
):
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    weak = reset_by_api(client, token, "short")
    assert weak.status_code == 422
    assert weak.json()["error"]["code"] == "invalid_input"
    attorney.refresh_from_db()
    assert attorney.check_password(DEFAULT_PASSWORD)
    assert reset_by_api(client, token).status_code == 200


MID_HOUR = datetime(2026, 6, 1, 14, 10, tzinfo=UTC)


@time_machine.travel(MID_HOUR, tick=False)
def test_forgot_password_is_throttled_per_email(db, client, django_capture_on_commit_callbacks):
    payload = {"email": "someone@example.com", "username": "someone12"}
    for _ in range(5):
        assert call(client, "post", FORGOT_PASSWORD, payload).status_code == 200
    blocked = call(client, "post", FORGOT_PASSWORD, {**payload, "email": "Someone+x@Example.com"})
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "throttled"
    other = call(client, "post", FORGOT_PASSWORD, {"email": "other@example.com", "username": "x"})
    assert other.status_code == 200
    with time_machine.travel(clock.now() + timedelta(hours=1)):
        assert call(client, "post", FORGOT_PASSWORD, payload).status_code == 200


@time_machine.travel(MID_HOUR, tick=False)
def test_forgot_username_is_throttled_per_source_address(db, client):
    for n in range(20):
        assert call(client, "post", FORGOT_USERNAME, {"email": f"p{n}@example.com",
                                               "account_number": "1234567"}).status_code == 200  # fmt: skip
    blocked = call(
        client, "post", FORGOT_USERNAME, {"email": "p99@example.com", "account_number": "1234567"}
    )
    assert blocked.status_code == 429


def test_the_forgot_pages(attorney, client, django_capture_on_commit_callbacks):
    assert client.get("/account/forgot-username/").status_code == 200
    assert client.get("/account/forgot-password/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            "/account/forgot-password/", {"email": attorney.email, "username": attorney.username}
        )
        unknown = client.post(
            "/account/forgot-password/", {"email": "x@example.com", "username": "nobody12"}
        )
        by_birth = client.post(
            "/account/forgot-username/", {"email": attorney.email, "date_of_birth": "1980-05-17"}
        )
    assert known.status_code == unknown.status_code == by_birth.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 2


def test_the_forgot_page_asks_for_a_second_detail(db, client):
    response = client.post("/account/forgot-username/", {"email": "x@example.com"})
    assert response.status_code == 400
    assert b"Enter your account number or your date of birth." in response.content


@time_machine.travel(MID_HOUR, tick=False)
def test_the_forgot_page_says_when_throttled(db, client):
    for _ in range(5):
        client.post(
            "/account/forgot-username/", {"email": "x@example.com", "account_number": "1234567"}
        )
    response = client.post(
        "/account/forgot-username/", {"email": "x@example.com", "account_number": "1234567"}
    )
    assert response.status_code == 429
    assert b"Too many requests." in response.content


def test_an_unused_birth_date_with_two_accounts_sends_no_reset(
    db, client, django_capture_on_commit_callbacks
):
    from openecf.tests_support.factories import AccountFactory

    AccountFactory(email="shared@example.com", date_of_birth=date(1980, 5, 17))
    AccountFactory(email="shared@example.com", date_of_birth=date(1980, 5, 17))
    with django_capture_on_commit_callbacks(execute=True):
        call(
            client,
            "post",
            FORGOT_PASSWORD,
            {"email": "shared@example.com", "date_of_birth": "1980-05-17"},
        )
    assert len(mail.outbox) == 0


def test_old_throttle_counts_are_purged(db, client):
    from openecf.accounts import tasks
    from openecf.core.models import AttemptCount

    call(client, "post", FORGOT_USERNAME, {"email": "p@example.com", "account_number": "1234567"})
    assert AttemptCount.objects.count() == 2  # one per e-mail, one per source address
    assert tasks.purge_throttle_counts.call() == 0
    with time_machine.travel(clock.now() + timedelta(days=2)):
        assert tasks.purge_throttle_counts.call() == 2
    assert not AttemptCount.objects.exists()
