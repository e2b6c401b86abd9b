"""Background entry points of the court side: attorney dues, once per cycle."""

from __future__ import annotations

from django_tasks import task

from openecf.ecf import actions


@task()
def record_annual_dues() -> int:
    """Enqueued by the worker daily: this cycle's dues for every attorney at every court that
    charges them (idempotent), and one reminder for dues unpaid for 30 days."""
    recorded = actions.record_dues_owed()
    return len(recorded) + actions.remind_unpaid_dues()
