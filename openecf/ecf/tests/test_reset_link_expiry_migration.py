"""Migration 0006 gives every reset link issued before it its hour: expires_at = created_at + 1h."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps

from openecf.ecf.factories import CourtLoginFactory
from openecf.ecf.models import CourtLoginReset

migration = importlib.import_module("openecf.ecf.migrations.0006_courtloginreset_expires_at")
ISSUED = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_a_link_issued_before_the_migration_expires_an_hour_after_it_was_made(mowd):
    reset = CourtLoginReset.objects.create(
        court_login=CourtLoginFactory(court=mowd),
        token_digest="0" * 64,
        created_at=ISSUED,
        expires_at=ISSUED,  # what the column held before the data migration filled it
    )
    migration.expire_an_hour_after_creation(apps, None)
    reset.refresh_from_db()
    assert reset.expires_at == ISSUED + timedelta(hours=1)
    assert reset.used_at is None
