"""``openecf migrate`` on a database made before migrations were squashed: one that applied all
of a squashed migration's old files migrates on; one that stopped partway is refused by name."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


def recorded() -> set[tuple[str, str]]:
    return set(MigrationRecorder(connection).applied_migrations())


@pytest.mark.django_db
def test_a_database_that_applied_every_old_migration_migrates_on():
    before = recorded()
    assert ("payments", "0003_hosted_payment") in before  # as a database made before the squash
    call_command("migrate", verbosity=0)
    assert recorded() == before


@pytest.mark.django_db
def test_a_database_stopped_partway_through_a_squashed_app_is_refused_by_name():
    MigrationRecorder(connection).record_unapplied("payments", "0003_hosted_payment")
    MigrationRecorder(connection).record_unapplied("ecf", "0006_courtloginreset_expires_at")
    MigrationRecorder(connection).record_unapplied("ecf", "0007_fee_payment")
    before = recorded()
    with pytest.raises(CommandError) as refused:
        call_command("migrate", verbosity=0)
    assert str(refused.value) == (
        "This database stopped partway through migrations that are now squashed: "
        "ecf.0001_squashed_0007_fee_payment (not applied: 0006_courtloginreset_expires_at, "
        "0007_fee_payment); payments.0001_squashed_0003_hosted_payment (not applied: "
        "0003_hosted_payment). Migrate it first with an earlier OpenECF that still has those "
        "migrations, then run this again."
    )
    assert recorded() == before
