"""Background entry points for PDF intake."""

from __future__ import annotations

from django_tasks import task

from openecf.documents import intake, store


@task()
def sweep_unreferenced_pdfs() -> int:
    """Remove stored PDFs nothing refers to, orphan files and stale intake copies (hourly)."""
    swept = store.sweep(intake_folder=intake.intake_folder())
    return swept.rows + swept.files + swept.intake_files
