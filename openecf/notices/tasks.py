"""Background entry points: the go-live reminders that are due, the daily summaries."""

from __future__ import annotations

from django_tasks import task

from openecf.notices import actions


@task()
def send_due_notices() -> int:
    """Enqueued by the worker every five minutes (or run by ``openecf notices send-due``)."""
    return len(actions.send_due_reminders())


@task()
def send_daily_summaries() -> int:
    """Enqueued by the worker every hour: yesterday's notices for those who chose a summary."""
    return actions.send_daily_summaries()
