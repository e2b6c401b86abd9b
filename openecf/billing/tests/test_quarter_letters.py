"""The worker's step after a close: exactly one e-mail per statement, whatever happens."""

from __future__ import annotations

import pytest
from django_tasks import default_task_backend

from openecf.billing import actions
from openecf.billing.actions import quarter_letters
from openecf.billing.models import QuarterStatement
from openecf.billing.tests.conftest import AFTER_Q3, run_up
from openecf.core.models import OutboundEmail
from openecf.tests_support.factories import AccountFactory

QUEUED_NOT_RUN = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def closed(mowd, in_q3, settings):
    """Five accounts' 2026Q3 closed, the close's task queued but not run yet."""
    people = [AccountFactory(email=f"person{n}@example.com") for n in range(5)]
    for n, person in enumerate(people):
        run_up(person, 10 + 10 * n)  # $10 to $50: three waived statements, two invoices
    settings.TASKS = QUEUED_NOT_RUN
    in_q3.move_to(AFTER_Q3)
    actions.close_quarter(quarter="2026Q3")
    return people


def letters():
    return sorted(OutboundEmail.objects.values_list("account_id", "kind", "subject"))


def test_the_close_queues_no_letter_itself_and_enqueues_the_worker_once(closed):
    assert [r.task.name for r in default_task_backend.results] == ["queue_quarter_letters"]
    assert not OutboundEmail.objects.exists()
    assert QuarterStatement.objects.filter(letter_queued_at__isnull=True).count() == 5

    assert actions.close_quarter(quarter="2026Q3").statements == 0
    assert len(default_task_backend.results) == 1  # nothing closed: nothing to enqueue


def test_each_statement_gets_one_letter_however_often_the_worker_runs(closed):
    assert actions.queue_quarter_letters(batch=2) == 5
    assert letters() == sorted([
        (closed[0].pk, "billing.statement", "PACER statement of account for 2026Q3: nothing owed"),
        (closed[1].pk, "billing.statement", "PACER statement of account for 2026Q3: nothing owed"),
        (closed[2].pk, "billing.statement", "PACER statement of account for 2026Q3: nothing owed"),
        (closed[3].pk, "billing.invoice", "PACER invoice for 2026Q3: $40.00 due by November 1, 2026"),
        (closed[4].pk, "billing.invoice", "PACER invoice for 2026Q3: $50.00 due by November 1, 2026"),
    ])  # fmt: skip
    assert not QuarterStatement.objects.filter(letter_queued_at__isnull=True).exists()
    sent = letters()

    assert actions.queue_quarter_letters() == 0  # the task delivered twice
    assert letters() == sent


def test_a_worker_that_dies_mid_batch_leaves_the_whole_batch_for_the_next_run(closed, monkeypatch):
    real_queue = quarter_letters.queue_letters
    calls = []

    def queue_then_die(letters_to):
        calls.append(len(letters_to))
        real_queue(letters_to)  # the outbox rows are written, then the worker dies
        if len(calls) == 2:
            raise SystemExit("killed")

    monkeypatch.setattr(quarter_letters, "queue_letters", queue_then_die)
    with pytest.raises(SystemExit):
        actions.queue_quarter_letters(batch=2)
    assert OutboundEmail.objects.count() == 2  # the first batch only
    marked = QuarterStatement.objects.filter(letter_queued_at__isnull=False)
    assert sorted(marked.values_list("account_id", flat=True)) == [p.pk for p in closed[:2]]

    monkeypatch.setattr(quarter_letters, "queue_letters", real_queue)
    assert actions.queue_quarter_letters(batch=2) == 3
    assert sorted(OutboundEmail.objects.values_list("account_id", flat=True)) == sorted(
        p.pk for p in closed
    )


def test_an_account_without_an_address_gets_no_letter_and_is_not_taken_again(closed):
    type(closed[0]).objects.filter(pk=closed[0].pk).update(email="")
    assert actions.queue_quarter_letters() == 4
    assert closed[0].pk not in {account_id for account_id, _, _ in letters()}
    assert not QuarterStatement.objects.filter(letter_queued_at__isnull=True).exists()
    assert actions.queue_quarter_letters() == 0
