"""E-file registration test helpers: a private file store and a "nothing changed" snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf.models import CourtFeeOwed, FilingPrivilege
from openecf.registrations.models import RegistrationRequest
from openecf.registrations.tests.factories import PDF


@pytest.fixture(autouse=True)
def file_store(settings, tmp_path) -> Path:
    """Certificates go to a fresh folder per test (Django resets default_storage on change)."""
    location = tmp_path / "documents"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    return location


@pytest.fixture
def pdf() -> bytes:
    return PDF


@pytest.fixture
def snapshot(file_store):
    """``snapshot()`` -> a tuple of everything a refused action must leave untouched."""

    def take() -> tuple:
        files = sorted(str(p) for p in file_store.rglob("*") if p.is_file())
        return (
            list(RegistrationRequest.objects.values_list("pk", "status", "court_message")),
            OutboundEmail.objects.count(),
            AuditEvent.objects.count(),
            FilingPrivilege.objects.count(),
            CourtFeeOwed.objects.count(),
            files,
        )

    return take
