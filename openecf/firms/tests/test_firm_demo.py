"""The demo firm: an office manager and three attorneys in different states of readiness."""

import pytest

from openecf.accounts import demo as accounts_demo
from openecf.accounts.rules import password_problems
from openecf.firms import demo
from openecf.firms.models import Firm, FirmMembership


@pytest.fixture
def loaded(courts):
    accounts_demo.load()
    return demo.load()


def test_the_demo_firm_has_the_three_attorneys(loaded):
    firm = Firm.objects.get(name="Jefferson & Clay LLP")
    assert firm.paa.username == "jcofficemgr"
    assert firm.paa.kind == "administrative"
    members = FirmMembership.objects.filter(firm=firm, ended_at__isnull=True)
    assert sorted(m.account.username for m in members) == ["LA1234", "aattorney1", "bbarrister2"]
    assert list(firm.readiness_courts.values_list("pk", flat=True)) == ["mowd"]


def test_loading_again_changes_nothing(loaded):
    demo.load()
    assert Firm.objects.count() == 1
    assert FirmMembership.objects.count() == 3


def test_the_demo_logins_sign_in_and_meet_the_password_policy(loaded):
    from openecf.accounts.models import Account

    for login in demo.LOGINS:
        account = Account.objects.get(username=login.username)
        assert account.check_password(login.password)
        assert (
            password_problems(
                login.password,
                first_name=account.first_name,
                last_name=account.last_name,
                username=account.username,
                email=account.email,
            )
            == []
        )
