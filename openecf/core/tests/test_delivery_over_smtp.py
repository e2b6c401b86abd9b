"""The outbox against a real SMTP server on loopback: what arrives, and what happens when the
server says "later" or "never"."""

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction

from openecf.core import delivery
from openecf.core.letters import Letter
from openecf.core.models import OutboundEmail
from openecf.core.outbox import queue_email, queue_letter
from openecf.tests_support.smtp import LoopbackSmtp

pytestmark = pytest.mark.django_db
NOW = "2026-11-30 22:00:00+00:00"


@pytest.fixture
def smtp(loopback_smtp):
    return loopback_smtp


def delivery_state(email: OutboundEmail) -> tuple[str, int, str]:
    """The e-mail's status, attempts and last error as stored now."""
    email.refresh_from_db()
    return (email.status, email.attempts, email.last_error)


def queue(*addresses, capture, **letter):
    with capture(execute=True), transaction.atomic():
        return queue_letter(
            Letter(**{"subject": "Hello", "text": "Body", **letter}),
            to=list(addresses),
            kind="test",
            from_email="mowd_ECF@example.org",
            key="k",
        )


@time_machine.travel(NOW, tick=False)
def test_the_server_gets_one_multipart_message_per_recipient_exactly_as_queued(
    smtp, django_capture_on_commit_callbacks
):
    queued = queue(
        "b@example.com",
        "a@example.com",
        capture=django_capture_on_commit_callbacks,
        subject="Activity in Case 4:18-cv-00123-BCW Acme v. Globex Motion",
        text="Plain text\n",
        html="<p>HTML</p>\n",
    )
    received = smtp.received
    assert [(r.mail_from, r.rcpt_tos) for r in received] == [
        ("mowd_ECF@example.org", ("a@example.com",)),
        ("mowd_ECF@example.org", ("b@example.com",)),
    ]
    first = received[0].message
    assert {key: first[key] for key in ("From", "To", "Subject", "Date", "Message-ID")} == {
        "From": "mowd_ECF@example.org",
        "To": "a@example.com",
        "Subject": "Activity in Case 4:18-cv-00123-BCW Acme v. Globex Motion",
        "Date": "Mon, 30 Nov 2026 22:00:00 +0000",
        "Message-ID": queued[0].message_id,
    }
    assert first.get_content_type() == "multipart/alternative"
    assert [(p.get_content_type(), p.get_content()) for p in first.iter_parts()] == [
        ("text/plain", "Plain text\r\n"),  # SMTP carries lines ending in CRLF
        ("text/html", "<p>HTML</p>\r\n"),
    ]
    assert queued[0].message_id != queued[1].message_id
    assert set(OutboundEmail.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_a_resend_is_the_same_bytes_as_the_first_send(smtp, django_capture_on_commit_callbacks):
    [email] = queue("a@example.com", capture=django_capture_on_commit_callbacks, html="<p>x</p>")
    email.refresh_from_db()
    again = delivery.as_message(email).message().as_bytes()
    assert again == delivery.as_message(email).message().as_bytes()
    assert smtp.received[0].content.replace(b"\r\n", b"\n") == again.replace(b"\r\n", b"\n")


def test_a_server_that_says_later_gets_the_message_again_after_the_backoff(
    smtp, django_capture_on_commit_callbacks
):
    smtp.fail_next(1)
    with time_machine.travel(NOW, tick=False):
        later, sent = queue(
            "a@example.com", "b@example.com", capture=django_capture_on_commit_callbacks
        )
    assert delivery_state(later) == (
        "failed",
        1,
        "451 4.3.0 Mail server temporarily rejected message",
    )
    assert [r.rcpt_tos for r in smtp.received] == [("b@example.com",)]
    with time_machine.travel("2026-11-30 22:00:59+00:00", tick=False):
        assert delivery.deliver_due().sent == 0  # not due before its minute is up
    with time_machine.travel("2026-11-30 22:01:00+00:00", tick=False):
        assert delivery.deliver_due().sent == 1
    assert delivery_state(later) == ("sent", 2, "")
    assert sorted(r.rcpt_tos for r in smtp.received) == [("a@example.com",), ("b@example.com",)]
    assert len({r.message_id for r in smtp.received}) == 2


def test_a_recipient_the_server_refuses_is_undeliverable_and_never_retried(
    smtp, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        gone, kept = queue(
            "gone@example.net", "kept@example.com", capture=django_capture_on_commit_callbacks
        )
    assert delivery_state(gone) == (
        "undeliverable",
        1,
        "550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown",
    )
    with time_machine.travel(NOW) as clock:
        clock.shift(timedelta(days=2))
        assert delivery.deliver_due().sent == 0
    assert [r.rcpt_tos for r in smtp.received] == [("kept@example.com",)]


def test_an_unreachable_server_is_retried_until_the_last_backoff_then_given_up(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", LoopbackSmtp().port  # nobody there
    with time_machine.travel(NOW) as clock:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            [email] = queue_email(to=["a@example.com"], subject="S", text="T", kind="test")
        for _ in range(8):
            clock.shift(timedelta(hours=8))
            delivery.deliver_due()
    status, attempts, last_error = delivery_state(email)
    assert (status, attempts) == ("undeliverable", 9)
    assert last_error.startswith("gave up: mail server unreachable (ConnectionRefusedError")


def test_rows_a_dead_worker_held_are_sent_when_its_lease_runs_out(
    smtp, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
            [email] = queue_email(to=["a@example.com"], subject="S", text="T", kind="test")
        assert [e.pk for e in delivery.claim_due(limit=10, now=delivery.clock.now())] == [
            email.pk
        ]  # ... and the worker holding it dies
        assert delivery.deliver_due().sent == 0
    with time_machine.travel("2026-11-30 22:05:00+00:00", tick=False):
        assert delivery.deliver_due().sent == 1
    assert [r.message_id for r in smtp.received] == [email.message_id]


def test_every_copy_of_one_letter_is_exactly_what_a_full_build_gives(
    django_capture_on_commit_callbacks,
):
    long_address = "a-very-long-mailbox-name-that-needs-folding-somewhere@example.com"
    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        rows = queue_letter(
            Letter("Activity in Case 4:18-cv-00123-BCW Acme v. Globex Motion", "T\n", "<p>H</p>"),
            to=["a@example.com", "b@example.org", long_address],
            kind="notices.nef",
        )
    wire = delivery.WireBytes()
    for row in rows:
        assert wire.of(row) == delivery.as_message(row).message().as_bytes(linesep="\r\n")
    assert len(wire.templates) == 1  # one MIME body for the short addresses
