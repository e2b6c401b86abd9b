"""Accounts unused for more than 2 years become inactive; the holder reactivates by e-mail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import time_machine
from django.core import mail
from django.core.management import call_command

from openecf.accounts import facade, tasks
from openecf.accounts.models import Account
from openecf.core.models import AuditEvent
from openecf.tests_support.factories import DEFAULT_PASSWORD, AccountFactory
from openecf.tests_support.outbox import link_from_outbox

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def old_account(**fields):
    return AccountFactory(created_at=NOW - timedelta(days=3000), **fields)


def test_the_command_makes_unused_accounts_inactive(db):
    unused = old_account(last_active_at=NOW - timedelta(days=731))
    recent = old_account(last_active_at=NOW - timedelta(days=30))
    logged_in = old_account(last_login=NOW - timedelta(days=5))
    new = AccountFactory(created_at=NOW - timedelta(days=100))
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("accounts", "deactivate-unused", stdout=out)
    assert out.getvalue().strip() == "1 account unused for more than 2 years made inactive."
    statuses = {a.pk: a.status for a in Account.objects.all()}
    assert statuses == {unused.pk: "inactive", recent.pk: "active", logged_in.pk: "active",
                        new.pk: "active"}  # fmt: skip
    row = AuditEvent.objects.get(verb="account.deactivated_unused")
    assert row.subject == f"account:{unused.pk}"


def test_the_task_does_the_same(db):
    unused = old_account()
    with time_machine.travel(NOW, tick=False):
        assert tasks.deactivate_unused_accounts.call() == 1
    unused.refresh_from_db()
    assert unused.status == "inactive"


def test_an_inactive_account_is_told_how_to_reactivate(db):
    account = old_account(status="inactive")
    check = facade.authenticate(account.username, DEFAULT_PASSWORD)
    assert not check.ok
    assert "reactivate it at /account/reactivate/" in check.message


def test_reactivation_by_emailed_link(db, client, django_capture_on_commit_callbacks):
    account = old_account(status="inactive")
    assert client.get("/account/reactivate/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/account/reactivate/", {"email": account.email, "username": account.username}
        )
    assert response.status_code == 200
    assert mail.outbox[-1].subject == "Reactivate your PACER account"
    token = link_from_outbox("/account/reactivate/")
    assert client.get(f"/account/reactivate/{token}/").status_code == 200
    account.refresh_from_db()
    assert account.status == "inactive"  # opening the link alone changes nothing
    done = client.post(f"/account/reactivate/{token}/")
    assert done.status_code == 302
    account.refresh_from_db()
    assert account.status == "active"
    assert account.last_active_at is not None
    assert AuditEvent.objects.filter(
        subject=f"account:{account.pk}", verb="account.reactivated"
    ).exists()
    assert facade.authenticate(account.username, DEFAULT_PASSWORD).ok
    again = client.post(f"/account/reactivate/{token}/")
    assert again.status_code == 400


def test_reactivation_answers_the_same_for_an_active_or_unknown_account(
    attorney, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        active = client.post(
            "/account/reactivate/", {"email": attorney.email, "username": attorney.username}
        )
        unknown = client.post(
            "/account/reactivate/", {"email": "no@example.com", "account_number": "1234567"}
        )
    assert active.content == unknown.content
    assert len(mail.outbox) == 0


def test_reactivation_by_api(db, client, django_capture_on_commit_callbacks):
    account = old_account(status="inactive")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/accounts/reactivate",
            {"email": account.email, "account_number": account.account_number},
            content_type="application/json",
        )
    assert response.status_code == 200
    token = link_from_outbox("/account/reactivate/")
    confirmed = client.post(
        "/api/v1/accounts/reactivate/confirm", {"token": token}, content_type="application/json"
    )
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "active"


def test_the_service_center_reactivates_by_command(db):
    account = old_account(status="inactive")
    out = StringIO()
    call_command("accounts", "reactivate", account.username.upper(), stdout=out)
    assert out.getvalue().strip() == f"{account.username}: now active."
    account.refresh_from_db()
    assert account.status == "active"
    row = AuditEvent.objects.get(verb="account.reactivated")
    assert row.details == {"by": "service center"}


def test_reactivating_an_active_account_by_command_is_refused(attorney):
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="is not inactive"):
        call_command("accounts", "reactivate", attorney.username)
    with pytest.raises(CommandError, match="No account has the username"):
        call_command("accounts", "reactivate", "nobody-at-all")
    assert not AuditEvent.objects.filter(verb="account.reactivated").exists()
