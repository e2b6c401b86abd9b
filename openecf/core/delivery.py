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
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q

from openecf.core import clock, outbox_rules
from openecf.core.models import OutboundBody, OutboundEmail

BATCH_SIZE = 50
Status = OutboundEmail.Status


@dataclass
class DeliveryCounts:
    sent: int = 0
    retrying: int = 0
    undeliverable: int = 0


class _SameBytesEveryTime(EmailMultiAlternatives):
    """Its MIME boundary comes from the content (sender, subject, text, HTML) instead of
    chance: a resend is the same bytes as the first send, and every recipient's copy of one
    notice has the same body."""

    def message(self):  # type: ignore[no-untyped-def]
        message = super().message()
        if message.is_multipart():
            html = "".join(str(content) for content, _ in self.alternatives)
            content = "\n".join([self.from_email, self.subject, self.body, html])
            digest = hashlib.sha256(content.encode()).hexdigest()
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


class WireBytes:
    """The bytes each e-mail goes out as, built once per distinct letter: a notice to 200
    people is one MIME body and 200 header blocks that differ in To, Date and Message-ID.
    Any value that would need encoding or folding takes the full build instead, so the
    bytes are always exactly ``as_message(email).message().as_bytes()``."""

    VARYING = ("To", "Date", "Message-ID")

    def __init__(self) -> None:
        self.templates: dict[tuple[str, str, str], tuple[list[tuple[str, bytes]], bytes]] = {}

    def of(self, email: OutboundEmail) -> bytes:
        values = {
            "To": email.to[0],
            "Date": format_datetime(email.created_at),
            "Message-ID": email.message_id,
        }
        simple = all(
            value.isascii() and len(name) + len(value) < 76 and "\n" not in value
            for name, value in values.items()
        )
        key = (email.from_email, email.subject, email.body_id)
        template = self.templates.get(key) if simple else None
        if template is None:
            built = as_message(email).message().as_bytes(linesep="\r\n")
            if simple:
                self.templates[key] = _header_lines_and_body(built)
            return built
        headers, body = template
        return (
            b"".join(
                f"{name}: {values[name]}\r\n".encode() if name in values else raw
                for name, raw in headers
            )
            + body
        )


def _header_lines_and_body(message: bytes) -> tuple[list[tuple[str, bytes]], bytes]:
    """(name, raw bytes) of each top-level header, folded lines kept whole, and the rest."""
    end = message.index(b"\r\n\r\n") + 2
    headers: list[tuple[str, bytes]] = []
    for line in message[:end].splitlines(keepends=True):
        if line[:1] in (b" ", b"\t") and headers:
            name, raw = headers[-1]
            headers[-1] = (name, raw + line)
        else:
            headers.append((line.split(b":", 1)[0].decode(), line))
    return headers, message[end:]


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
    until = now + lease
    with transaction.atomic():  # read and claim in one transaction: two statements
        claimed = list(rows.order_by("next_attempt_at", "pk")[:limit])
        if claimed:
            OutboundEmail.objects.filter(pk__in=[e.pk for e in claimed]).update(
                status=Status.SENDING, lease_until=until
            )
    bodies = OutboundBody.objects.in_bulk({e.body_id for e in claimed})  # one per letter
    for email in claimed:
        email.status, email.lease_until = Status.SENDING, until
        email.body = bodies[email.body_id]
    return claimed


def send_batch(batch: list[OutboundEmail], counts: DeliveryCounts) -> None:
    """Send ``batch`` over one connection, recording each answer as it comes."""
    connection = get_connection(fail_silently=False)
    wire = WireBytes()
    try:
        connection.open()
    except Exception as error:  # the server cannot be reached: the whole batch waits
        for email in batch:
            _record_refusal(email, error, counts)
        return
    marks = db_connection.cursor()  # one cursor for the batch's "sent" marks
    try:
        for position, email in enumerate(batch):
            try:
                _send(connection, email, wire)
            except Exception as error:
                _record_refusal(email, error, counts)
                if not outbox_rules.refusal(error).permanent and not _reopen(connection):
                    for waiting in batch[position + 1 :]:
                        _record_refusal(waiting, error, counts)
                    return
                continue
            _mark_sent(marks, email)
            counts.sent += 1
    finally:
        marks.close()
        connection.close()


def _send(connection, email: OutboundEmail, wire: WireBytes) -> None:
    """Over SMTP, the prepared bytes straight to the server (as Django's backend would send
    them); any other backend (files, memory) gets the message object."""
    if isinstance(connection, SmtpBackend) and connection.connection is not None:
        connection.connection.sendmail(
            _envelope(email.from_email), [_envelope(a) for a in email.to], wire.of(email)
        )
        return
    connection.send_messages([as_message(email, connection)])


_MARK_SENT = (
    "UPDATE core_outboundemail SET status = %s, sent_at = %s, attempts = %s, "
    "lease_until = NULL, next_attempt_at = NULL, last_error = '' WHERE id = %s"
)


def _mark_sent(cursor, email: OutboundEmail) -> None:  # type: ignore[no-untyped-def]
    """Record the server's yes at once, in its own commit (autocommit: the statement is the
    transaction): one narrow row, one statement per e-mail, the batch's cursor."""
    sent_at = db_connection.ops.adapt_datetimefield_value(clock.now())
    cursor.execute(_MARK_SENT, ["sent", sent_at, email.attempts + 1, email.pk])


def _envelope(address: str) -> str:
    """An address as the SMTP envelope needs it (an ASCII one as it is: smtplib quotes it)."""
    return address if address.isascii() else sanitize_address(address, settings.DEFAULT_CHARSET)


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
