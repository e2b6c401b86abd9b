"""Two people linking the same CM/ECF login at the same moment: exactly one link."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from openecf.core.errors import DomainError
from openecf.ecf import actions
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.tests_support.concurrency import run_together
from openecf.tests_support.factories import AccountFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_links_of_one_login_end_with_exactly_one_link(courts):
    from openecf.courts.models import Court

    mowd = Court.objects.get(pk="mowd")
    CourtLoginFactory(court=mowd, login="shared1")
    first, second = AccountFactory(), AccountFactory()

    def attempt(account):
        return lambda: actions.link_court_login(
            account=account, court=mowd, login="shared1", password=COURT_PASSWORD, confirm=True
        )

    with time_machine.travel(datetime(2026, 11, 25, tzinfo=UTC)):
        results = run_together([attempt(first), attempt(second)])

    linked = [r for r in results if isinstance(r, CourtLogin)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(linked) == 1, results
    assert len(refused) == 1, results
    assert "already linked to another PACER account" in refused[0].message
    record = CourtLogin.objects.get(login="shared1")
    assert record.linked_account_id in (first.pk, second.pk)
    assert list(FilingPrivilege.objects.values_list("account_id", flat=True)) == [
        record.linked_account_id
    ]


@pytest.mark.django_db(transaction=True)
def test_one_account_linking_two_logins_at_once_ends_with_one_link(courts):
    from openecf.courts.models import Court

    mowd = Court.objects.get(pk="mowd")
    CourtLoginFactory(court=mowd, login="one1")
    CourtLoginFactory(court=mowd, login="two2", role="trustee")
    account = AccountFactory()

    def attempt(login):
        return lambda: actions.link_court_login(
            account=account, court=mowd, login=login, password=COURT_PASSWORD, confirm=True
        )

    with time_machine.travel(datetime(2026, 11, 25, tzinfo=UTC)):
        results = run_together([attempt("one1"), attempt("two2")])

    assert sum(isinstance(r, CourtLogin) for r in results) == 1, results
    assert CourtLogin.objects.filter(linked_account=account).count() == 1
    assert FilingPrivilege.objects.filter(account=account).count() == 1
