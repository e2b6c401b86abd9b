from __future__ import annotations

from pathlib import Path

import pytest

from openecf.documents import intake, store
from openecf.tests_support.storage import use_own_storage


@pytest.fixture(autouse=True)
def own_folders(settings, tmp_path):
    """Each test its own storage, intake folder and stamp keys (xdist workers share a data
    folder, and these tests list what is in them)."""
    use_own_storage(settings, tmp_path)


@pytest.fixture
def court(mowd):
    """W.D. Mo. with the defaults: 35 MB, fillable forms refused, CM/ECF's words."""
    return mowd


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


@pytest.fixture
def stamped(court):
    """A two-page brief kept and stamped as document 7-1: (bytes, StoredPdf, stamp text)."""
    from openecf.documents.tests import corpus
    from openecf.documents.tests.records import kept_and_stamped

    data = corpus.text_pdf(pages=2)
    return (data, *kept_and_stamped(data))
