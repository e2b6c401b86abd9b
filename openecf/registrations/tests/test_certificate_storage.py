"""Certificates of good standing are written outside the transaction and never left behind."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from openecf.core.models import AuditEvent
from openecf.registrations import actions
from openecf.registrations.models import RegistrationRequest
from openecf.registrations.tests.factories import RegistrationRequestFactory, submit_request

pytestmark = pytest.mark.django_db


class AuditDown(Exception):
    pass


def files_in(store) -> list[str]:
    return sorted(str(p.relative_to(store)) for p in store.rglob("*") if p.is_file())


@pytest.fixture
def saves_outside_transactions(monkeypatch):
    """Fail if a certificate is written while an action's transaction is open."""
    depth = len(connection.atomic_blocks)  # the test's own transaction
    original = actions._store_certificate
    saved: list[str] = []

    def store(*args):
        assert len(connection.atomic_blocks) == depth, "a certificate was written in a transaction"
        saved.append(original(*args))
        return saved[-1]

    monkeypatch.setattr(actions, "_store_certificate", store)
    return saved


@pytest.fixture
def audit_down(monkeypatch):
    def record(**kwargs):
        raise AuditDown("the audit chain is not writable")

    monkeypatch.setattr(actions.audit, "record", record)


def submit(account, court):
    return submit_request(
        account,
        court,
        certificate=actions.Certificate("good-standing.pdf", b"%PDF-1.4 submitted"),
    )


def test_a_submitted_certificate_is_written_before_the_transaction(
    attorney, mowd, file_store, saves_outside_transactions
):
    registration = submit(attorney, mowd)
    assert saves_outside_transactions == [registration.certificate]
    assert files_in(file_store) == [registration.certificate]


def test_a_failed_submission_leaves_no_file(attorney, mowd, file_store, audit_down):
    with pytest.raises(AuditDown):
        submit(attorney, mowd)
    assert RegistrationRequest.objects.count() == 0
    assert files_in(file_store) == []


def respond(account, waiting, content: bytes):
    return actions.respond_to_request(
        account=account,
        registration_id=waiting.pk,
        response="Here is a newer one.",
        certificate=actions.Certificate("newer.pdf", content),
    )


@pytest.fixture
def waiting(attorney, mowd):
    old = default_storage.save("registrations/old-certificate.pdf", _content(b"%PDF-1.4 old"))
    return RegistrationRequestFactory(
        court=mowd,
        account=attorney,
        status="needs_information",
        certificate=old,
        certificate_filename="old.pdf",
    )


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def test_a_replaced_certificate_is_deleted_only_after_commit(
    attorney, waiting, file_store, saves_outside_transactions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answered = respond(attorney, waiting, b"%PDF-1.4 newer")
    assert saves_outside_transactions == [answered.certificate]
    assert files_in(file_store) == sorted([answered.certificate, waiting.certificate])
    for callback in callbacks:
        callback()
    assert files_in(file_store) == [answered.certificate]
    assert (file_store / answered.certificate).read_bytes() == b"%PDF-1.4 newer"
    assert RegistrationRequest.objects.get().certificate_filename == "newer.pdf"


def test_a_failed_answer_deletes_the_new_file_and_keeps_the_old_one(
    attorney, waiting, file_store, audit_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(AuditDown):
        respond(attorney, waiting, b"%PDF-1.4 newer")
    assert files_in(file_store) == [waiting.certificate]
    waiting.refresh_from_db()
    assert (waiting.status, waiting.certificate_filename) == ("needs_information", "old.pdf")


def test_an_answer_to_a_request_decided_meanwhile_stores_nothing(
    attorney, waiting, file_store, monkeypatch
):
    """The clerk decides between the first check and the locked re-check."""
    original = actions._waiting_request
    calls = {"count": 0}

    def decided_meanwhile(*args):
        calls["count"] += 1
        if calls["count"] == 2:
            RegistrationRequest.objects.filter(pk=waiting.pk).update(status="denied")
        return original(*args)

    monkeypatch.setattr(actions, "_waiting_request", decided_meanwhile)
    events = AuditEvent.objects.count()
    with pytest.raises(actions.errors.RequestAlreadyDecided):
        respond(attorney, waiting, b"%PDF-1.4 newer")
    assert calls["count"] == 2
    assert files_in(file_store) == [waiting.certificate]
    assert AuditEvent.objects.count() == events
    waiting.refresh_from_db()
    # (the simulated decision was made inside the refused transaction, so it rolled back too)
    assert (waiting.response, waiting.certificate, waiting.certificate_filename) == (
        "",
        "registrations/old-certificate.pdf",
        "old.pdf",
    )
