"""A process killed in the middle of a filing leaves no half entry and no orphan file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

FILER = Path(__file__).with_name("killed_filer.py")


def run_filer(data: Path, what: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "OPENECF_DATA": str(data),
        "DATABASE_URL": f"sqlite:///{data / 'filer.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "openecf.settings_test",
        "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
    }
    return subprocess.Popen(
        [sys.executable, str(FILER), what],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(data: Path, what: str) -> str:
    process = run_filer(data, what)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return out.strip()


def test_a_filing_killed_after_storing_its_pdf_leaves_no_entry_and_no_file(tmp_path):
    filer = run_filer(tmp_path, "file")
    assert filer.stdout is not None
    line = filer.stdout.readline().strip()
    assert line.startswith("kept "), filer.stderr.read() if filer.stderr else line
    stored = tmp_path / "documents" / line.split()[1]
    assert stored.exists()

    filer.send_signal(signal.SIGKILL)
    filer.wait(10)

    assert finish(tmp_path, "count") == "0 0 0"  # no entry, no Document row, no stored PDF row
    assert finish(tmp_path, "sweep") == "swept 1 file(s)"
    assert not stored.exists()
