"""The ecf demo: mowd logins for the demo attorneys, a mowd clerk, idempotent."""

from __future__ import annotations

import pytest

from openecf.courts.models import CourtStaff
from openecf.ecf import actions, demo, queries
from openecf.ecf.models import CourtLogin, FilingPrivilege


@pytest.mark.django_db
def test_the_demo_links_one_login_and_leaves_one_waiting(courts):
    from openecf.accounts import demo as accounts_demo

    accounts_demo.load()
    demo.load()
    demo.load()  # idempotent
    linked = CourtLogin.objects.get(court="mowd", login=demo.LINKED_LOGIN)
    assert linked.linked_account.username == "aattorney1"
    assert queries.linked_login(account_id=linked.linked_account_id, court_id="mowd") == linked
    privileges = FilingPrivilege.objects.filter(account=linked.linked_account)
    assert sorted(privileges.values_list("court_id", flat=True)) == ["mowb", "mowd"]
    defence = CourtLogin.objects.get(court="mowd", login="dcounsel").linked_account
    assert defence.username == demo.DEFENCE_USERNAME  # counsel for the demo case's defendant
    assert CourtStaff.objects.get(account__username=demo.CA8_CLERK_USERNAME).court_id == "ca8"
    waiting = CourtLogin.objects.get(court="mowd", login=demo.LEGACY_LOGIN)
    assert waiting.linked_account_id is None
    record = actions.verify_court_password(
        court=waiting.court, login=demo.LEGACY_LOGIN, password=demo.LEGACY_LOGIN_PASSWORD
    )
    assert record == waiting
    assert CourtStaff.objects.get(account__username=demo.CLERK_USERNAME).role == "clerk"
    assert CourtLogin.objects.filter(court="ksd", login=demo.KSD_LOGIN).exists()


@pytest.mark.django_db
def test_the_demo_skips_missing_accounts(courts):
    demo.load()
    assert CourtLogin.objects.get(court="mowd", login=demo.LINKED_LOGIN).linked_account_id is None
