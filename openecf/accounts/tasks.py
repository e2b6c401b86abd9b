"""Background entry points for PACER accounts."""

from __future__ import annotations

from django_tasks import task

from openecf.accounts import actions


@task()
def deactivate_unused_accounts() -> int:
    """Make accounts unused for more than 2 years inactive (run daily)."""
    return actions.deactivate_unused_accounts()


@task()
def purge_throttle_counts() -> int:
    """Forget stale throttle counts of every app (the worker enqueues it daily)."""
    return actions.purge_throttle_counts()
