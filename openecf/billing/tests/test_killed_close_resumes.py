"""A close-quarter run killed with SIGKILL (a real ``openecf`` process) resumes on the next run."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ACCOUNTS = 1200
SEED = """
import django; django.setup()
from openecf.tests_support.billing import seed_quarter
seed_quarter(accounts={accounts}, quarter="2026Q3")
"""


def _openecf(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "openecf.cli", *args], env=env, check=True, capture_output=True,
        text=True, timeout=300, **kwargs,
    )  # fmt: skip


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""), reason="the SQLite file is polled directly"
)
def test_a_killed_close_keeps_its_finished_batches_and_the_next_run_finishes(tmp_path):
    env = {
        **os.environ,
        "OPENECF_DATA": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "openecf.settings",
        "SECRET_KEY": "kill-test-secret-key-0123456789-0123456789-0123456789",
        "OPENECF_TASKS": "database",
    }
    env.pop("DATABASE_URL", None)
    _openecf(env, "migrate", "--no-input")
    subprocess.run(
        [sys.executable, "-c", SEED.format(accounts=ACCOUNTS)], env=env, check=True, timeout=300
    )
    database = next(tmp_path.glob("*.sqlite3"))
    run = subprocess.Popen(
        [sys.executable, "-m", "openecf.cli", "billing", "close-quarter", "2026Q3", "--batch", "10"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while _count(database, "billing_quarterstatement") == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    killed_at = _count(database, "billing_quarterstatement")
    assert run.returncode == -signal.SIGKILL
    assert 0 < killed_at < ACCOUNTS
    assert killed_at % 10 == 0  # whole batches only
    assert _count(database, "core_outboundemail") == killed_at

    finished = _openecf(env, "billing", "close-quarter", "2026Q3", "--no-progress")
    assert _count(database, "billing_quarterstatement") == ACCOUNTS
    assert _count(database, "core_outboundemail") == ACCOUNTS
    invoices, statements = map(int, re.findall(r"(\d+) (?:invoice|statement)", finished.stdout))
    assert invoices + statements == ACCOUNTS - killed_at
    again = _openecf(env, "billing", "close-quarter", "2026Q3", "--no-progress")
    assert "0 invoice(s), 0 statement(s)" in again.stdout
    check = _openecf(env, "billing", "check")
    assert "billing ledger sound" in check.stdout
