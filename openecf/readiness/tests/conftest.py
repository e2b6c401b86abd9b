"""The letter's firm: an office manager (the PAA) and attorneys in different states."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.ecf.factories import LinkedCourtLoginFactory
from openecf.firms.factories import add_member
from openecf.firms.models import Firm
from openecf.signon.models import AuthenticatorApp
from openecf.tests_support.factories import AccountFactory

WHEN = datetime(2018, 5, 1, tzinfo=UTC)


def enrol_mfa(account) -> None:
    AuthenticatorApp.objects.create(
        account=account, name="Phone", secret="JBSWY3DPEHPK3PXP", created_at=WHEN
    )


@pytest.fixture
def firm(courts, office_manager):
    firm = Firm.objects.get(paa=office_manager)
    firm.readiness_courts.set(["mowd"])
    return firm


@pytest.fixture
def ready_attorney(firm, mowd, attorney):
    """Alice: upgraded, MFA, linked at mowd."""
    enrol_mfa(attorney)
    LinkedCourtLoginFactory(court=mowd, login="aattorney", linked_account=attorney)
    add_member(firm, attorney)
    return attorney


@pytest.fixture
def legacy_member(firm, legacy_attorney):
    """Larry: a Legacy account, no MFA, not linked."""
    add_member(firm, legacy_attorney)
    return legacy_attorney


@pytest.fixture
def unlinked_member(firm):
    """Uma: upgraded and MFA-enrolled, but not linked at mowd."""
    account = AccountFactory(
        first_name="Uma",
        last_name="Unlinked",
        username="uunlinked",
        account_number="3200003",
        purpose="attorney_filer",
    )
    enrol_mfa(account)
    add_member(firm, account)
    return account


@pytest.fixture
def team(ready_attorney, legacy_member, unlinked_member):
    return [ready_attorney, legacy_member, unlinked_member]
