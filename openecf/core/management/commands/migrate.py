"""``openecf migrate``: Django's ``migrate``, refusing a database stopped partway through
migrations that have since been squashed.

A squashed migration (``replaces``) stands in for its old files only in a database that applied
all of them or none. Given one that applied some, and whose missing ones are gone from the code,
Django would quietly skip the app's migrations and leave its tables short of columns; this names
the app and what to do instead. ``make run`` migrates through here too.
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


class Command(migrate.Command):
    help = (
        "Bring the database's tables up to date (Django's migrate); refuses a database stopped "
        "partway through migrations since squashed."
    )

    def handle(self, *args, **options) -> None:
        stopped = squashes_stopped_partway(connections[options["database"]])
        if stopped:
            raise CommandError(
                "This database stopped partway through migrations that are now squashed: "
                + "; ".join(stopped)
                + ". Migrate it first with an earlier OpenECF that still has those migrations, "
                "then run this again."
            )
        super().handle(*args, **options)


def squashes_stopped_partway(connection: BaseDatabaseWrapper) -> list[str]:
    """Each squashed migration the database applied only part of, with what it lacks, when
    what it lacks is no longer on disk (Django handles the rest itself)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    applied = set(recorder.applied_migrations())
    loader = MigrationLoader(None, load=False)
    loader.load_disk()
    stopped = []
    for key, migration in sorted(loader.disk_migrations.items()):
        missing = [old for old in migration.replaces if old not in applied]
        if 0 < len(missing) < len(migration.replaces) and not set(missing) <= set(
            loader.disk_migrations
        ):
            names = ", ".join(name for _, name in missing)
            stopped.append(f"{key[0]}.{key[1]} (not applied: {names})")
    return stopped
