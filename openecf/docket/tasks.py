"""The docket's background work: removing filing drafts that expired unfiled."""

from __future__ import annotations

from django_tasks import task

from openecf.core import clock
from openecf.docket import actions


@task()
def purge_expired_drafts() -> int:
    return actions.purge_expired_drafts(now=clock.now())
