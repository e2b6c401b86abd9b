"""Rows written before the typed subject get theirs from the hashed string, and still verify."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from openecf.core import audit, clock

BEFORE = [("core", "0002_throttle")]
AFTER = [("core", "0003_audit_subject")]


@pytest.mark.django_db(transaction=True)
def test_old_rows_get_their_kind_and_id_and_the_chain_still_verifies():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        AuditEvent, AuditChain = (
            old.get_model("core", "AuditEvent"),
            old.get_model("core", "AuditChain"),
        )
        prev = audit.GENESIS
        for sequence, subject in enumerate(["account:12", "courts", "court:mowd"], start=1):
            occurred_at = clock.now()
            digest = audit._digest(
                prev_hash=prev,
                chain="central",
                sequence=sequence,
                occurred_at=occurred_at,
                actor_id=None,
                court_id="",
                verb="old.row",
                subject=subject,
                details={},
            )
            AuditEvent.objects.create(
                chain="central",
                sequence=sequence,
                occurred_at=occurred_at,
                verb="old.row",
                subject=subject,
                details={},
                prev_hash=prev,
                hash=digest,
            )
            prev = digest
        AuditChain.objects.create(name="central", last_sequence=3, last_hash=prev)
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
    finally:
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
    from openecf.core.models import AuditEvent as Current

    assert list(Current.objects.order_by("sequence").values_list("subject_kind", "subject_id")) == [
        ("account", "12"),
        ("courts", ""),
        ("court", "mowd"),
    ]
    assert [e.verb for e in audit.history(kind="account", id=12)] == ["old.row"]
    assert audit.verify() == []
