"""Background entry points for billing: the e-mails of a closed quarter's statements."""

from __future__ import annotations

from django_tasks import task

from openecf.billing import actions


@task()
def queue_quarter_letters() -> int:
    """Enqueued by each quarter's close, and by the worker every five minutes for statements a
    killed close or worker left without their e-mail (``actions.queue_quarter_letters``)."""
    return actions.queue_quarter_letters()
