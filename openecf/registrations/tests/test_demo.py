"""The demo: a visiting attorney's pending pro hac vice request at mowd."""

from __future__ import annotations

import pytest

from openecf.accounts import rules as account_rules
from openecf.accounts.models import Account
from openecf.registrations import demo
from openecf.registrations.models import RegistrationRequest

pytestmark = pytest.mark.django_db


def test_the_demo_leaves_one_pending_pro_hac_vice_request_at_mowd(courts, file_store):
    logins = demo.load()
    demo.load()  # idempotent
    request = RegistrationRequest.objects.get()
    assert (request.court_id, request.kind, request.status, request.case_number) == (
        "mowd",
        "pro_hac_vice",
        "submitted",
        "4:25-cv-00417",
    )
    assert (file_store / request.certificate).read_bytes().startswith(b"%PDF-1.4")
    assert [(login.username, login.password) for login in logins] == [
        ("phvcounsel", "Admitted-In-Kansas-2026!")
    ]
    account = Account.objects.get(username="phvcounsel")
    assert account.check_password(demo.PASSWORD)


def test_the_demo_password_meets_the_password_policy(db):
    assert (
        account_rules.password_problems(
            demo.PASSWORD,
            first_name="Paula",
            last_name="Visiting",
            username=demo.USERNAME,
            email="phvcounsel@example.com",
        )
        == []
    )


def test_the_demo_skips_quietly_without_courts(db):
    assert demo.load() == demo.LOGINS
    assert RegistrationRequest.objects.count() == 0
