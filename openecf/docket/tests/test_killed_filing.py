"""A process killed in the middle of a filing leaves no half entry and no orphan file."""

from __future__ import annotations

from pathlib import Path

from openecf.tests_support.killing import kill, reached, run_helper, start_helper

FILER = Path(__file__).with_name("killed_filer.py")


def test_a_filing_killed_after_storing_its_pdf_leaves_no_entry_and_no_file(tmp_path):
    filer = start_helper(FILER, tmp_path, "file")
    stored = tmp_path / "documents" / reached(filer, "kept")
    assert stored.exists()

    kill(filer)

    # no entry, no Document row, no stored PDF row
    assert run_helper(FILER, tmp_path, "count") == "0 0 0"
    assert run_helper(FILER, tmp_path, "sweep") == "swept 1 file(s)"
    assert not stored.exists()
