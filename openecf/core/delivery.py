"""Sending the outbox: claim due e-mails for a lease, send them over one connection, record
each outcome as soon as the server answers.

The guarantees (docs/notices.md, "Delivery"):

- nothing queued is lost: a row stays queued or failed until a server accepted it, and a
  row a killed worker was holding ("sending") is taken up again when its lease runs out;
- nothing is sent twice: each row is marked sent, in its own commit, right after the server
  accepts it, so a restarted worker resends at most the one message that was in flight when
  the old one died, and that message is the same e-mail (same Message-ID, same Date, same
  bytes), which mail systems keep once;
- a temporary refusal (4xx, lost connection) is retried with backoff
  (``outbox_rules.RETRY_MINUTES``); a permanent one (5xx for the recipient, a bad address,
  the last retry failed) marks the row undeliverable with the server's words, for the
  clerk's list and the sender's receipt.

Each row has one recipient. Works with any Django mail backend: SMTP in production
(``EMAIL_URL``), ``.eml`` files by default, the in-memory one in tests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q

from openecf.core import clock, outbox_rules
from openecf.core.models import OutboundEmail

BATCH_SIZE = 50
Status = OutboundEmail.Status


@dataclass
class DeliveryCounts:
    sent: int = 0
    retrying: int = 0
    undeliverable: int = 0


class _SameBytesEveryTime(EmailMultiAlternatives):
    """Its MIME boundary comes from the Message-ID instead of chance, so a resend is the
    same bytes as the first send."""

    def message(self):  # type: ignore[no-untyped-def]
        message = super().message()
        if message.is_multipart():
            digest = hashlib.sha256(str(self.extra_headers["Message-ID"]).encode()).hexdigest()
            message.set_boundary(f"==openecf-{digest[:24]}==")
        return message


def as_message(email: OutboundEmail, connection=None) -> EmailMultiAlternatives:
    """The e-mail exactly as sent, every time: its Date, Message-ID and MIME boundary come
    from the row."""
    message = _SameBytesEveryTime(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=list(email.to),
        headers={"Message-ID": email.message_id, "Date": format_datetime(email.created_at)},
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def deliver_due(*, batch_size: int = BATCH_SIZE, ids: list[int] | None = None) -> DeliveryCounts:
    """Send every e-mail that is due now (only ``ids``, when given), batch by batch, until
    none is left."""
    counts = DeliveryCounts()
    while batch := claim_due(limit=batch_size, now=clock.now(), ids=ids):
        send_batch(batch, counts)
    return counts


def claim_due(*, limit: int, now: datetime, ids: list[int] | None = None) -> list[OutboundEmail]:
    """Take up to ``limit`` due rows for this worker until the lease ends (locked rows that
    another worker is claiming are skipped on PostgreSQL; SQLite claims one at a time)."""
    lease = timedelta(seconds=settings.OPENECF_OUTBOX_LEASE_SECONDS)
    due = Q(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now) | Q(
        status=Status.SENDING, lease_until__lte=now
    )
    rows = OutboundEmail.objects.select_for_update(skip_locked=True).filter(due)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    with transaction.atomic():
        claimed = list(rows.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
        OutboundEmail.objects.filter(pk__in=claimed).update(
            status=Status.SENDING, lease_until=now + lease
        )
    return list(OutboundEmail.objects.filter(pk__in=claimed).order_by("next_attempt_at", "pk"))


def send_batch(batch: list[OutboundEmail], counts: DeliveryCounts) -> None:
    """Send ``batch`` over one connection, recording each answer as it comes."""
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # the server cannot be reached: the whole batch waits
        for email in batch:
            _record_refusal(email, error, counts)
        return
    try:
        for position, email in enumerate(batch):
            try:
                connection.send_messages([as_message(email, connection)])
            except Exception as error:
                _record_refusal(email, error, counts)
                if not outbox_rules.refusal(error).permanent and not _reopen(connection):
                    for waiting in batch[position + 1 :]:
                        _record_refusal(waiting, error, counts)
                    return
                continue
            OutboundEmail.objects.filter(pk=email.pk).update(
                status=Status.SENT,
                sent_at=clock.now(),
                attempts=email.attempts + 1,
                lease_until=None,
                next_attempt_at=None,
                last_error="",
            )
            counts.sent += 1
    finally:
        connection.close()


def _reopen(connection) -> bool:
    """After a temporary failure the connection may be gone: start a fresh one."""
    try:
        connection.close()
        connection.open()
    except Exception:
        return False
    return True


def _record_refusal(email: OutboundEmail, error: BaseException, counts: DeliveryCounts) -> None:
    attempts = email.attempts + 1
    refused = outbox_rules.refusal(error)
    delay = None if refused.permanent else outbox_rules.retry_delay(attempts)
    if delay is None:
        reason = refused.reason if refused.permanent else f"gave up: {refused.reason}"
        OutboundEmail.objects.filter(pk=email.pk).update(
            status=Status.UNDELIVERABLE,
            attempts=attempts,
            lease_until=None,
            next_attempt_at=None,
            last_error=reason[:500],
        )
        counts.undeliverable += 1
        return
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=Status.FAILED,
        attempts=attempts,
        lease_until=None,
        next_attempt_at=clock.now() + delay,
        last_error=refused.reason,
    )
    counts.retrying += 1
