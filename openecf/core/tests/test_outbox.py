"""E-mail is queued in the action's transaction and sent only after it commits."""

import email

import pytest
from django.core import mail
from django.db import transaction

from openecf.core.mail import EmlFileBackend
from openecf.core.models import OutboundEmail
from openecf.core.outbox import queue_email


@pytest.mark.django_db
def test_queued_email_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queued = queue_email(
            to=["a@example.com", "a@example.com "], subject="Hello", text="Body", kind="test"
        )
        assert mail.outbox == []
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["a@example.com"], "Hello", "Body")
    ]
    queued.refresh_from_db()
    assert queued.status == "sent" and queued.attempts == 1


@pytest.mark.django_db
def test_nothing_is_sent_when_the_action_rolls_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ZeroDivisionError),
        transaction.atomic(),
    ):
        queue_email(to=["a@example.com"], subject="Hello", text="Body", kind="test")
        1 / 0  # noqa: B018
    assert mail.outbox == []
    assert OutboundEmail.objects.count() == 0


@pytest.mark.django_db
def test_an_email_needs_a_recipient():
    with pytest.raises(ValueError, match="at least one recipient"):
        queue_email(to=[" "], subject="x", text="y", kind="test")


def test_eml_backend_writes_one_readable_file_per_message(tmp_path):
    message = mail.EmailMessage("Subject line", "Text body", "from@example.org", ["to@example.org"])
    assert EmlFileBackend(file_path=str(tmp_path)).send_messages([message]) == 1
    [written] = list(tmp_path.glob("*.eml"))
    parsed = email.message_from_bytes(written.read_bytes())
    assert (parsed["Subject"], parsed["To"], parsed.get_payload().strip()) == (
        "Subject line",
        "to@example.org",
        "Text body",
    )
