"""The audit log is append-only and ``openecf audit verify`` catches any tampering."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from openecf.core import audit
from openecf.core.models import AuditChain, AuditEvent


def write(verb: str, court_id: str = "", **details) -> AuditEvent:
    with transaction.atomic():
        return audit.record(
            actor_id=None, verb=verb, subject="test:1", court_id=court_id, details=details
        )


@pytest.mark.django_db
def test_rows_are_chained_per_court_and_central():
    first = write("a.one")
    second = write("a.two", n=2)
    court_row = write("c.one", court_id="mowd")
    assert (first.chain, first.sequence, first.prev_hash) == ("central", 1, audit.GENESIS)
    assert (second.chain, second.sequence, second.prev_hash) == ("central", 2, first.hash)
    assert (court_row.chain, court_row.sequence, court_row.prev_hash) == ("mowd", 1, audit.GENESIS)
    assert AuditChain.objects.get(name="central").last_hash == second.hash
    assert audit.verify() == []


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the action's transaction"):
        audit.record(actor_id=None, verb="x", subject="y")
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_verify_command_reports_an_intact_log():
    write("a.one")
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert out.getvalue().strip() == "audit log intact: 1 rows verified"


@pytest.mark.django_db
def test_verify_catches_an_edited_row():
    write("a.one")
    target = write("a.two", amount="10.00")
    write("a.three")
    AuditEvent.objects.filter(pk=target.pk).update(details={"amount": "0.00"})
    breaks = audit.verify()
    assert [(b.chain, b.sequence, b.problem) for b in breaks] == [
        ("central", 2, "was changed after it was written")
    ]
    err = StringIO()
    with pytest.raises(CommandError, match="NOT intact: 1 problem"):
        call_command("audit", "verify", stderr=err)
    assert "chain central row 2: was changed after it was written" in err.getvalue()


@pytest.mark.django_db
def test_verify_catches_a_deleted_row():
    write("a.one")
    middle = write("a.two")
    write("a.three")
    AuditEvent.objects.filter(pk=middle.pk).delete()
    problems = [(b.sequence, b.problem) for b in audit.verify()]
    assert (2, "rows 2-2 are missing") in problems
    assert (3, "does not follow the row before it") in problems


@pytest.mark.django_db
def test_verify_catches_a_truncated_chain():
    write("a.one")
    last = write("a.two")
    AuditEvent.objects.filter(pk=last.pk).delete()
    assert [(b.sequence, b.problem) for b in audit.verify()] == [(2, "head says 2 rows, found 1")]


@pytest.mark.django_db
def test_verify_catches_a_rewritten_chain_hash():
    write("a.one")
    second = write("a.two")
    AuditEvent.objects.filter(pk=second.pk).update(verb="a.forged", hash="f" * 64)
    problems = [(b.sequence, b.problem) for b in audit.verify()]
    assert (2, "was changed after it was written") in problems


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("account:12", "account", "12"),
        ("court:mowd", "court", "mowd"),
        ("courts", "courts", ""),
        ("registration:5:extra", "registration", "5:extra"),
    ],
)
def test_a_subject_string_reads_as_kind_and_id(text, kind, key):
    subject = audit.Subject.parse(text)
    assert (subject.kind, subject.id) == (kind, key)
    assert str(subject) == text


def test_a_typed_subject_reads_as_the_old_string():
    assert str(audit.Subject("account", 12)) == "account:12"
    assert str(audit.Subject("courts")) == "courts"


@pytest.mark.django_db
def test_a_persons_history_is_one_query_on_typed_columns():
    with transaction.atomic():
        first = audit.record(actor_id=None, verb="account.registered", subject="account:12")
        audit.record(actor_id=None, verb="account.registered", subject="account:120")
        court = audit.record(
            actor_id=None,
            verb="court_login.linked",
            subject=audit.Subject("account", 12),
            court_id="mowd",
        )
        audit.record(actor_id=None, verb="court.settings_changed", subject="court:mowd")
    assert (court.subject, court.subject_kind, court.subject_id) == ("account:12", "account", "12")
    assert list(audit.history(kind="account", id=12)) == [first, court]
    assert list(audit.history(kind="account", id=12, court_id="mowd")) == [court]
    assert list(audit.history(kind="account", id=12, court_id="")) == [first]
    assert [e.verb for e in audit.history(kind="court", id="mowd")] == ["court.settings_changed"]


@pytest.mark.django_db
def test_verify_catches_a_subject_column_edited_without_the_hashed_subject():
    write("a.one")
    target = write("a.two")
    AuditEvent.objects.filter(pk=target.pk).update(subject_id="2")
    assert [(b.chain, b.sequence, b.problem) for b in audit.verify()] == [
        ("central", 2, "subject columns differ from the hashed subject")
    ]
