"""Keeping checked PDFs: content-addressed, once per content, nothing left by a failed filing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction

from openecf.core import clock
from openecf.documents import facade, intake, rules, store
from openecf.documents.models import StoredPdf
from openecf.documents.tests import corpus
from openecf.tests_support.killing import DATABASE_FILE, kill, reached, run_helper, start_helper


class FilingFailed(Exception):
    pass


def checked(court_id: str = "mowd", pages: int = 2) -> facade.CheckedPdf:
    return facade.check_pdf(corpus.text_pdf(pages=pages), court_id=court_id, file_name="m.pdf")


def test_a_kept_pdf_is_stored_under_its_content_hash(court, stored_files):
    pdf = checked()

    with transaction.atomic():
        stored = facade.keep(pdf)

    assert stored == facade.StoredPdf(id=stored.id, sha256=pdf.sha256, page_count=2, size=pdf.size)
    assert stored_files() == [rules.content_name(pdf.sha256)]
    with facade.open_original(stored.id) as original:
        assert original.read() == corpus.text_pdf(pages=2)


def test_the_same_content_is_kept_once(court, stored_files):
    first, second = checked(), checked()

    with transaction.atomic():
        one = facade.keep(first)
    with transaction.atomic():
        two = facade.keep(second)

    assert one == two
    assert StoredPdf.objects.count() == 1
    assert stored_files() == [rules.content_name(first.sha256)]


def test_a_failed_filing_leaves_no_stored_file_and_no_row(court, stored_files):
    pdf = checked()

    with pytest.raises(FilingFailed), transaction.atomic():
        facade.keep(pdf)
        assert stored_files() == [rules.content_name(pdf.sha256)]  # written, not committed
        raise FilingFailed

    assert stored_files() == []
    assert StoredPdf.objects.count() == 0


def test_a_failed_filing_can_keep_the_same_checked_pdf_when_retried(court, stored_files):
    pdf = checked()
    with pytest.raises(FilingFailed), transaction.atomic():
        facade.keep(pdf)
        raise FilingFailed

    with transaction.atomic():
        stored = facade.keep(pdf)

    assert stored_files() == [rules.content_name(pdf.sha256)]
    assert StoredPdf.objects.get().pk == stored.id


def test_a_failed_filing_of_content_already_kept_leaves_the_kept_file(court, stored_files):
    with transaction.atomic():
        facade.keep(checked())

    with pytest.raises(FilingFailed), transaction.atomic():
        facade.keep(checked())
        raise FilingFailed

    assert len(stored_files()) == 1
    assert StoredPdf.objects.count() == 1


def test_the_intake_copy_goes_once_the_filing_commits(
    court, stored_files, django_capture_on_commit_callbacks
):
    pdf = checked()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        facade.keep(pdf)
        assert Path(pdf.path).exists()

    assert not Path(pdf.path).exists()
    assert stored_files() == [rules.content_name(pdf.sha256)]


def test_the_sweep_removes_unreferenced_pdfs_after_the_grace_period(court, stored_files):
    with transaction.atomic():
        facade.keep(checked())

    early = store.sweep(now=clock.now() + timedelta(hours=1), intake_folder=intake.intake_folder())
    assert early.rows == 0
    assert StoredPdf.objects.count() == 1

    swept = store.sweep(now=clock.now() + timedelta(days=2), intake_folder=intake.intake_folder())

    assert swept.rows == 1
    assert StoredPdf.objects.count() == 0


def test_the_sweep_keeps_a_stamped_pdf(court):
    with transaction.atomic():
        stored = facade.keep(checked())
        facade.stamp(
            court_id="mowd", stored_pdf_id=stored.id, doc_id=1, attachment_number=0, at=clock.now()
        )

    swept = store.sweep(now=clock.now() + timedelta(days=2), intake_folder=intake.intake_folder())

    assert swept.rows == 0
    assert StoredPdf.objects.count() == 1


def test_the_sweep_removes_an_orphan_file_older_than_the_grace_period(court, stored_files):
    name = rules.content_name("ab" * 32)
    store.storage().save(name, __import__("io").BytesIO(b"%PDF-1.7 orphan"))

    assert store.sweep(now=clock.now(), intake_folder=intake.intake_folder()).files == 0
    swept = store.sweep(now=clock.now() + timedelta(days=2), intake_folder=intake.intake_folder())

    assert swept.files == 1
    assert stored_files() == []


KEEPER = Path(__file__).with_name("killed_keeper.py")


def test_a_process_killed_between_the_file_write_and_the_commit_leaves_nothing_referred_to(
    tmp_path,
):
    keeper = start_helper(KEEPER, tmp_path, "keep")
    stored = tmp_path / "documents" / reached(keeper, "written")
    assert stored.exists()

    kill(keeper)

    with sqlite3.connect(tmp_path / DATABASE_FILE) as database:
        assert database.execute("SELECT count(*) FROM documents_storedpdf").fetchone() == (0,)
    assert stored.exists()  # an orphan nothing refers to, until the sweep

    assert run_helper(KEEPER, tmp_path, "sweep") == "swept 1 file(s)"
    assert not stored.exists()
