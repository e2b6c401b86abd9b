"""E-mail is queued in the action's transaction and sent only after it commits."""

import email
import hashlib

import pytest
from django.core import mail
from django.db import transaction

from openecf.core.mail import EmlFileBackend
from openecf.core.models import OutboundBody, OutboundEmail
from openecf.core.outbox import queue_email


@pytest.mark.django_db
def test_queued_email_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        [queued] = queue_email(
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


@pytest.mark.django_db
def test_each_address_gets_its_own_email_and_sees_no_other_address(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_email(to=["b@example.com", "a@example.com"], subject="S", text="T", kind="test")
    assert sorted(m.to for m in mail.outbox) == [["a@example.com"], ["b@example.com"]]
    assert all(m.cc == [] and m.bcc == [] for m in mail.outbox)


@pytest.mark.django_db
def test_queueing_the_same_key_twice_keeps_one_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        [first] = queue_email(to=["a@example.com"], subject="S", text="T", kind="nef", key="7")
        [again] = queue_email(to=["a@example.com"], subject="S", text="T", kind="nef", key="7")
        [other] = queue_email(to=["b@example.com"], subject="S", text="T", kind="nef", key="7")
    assert first.pk == again.pk != other.pk
    assert first.message_id != other.message_id
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_one_transaction_starts_one_delivery(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for n in range(5):
            queue_email(to=[f"p{n}@example.com"], subject="S", text="T", kind="test")
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_a_malformed_address_is_undeliverable_at_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        [bad] = queue_email(to=["not an address"], subject="S", text="T", kind="test")
    bad.refresh_from_db()
    assert (bad.status, bad.last_error) == (
        "undeliverable",
        "'not an address' is not an e-mail address",
    )
    assert mail.outbox == []


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


def test_eml_backend_rewrites_the_same_email_instead_of_adding_a_second(tmp_path):
    headers = {"Message-ID": "<nef.1@example.org>", "Date": "Mon, 30 Nov 2026 22:00:00 +0000"}
    backend = EmlFileBackend(file_path=str(tmp_path))
    for _ in range(2):
        backend.send_messages(
            [mail.EmailMessage("S", "T", "from@example.org", ["to@example.org"], headers=headers)]
        )
    assert [p.name for p in tmp_path.iterdir()] == [f"20261130T220000-{NAME}.eml"]


NAME = hashlib.sha256(b"<nef.1@example.org>").hexdigest()[:16]


@pytest.mark.django_db
def test_a_letters_content_is_kept_once_for_all_its_copies(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        copies = queue_email(
            to=["a@example.com", "b@example.com", "c@example.com"],
            subject="Notice",
            text="The text.",
            html="<p>The text.</p>",
            kind="nef",
            key="1",
        )
        again = queue_email(
            to=["d@example.com"],
            subject="Notice",
            text="The text.",
            html="<p>The text.</p>",
            kind="nef",
            key="2",
        )
        other = queue_email(to=["a@example.com"], subject="Other", text="Other.", kind="x")
    assert OutboundBody.objects.count() == 2
    [shared] = {e.body_id for e in copies + again}
    assert other[0].body_id != shared
    sent = {m.to[0]: m for m in mail.outbox if m.subject == "Notice"}
    assert sorted(sent) == ["a@example.com", "b@example.com", "c@example.com", "d@example.com"]
    assert all(
        (m.body, m.alternatives[0][0]) == ("The text.", "<p>The text.</p>") for m in sent.values()
    )
    assert OutboundEmail.objects.get(to=["b@example.com"]).body_html == "<p>The text.</p>"
