from __future__ import annotations

from pathlib import Path

import pytest

from openecf.documents import intake, store


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

    for path in listing():
        path.unlink()
    return listing


@pytest.fixture
def stored_files():
    """The PDF files in storage, by name."""

    def listing() -> list[str]:
        return sorted(store._stored_names(store.storage(), "pdf"))

    return listing
