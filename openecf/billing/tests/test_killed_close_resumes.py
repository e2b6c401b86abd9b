"""A close-quarter run killed with SIGKILL (a real ``openecf`` process) resumes on the next run,
and the worker then queues exactly one e-mail per statement."""

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

# The worker's letter step, killed in its second batch of 100: after the outbox rows are
# written, before the commit that marks the statements.
LETTERS_KILLED_IN_SECOND_BATCH = """
import django; django.setup()
from openecf.billing.actions import quarter_letters
from openecf.tests_support.killing import wait_to_be_killed
real_queue = quarter_letters.queue_letters
batches = []
def queue_then_wait(letters_to):
    real_queue(letters_to)
    batches.append(len(letters_to))
    if len(batches) == 2:
        print("second batch queued", flush=True)
        wait_to_be_killed()
quarter_letters.queue_letters = queue_then_wait
quarter_letters.queue_quarter_letters(batch=100)
"""


def _openecf(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "openecf.cli", *args], env=env, check=True, capture_output=True,
        text=True, timeout=300, **kwargs,
    )  # fmt: skip


LETTER_DUE = "letter_queued_at IS NULL"


def _count(database: Path, table: str, where: str = "1 = 1") -> int:
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]  # noqa: S608


@pytest.mark.skipif(
    "postgres" in os.environ.get("DATABASE_URL", ""), reason="the SQLite file is polled directly"
)
def test_a_killed_close_and_a_killed_letter_worker_resume_and_each_statement_gets_one_e_mail(
    tmp_path,
):
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
    waived = _count(database, "billing_quarterstatement", "waived")
    assert 0 < waived == _count(database, "billing_ledgerentry", "kind = 'waiver'")
    assert _count(database, "billing_quarterstatement", LETTER_DUE) == killed_at
    assert _count(database, "core_outboundemail") == 0  # the letters are the worker's

    finished = _openecf(env, "billing", "close-quarter", "2026Q3", "--no-progress")
    assert _count(database, "billing_quarterstatement") == ACCOUNTS
    invoices, statements = map(int, re.findall(r"(\d+) (?:invoice|statement)", finished.stdout))
    assert invoices + statements == ACCOUNTS - killed_at
    again = _openecf(env, "billing", "close-quarter", "2026Q3", "--no-progress")
    assert "0 invoice(s), 0 statement(s)" in again.stdout
    check = _openecf(env, "billing", "check")
    assert "billing ledger sound" in check.stdout

    letters = subprocess.Popen(
        [sys.executable, "-c", LETTERS_KILLED_IN_SECOND_BATCH], env=env, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert letters.stdout is not None
    assert letters.stdout.readline() == "second batch queued\n"
    letters.send_signal(signal.SIGKILL)
    letters.wait()
    assert _count(database, "core_outboundemail") == 100  # the first batch, committed
    assert _count(database, "billing_quarterstatement", LETTER_DUE) == ACCOUNTS - 100

    _openecf(env, "worker", "--batch")  # the task the finishing run enqueued: the rest
    assert _count(database, "billing_quarterstatement", LETTER_DUE) == 0
    assert _count(database, "core_outboundemail") == ACCOUNTS
    assert _count(database, "(SELECT DISTINCT account_id FROM core_outboundemail)") == ACCOUNTS
