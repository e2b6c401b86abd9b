"""A new password ends the account's other sessions: a reset ends all of them, a change (and
the upgrade of a Legacy account, which sets a new password) keeps only the one making it."""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.accounts.tests.factories import GOOD_PASSWORD, password_form, upgrade_payload
from openecf.core.models import AuditEvent
from openecf.signon.models import CentralSession
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.outbox import password_reset_token
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db


def live(account) -> list[int]:
    return sorted(
        CentralSession.objects.filter(account=account, ended_at__isnull=True).values_list(
            "pk", flat=True
        )
    )


def other_sessions(account, count: int = 2) -> list[Client]:
    clients = []
    for _ in range(count):
        client = Client()
        sign_in(client, account)
        clients.append(client)
    return clients


def this_session(client: Client) -> int:
    return client.get("/api/v1/sessions").json()[0]["id"]


def test_changing_the_password_ends_every_other_session(attorney, signed_in, public_user):
    elsewhere = other_sessions(attorney)
    bystander = other_sessions(public_user, 1)
    me = signed_in(attorney)
    current = max(live(attorney))
    response = me.post("/account/password/", password_form())
    assert response["Location"] == "/account/"
    assert live(attorney) == [current]
    assert set(
        CentralSession.objects.filter(account=attorney, ended_at__isnull=False).values_list(
            "ended_reason", flat=True
        )
    ) == {"password_changed"}
    assert all(c.get("/api/v1/sessions").status_code == 401 for c in elsewhere)
    assert me.get("/api/v1/sessions").status_code == 200
    assert len(live(public_user)) == 1 and bystander[0].get("/api/v1/me").status_code == 200
    row = AuditEvent.objects.get(verb="signon.sessions_ended", subject=f"account:{attorney.pk}")
    assert row.details == {"count": 2, "reason": "password_changed"}


def test_changing_the_password_by_api_keeps_only_the_calling_session(attorney):
    other_sessions(attorney)
    token = sign_in(Client(), attorney)
    program = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    current = this_session(program)
    response = program.post(
        "/api/v1/me/password",
        {"current_password": DEFAULT_PASSWORD, "new_password": GOOD_PASSWORD},
        content_type="application/json",
    )
    assert response.json() == {"message": "Your password was changed."}
    assert live(attorney) == [current]


def test_a_refused_password_change_ends_no_session(attorney, signed_in):
    other_sessions(attorney)
    me = signed_in(attorney)
    before = live(attorney)
    me.post("/account/password/", password_form(current="Not-The-Password-1!"))
    assert live(attorney) == before and len(before) == 3


def test_resetting_the_password_ends_every_session(
    attorney, client, django_capture_on_commit_callbacks
):
    signed = other_sessions(attorney, 3)
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    response = client.post(f"/account/reset/{token}/", password_form(current=None))
    assert response["Location"] == "/login/"
    assert live(attorney) == []
    assert set(
        CentralSession.objects.filter(account=attorney).values_list("ended_reason", flat=True)
    ) == {"password_reset"}
    assert all(c.get("/api/v1/me").status_code == 401 for c in signed)


def test_resetting_the_password_by_api_ends_every_session(
    attorney, client, django_capture_on_commit_callbacks
):
    other_sessions(attorney)
    token = password_reset_token(client, attorney, django_capture_on_commit_callbacks)
    response = client.post(
        "/api/v1/accounts/reset-password",
        {"token": token, "new_password": GOOD_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert live(attorney) == []


def test_upgrading_a_legacy_account_ends_its_other_sessions(legacy_attorney):
    other_sessions(legacy_attorney)
    token = sign_in(Client(), legacy_attorney)
    program = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    current = max(live(legacy_attorney))
    response = program.post(
        "/api/v1/me/upgrade", upgrade_payload(), content_type="application/json"
    )
    assert response.status_code == 200
    assert live(legacy_attorney) == [current]
