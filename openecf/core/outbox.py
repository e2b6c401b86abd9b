"""Outgoing e-mail for every app: queued inside the action's transaction, sent after commit.

``queue_email`` writes an ``OutboundEmail`` row in the caller's transaction and, once that
transaction commits, enqueues the ``deliver_email`` task for the worker. Nothing is sent if
the action rolls back, and no SMTP I/O ever happens inside a transaction.

Tests: wrap the request in ``django_capture_on_commit_callbacks(execute=True)`` and read
``django.core.mail.outbox`` (tasks run immediately under test).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task

from openecf.core import clock
from openecf.core.letters import Letter
from openecf.core.models import OutboundEmail


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
) -> OutboundEmail:
    recipients = sorted({address.strip() for address in to if address and address.strip()})
    if not recipients:
        raise ValueError("queue_email needs at least one recipient")
    email = OutboundEmail.objects.create(
        created_at=clock.now(),
        to=recipients,
        subject=subject.replace("\n", " ")[:250],
        body_text=text,
        body_html=html,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        kind=kind,
        court_id=court_id,
        account_id=account_id,
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


def queue_letter(
    letter: Letter,
    *,
    to: Sequence[str],
    kind: str,
    court_id: str = "",
    account_id: int | None = None,
) -> OutboundEmail:
    """Queue a letter from an app's ``letters.py`` (see ``queue_email``)."""
    return queue_email(
        to=to,
        subject=letter.subject,
        text=letter.text,
        kind=kind,
        court_id=court_id,
        account_id=account_id,
    )


@task()
def deliver_email(email_id: int) -> str:
    """Send one queued e-mail; safe to run twice (a sent e-mail is not sent again)."""
    email = OutboundEmail.objects.get(pk=email_id)
    if email.status == OutboundEmail.Status.SENT:
        return "already sent"
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body_text, from_email=email.from_email, to=list(email.to)
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:  # the SMTP server said no or was unreachable: keep it queued
        OutboundEmail.objects.filter(pk=email.pk).update(
            attempts=email.attempts + 1,
            last_error=str(error)[:500],
            status=OutboundEmail.Status.FAILED,
        )
        raise
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENT,
        sent_at=clock.now(),
        attempts=email.attempts + 1,
        last_error="",
    )
    return "sent"
