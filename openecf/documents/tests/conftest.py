from __future__ import annotations

from pathlib import Path

import pytest

from openecf.documents import intake, store


@pytest.fixture(autouse=True)
def own_folders(settings, tmp_path):
    """Each test its own storage, intake folder and stamp keys (xdist workers share a data
    folder, and these tests list what is in them)."""
    settings.OPENECF_DATA = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents")},
        },
    }
    settings.OPENECF_STAMP_KEY_DIR = tmp_path / "stamp_keys"


@pytest.fixture
def court(db):
    """A court with the defaults: 35 MB, fillable forms refused, CM/ECF's words."""
    from openecf.courts.models import Court

    return Court.objects.create(
        id="mowd",
        name="U.S. District Court for the Western District of Missouri",
        short_name="W.D. Mo.",
        kind="district",
        state="MO",
        time_zone="America/Chicago",
    )


@pytest.fixture
def intake_files():
    """What is in the intake folder (temporary copies) after the test's checks."""

    def listing() -> list[Path]:
        return sorted(intake.intake_folder().glob("*"))

    return listing


@pytest.fixture
def stored_files():
    """The PDF files in storage, by name."""

    def listing() -> list[str]:
        return sorted(store._stored_names(store.storage(), "pdf"))

    return listing
