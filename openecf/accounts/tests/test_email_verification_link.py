"""The e-mail verification link other apps issue through the facade (firms' PAA)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from openecf.accounts import actions, facade
from openecf.accounts.errors import LinkNotValid
from openecf.accounts.models import Account, AccountToken
from openecf.tests_support.factories import AccountFactory

NOW = datetime(2026, 3, 2, 15, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.OPENECF_BASE_URL = "https://ecf.example"


@pytest.fixture
def pending(db) -> Account:
    return AccountFactory(status=Account.Status.PENDING_VERIFICATION, email_verified_at=None)


def _token(link: str) -> str:
    return link.removeprefix("https://ecf.example/account/verify/").removesuffix("/")


@time_machine.travel(NOW, tick=False)
def test_the_link_opens_the_verify_page_and_works_for_48_hours(pending):
    link = facade.issue_email_verification(account_id=pending.pk)
    assert link.startswith("https://ecf.example/account/verify/")
    stored = AccountToken.objects.get(account=pending)
    assert stored.purpose == AccountToken.Purpose.VERIFY_EMAIL
    assert stored.created_at == NOW
    assert stored.expires_at == NOW + timedelta(hours=48)
    assert stored.used_at is None


def test_using_the_link_makes_the_pending_account_active(pending):
    link = facade.issue_email_verification(account_id=pending.pk)
    verified = actions.verify_email(token=_token(link))
    assert verified.pk == pending.pk
    assert verified.status == Account.Status.ACTIVE
    assert verified.email_verified_at is not None


def test_a_new_link_stops_the_earlier_one(pending):
    first = facade.issue_email_verification(account_id=pending.pk)
    second = facade.issue_email_verification(account_id=pending.pk)
    with pytest.raises(LinkNotValid):
        actions.verify_email(token=_token(first))
    assert Account.objects.get(pk=pending.pk).status == Account.Status.PENDING_VERIFICATION
    assert actions.verify_email(token=_token(second)).status == Account.Status.ACTIVE
