"""Outgoing e-mail for every app: queued inside the action's transaction, sent after commit.

``queue_email`` writes one ``OutboundEmail`` row per address in the caller's transaction
(with its Message-ID fixed there) and, once that transaction commits, enqueues one
``deliver_outbox`` task for the worker (``core.delivery`` sends every due row over one SMTP
connection). Nothing is sent if the action rolls back, and no SMTP I/O ever happens inside a
transaction. The scheduler also enqueues ``deliver_outbox`` every minute, for retries and for
rows a killed worker left behind.

Tests: wrap the request in ``django_capture_on_commit_callbacks(execute=True)`` and read
``django.core.mail.outbox`` (tasks run immediately under test).
"""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import parseaddr
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django_tasks import task

from openecf.core import clock, outbox_rules, tokens
from openecf.core.letters import Letter
from openecf.core.models import OutboundBody, OutboundEmail


def queue_email(
    *,
    to: Sequence[str],
    subject: str,
    text: str,
    html: str = "",
    kind: str,
    court_id: str = "",
    from_email: str = "",
    account_id: int | None = None,
    key: str = "",
) -> list[OutboundEmail]:
    """One e-mail per distinct address in ``to`` (no address is shown to another).

    ``key`` names what the e-mail is about (a notice's id): with it, the Message-ID of each
    address's e-mail is fixed by ``(kind, key, address)`` and queueing it again returns the
    row already queued instead of a second e-mail. A malformed address is recorded as
    undeliverable at once, so its sender can be told to serve by other means.
    """
    recipients = sorted({address.strip() for address in to if address and address.strip()})
    if not recipients:
        raise ValueError("queue_email needs at least one recipient")
    now = clock.now()
    domain = _message_id_domain()
    ids = {
        address: outbox_rules.message_id(
            kind=kind, key=f"{key}\n{address}" if key else tokens.new_token(), domain=domain
        )
        for address in recipients
    }
    body = OutboundBody(digest=outbox_rules.body_digest(text, html), text=text, html=html)
    existing = (
        {e.message_id: e for e in OutboundEmail.objects.filter(message_id__in=ids.values())}
        if key
        else {}
    )
    new = [
        _row(address, subject=subject, body=body, from_email=from_email, kind=kind,
             court_id=court_id, account_id=account_id, message_id=ids[address], now=now)
        for address in recipients
        if ids[address] not in existing
    ]  # fmt: skip
    if new:  # the letter's content once, however many copies (and however often queued)
        OutboundBody.objects.bulk_create([body], ignore_conflicts=True)
    created = {e.message_id: e for e in OutboundEmail.objects.bulk_create(new)}
    queued = [existing.get(ids[a]) or created[ids[a]] for a in recipients]
    deliver_after_commit([email.pk for email in queued])
    return queued


def _message_id_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "openecf"


def _row(address: str, *, subject: str, body: OutboundBody, from_email: str, kind: str,
         court_id: str, account_id: int | None, message_id: str, now) -> OutboundEmail:  # fmt: skip
    """One address's e-mail row; a malformed address is undeliverable at once."""
    problem = outbox_rules.address_problem(address)
    return OutboundEmail(
        created_at=now,
        to=[address],
        subject=subject.replace("\n", " ")[:250],
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        kind=kind,
        court_id=court_id,
        account_id=account_id,
        message_id=message_id,
        status=OutboundEmail.Status.UNDELIVERABLE if problem else OutboundEmail.Status.QUEUED,
        next_attempt_at=None if problem else now,
        last_error=problem,
    )


class LetterTo(NamedTuple):
    """One letter for one address (``queue_letters``)."""

    letter: Letter
    address: str
    kind: str
    account_id: int | None = None


def queue_letters(letters: Sequence[LetterTo]) -> list[OutboundEmail]:
    """Many letters, one address each, in two inserts (a quarter's invoices): the same rows
    ``queue_letter`` writes one by one, and one delivery when the transaction commits."""
    now = clock.now()
    domain = _message_id_domain()
    bodies: dict[str, OutboundBody] = {}
    rows = []
    for item in letters:
        digest = outbox_rules.body_digest(item.letter.text, item.letter.html)
        body = bodies.setdefault(
            digest, OutboundBody(digest=digest, text=item.letter.text, html=item.letter.html)
        )
        message_id = outbox_rules.message_id(kind=item.kind, key=tokens.new_token(), domain=domain)
        rows.append(
            _row(
                item.address.strip(),
                subject=item.letter.subject,
                body=body,
                from_email="",
                kind=item.kind,
                court_id="",
                account_id=item.account_id,
                message_id=message_id,
                now=now,
            )  # fmt: skip
        )
    if not rows:
        return []
    OutboundBody.objects.bulk_create(list(bodies.values()), ignore_conflicts=True)
    created = OutboundEmail.objects.bulk_create(rows)
    deliver_after_commit([email.pk for email in created])
    return created


def queue_letter(
    letter: Letter,
    *,
    to: Sequence[str],
    kind: str,
    court_id: str = "",
    account_id: int | None = None,
    from_email: str = "",
    key: str = "",
) -> list[OutboundEmail]:
    """Queue a letter from an app's ``letters.py`` (see ``queue_email``)."""
    return queue_email(
        to=to,
        subject=letter.subject,
        text=letter.text,
        html=letter.html,
        kind=kind,
        court_id=court_id,
        account_id=account_id,
        from_email=from_email,
        key=key,
    )


def deliver_after_commit(ids: Sequence[int] = ()) -> None:
    """Enqueue one ``deliver_outbox`` for the e-mails ``ids`` when the current transaction
    commits (at once outside one): a filing that queues 200 notices starts one delivery, not
    200. Rows queued earlier and not sent are the periodic sweep's."""
    connection = transaction.get_connection()
    active = set(connection.savepoint_ids)
    for savepoints, callback, _ in connection.run_on_commit:
        if isinstance(callback, _Delivery) and set(savepoints) <= active:
            callback.ids.extend(ids)  # already registered in this transaction
            return
    transaction.on_commit(_Delivery(list(ids)))


class _Delivery:
    """The after-commit callback of one transaction: the e-mails it queued."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __call__(self) -> None:
        deliver_outbox.enqueue(ids=self.ids)


@task()
def deliver_outbox(ids: list[int] | None = None) -> int:
    """Send the due e-mails ``ids`` (all due e-mails without ids: the periodic sweep); see
    ``core.delivery``. Safe to run from several workers."""
    from openecf.core import delivery

    return delivery.deliver_due(ids=ids).sent
