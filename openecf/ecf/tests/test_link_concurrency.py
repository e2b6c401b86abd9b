"""Two people linking the same CM/ECF login at the same moment: exactly one link."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import OperationalError, connections

from openecf.core.errors import DomainError
from openecf.ecf import actions
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.tests_support.factories import AccountFactory


def _as_busy_timeout(target):
    """Retry while SQLite's shared in-memory test database says "table is locked".

    A file database waits (busy timeout) instead; PostgreSQL blocks on the row lock. Either
    way the second attempt runs after the first one committed, as here.
    """

    def run():
        for _ in range(10_000):
            try:
                return target()
            except OperationalError as error:
                if "locked" not in str(error):
                    raise
        raise AssertionError("the database stayed locked")

    return run


def _run_together(targets) -> list:
    barrier = threading.Barrier(len(targets))
    results: list = [None] * len(targets)

    def run(index, target):
        try:
            barrier.wait(timeout=10)
            results[index] = _as_busy_timeout(target)()
        except Exception as error:  # the loser's refusal is the result
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


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
        results = _run_together([attempt(first), attempt(second)])

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
        results = _run_together([attempt("one1"), attempt("two2")])

    assert sum(isinstance(r, CourtLogin) for r in results) == 1, results
    assert CourtLogin.objects.filter(linked_account=account).count() == 1
    assert FilingPrivilege.objects.filter(account=account).count() == 1
