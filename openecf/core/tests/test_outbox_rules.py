"""When the outbox tries again, and what a server's answer means (pure rules)."""

import smtplib
from datetime import timedelta

import pytest

from openecf.core.outbox_rules import Refusal, message_id, refusal, retry_delay


@pytest.mark.parametrize(
    ("attempts", "wait"),
    [(1, timedelta(minutes=1)), (2, timedelta(minutes=5)), (8, timedelta(hours=8)), (9, None)],
)
def test_each_failed_attempt_waits_longer_until_the_outbox_gives_up(attempts, wait):
    assert retry_delay(attempts) == wait


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            smtplib.SMTPRecipientsRefused({"a@x.org": (550, b"5.1.1 User unknown")}),
            Refusal(True, "550 5.1.1 User unknown"),
        ),
        (
            smtplib.SMTPRecipientsRefused({"a@x.org": (450, b"4.2.0 Mailbox busy")}),
            Refusal(False, "450 4.2.0 Mailbox busy"),
        ),
        (smtplib.SMTPDataError(554, b"Rejected"), Refusal(True, "554 Rejected")),
        (smtplib.SMTPDataError(451, b"Try later"), Refusal(False, "451 Try later")),
        (
            smtplib.SMTPServerDisconnected("gone"),
            Refusal(False, "mail server unreachable (SMTPServerDisconnected: gone)"),
        ),
        (ValueError("bad"), Refusal(True, "not a deliverable address (bad)")),
    ],
)
def test_a_5xx_or_a_bad_address_is_permanent_and_anything_else_is_retried(error, expected):
    assert refusal(error) == expected


def test_the_message_id_is_fixed_by_kind_and_key():
    one = message_id(kind="notices.nef", key="12\na@example.com", domain="ecf.example.org")
    assert one == message_id(kind="notices.nef", key="12\na@example.com", domain="ecf.example.org")
    assert one != message_id(kind="notices.nef", key="12\nb@example.com", domain="ecf.example.org")
    assert one.startswith("<notices-nef.") and one.endswith("@ecf.example.org>")
