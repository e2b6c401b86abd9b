"""A test's own folders for what the record stores: documents, the data folder, stamp keys."""

from __future__ import annotations

from pathlib import Path


def use_own_storage(settings, folder: Path) -> None:
    """Keep documents, data and stamp keys under ``folder`` (a test's ``tmp_path``): xdist
    workers share the data folder otherwise, and the tests list what is stored."""
    settings.OPENECF_DATA = folder
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder / "documents")},
        },
    }
    settings.OPENECF_STAMP_KEY_DIR = folder / "stamp_keys"
