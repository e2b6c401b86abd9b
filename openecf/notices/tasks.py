"""Background entry point: send the go-live reminders that are due."""

from __future__ import annotations

from django_tasks import task

from openecf.notices import actions


@task()
def send_due_notices() -> int:
    """Run by ``openecf notices send-due`` (cron) or enqueued by the worker; returns how many."""
    return len(actions.send_due_reminders())
