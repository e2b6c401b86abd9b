"""Background entry point: send the go-live reminders that are due."""

from __future__ import annotations

from django_tasks import task

from openecf.notices import actions


@task()
def send_due_notices() -> int:
    """Enqueued by the worker every five minutes (or run by ``openecf notices send-due``)."""
    return len(actions.send_due_reminders())
