"""The e-mail of each invoice and statement a quarter's close issued, queued by the worker.

The close commits its statements with ``letter_queued_at`` empty and enqueues
``billing.tasks.queue_quarter_letters`` (the worker also runs it every few minutes). Here the
statements still to e-mail are taken ``batch`` at a time, in id order; each batch renders its
letters, queues them in the outbox and marks its statements, all in one transaction. So every
statement gets exactly one e-mail: a worker killed mid-batch leaves the whole batch for the next
run, and a task that runs twice, or two workers at once, find nothing left to take (PostgreSQL
skips the rows another worker holds; SQLite has one writer at a time).
"""

from __future__ import annotations

from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.billing import letters
from openecf.billing.models import QuarterStatement
from openecf.core import clock
from openecf.core.links import absolute
from openecf.core.outbox import LetterTo, queue_letters
from openecf.core.transactions import durable_action

LETTER_BATCH = 500


def queue_quarter_letters(*, batch: int = LETTER_BATCH) -> int:
    """Queue the e-mail of every statement whose letter is not queued yet; how many went to
    the outbox (an account without an address gets none, and its statement is marked too)."""
    queued = 0
    while (done := _queue_batch(batch)) is not None:
        queued += done
    return queued


def _queue_batch(batch: int) -> int | None:
    """One batch's letters queued and its statements marked; None when nothing is left."""
    with durable_action():
        statements = list(
            QuarterStatement.objects.select_for_update(skip_locked=True)
            .filter(letter_queued_at__isnull=True)
            .order_by("pk")[:batch]
        )
        if not statements:
            return None
        people = accounts.people(account_ids=[s.account_id for s in statements])
        # One reverse() for the batch: the invoice page's address with the id put in.
        link = absolute(reverse("billing:statement", args=[0]))
        letters_to = []
        for statement in statements:
            person = people.get(statement.account_id)
            if person is None or not person.email:
                continue
            letter = letters.quarter_letter(
                kind=statement.kind,
                name=person.full_name or person.username,
                account_number=person.account_number,
                quarter=statement.quarter,
                balance=statement.balance,
                waived=statement.waived,
                due_on=statement.due_on,
                url=link.replace("/0/", f"/{statement.pk}/"),
            )
            letters_to.append(
                LetterTo(letter, person.email, f"billing.{statement.kind}", account_id=person.id)
            )
        queue_letters(letters_to)
        QuarterStatement.objects.filter(pk__in=[s.pk for s in statements]).update(
            letter_queued_at=clock.now()
        )
    return len(letters_to)
