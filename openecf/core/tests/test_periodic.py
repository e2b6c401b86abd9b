"""The worker's scheduler enqueues each periodic task when it is due, and only then."""

from datetime import UTC, datetime, timedelta

import pytest

from openecf.core import periodic

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_a_new_schedule_is_due_at_once_then_after_its_interval():
    plan = [
        periodic.Schedule("x.y", timedelta(minutes=5)),
        periodic.Schedule("x.z", timedelta(days=1)),
    ]
    assert [s.task_path for s in periodic.due(plan, NOW)] == ["x.y", "x.z"]
    plan[0].next_run = NOW + timedelta(minutes=5)
    plan[1].next_run = NOW + timedelta(days=1)
    assert periodic.due(plan, NOW + timedelta(minutes=4)) == []
    assert [s.task_path for s in periodic.due(plan, NOW + timedelta(minutes=5))] == ["x.y"]


def test_the_settings_schedule_the_outbox_sweep_the_go_live_reminders_and_the_daily_upkeep(
    settings,
):
    paths = [s.task_path for s in periodic.schedules()]
    assert paths == [
        "openecf.core.outbox.deliver_outbox",
        "openecf.notices.tasks.send_due_notices",
        "openecf.notices.tasks.send_daily_summaries",
        "openecf.accounts.tasks.purge_throttle_counts",
        "openecf.accounts.tasks.deactivate_unused_accounts",
        "openecf.payments.tasks.settle_pending_payments",
        "openecf.ecf.tasks.record_annual_dues",
        "openecf.documents.tasks.sweep_unreferenced_pdfs",
        "openecf.docket.tasks.purge_expired_drafts",
        "openecf.billing.tasks.queue_quarter_letters",
    ]


@pytest.mark.django_db
def test_due_tasks_are_enqueued_once_and_run(settings):
    settings.OPENECF_PERIODIC_TASKS = [("openecf.notices.tasks.send_due_notices", 300)]
    plan = periodic.schedules()
    assert periodic.enqueue_due(plan, NOW) == ["openecf.notices.tasks.send_due_notices"]
    assert plan[0].next_run == NOW + timedelta(seconds=300)
    assert periodic.enqueue_due(plan, NOW + timedelta(seconds=299)) == []
