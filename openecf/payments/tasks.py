"""Background entry points for payments."""

from __future__ import annotations

from django_tasks import task

from openecf.payments import actions


@task()
def settle_pending_payments() -> int:
    """Settle payments left pending by a process that stopped (the worker runs it every minute)."""
    return len(actions.settle_pending())
