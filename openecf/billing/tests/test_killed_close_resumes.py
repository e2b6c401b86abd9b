"""A close-quarter run killed with SIGKILL (a real ``openecf`` process) resumes on the next run,
and the worker then queues exactly one e-mail per statement."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from openecf.tests_support.killing import kill, reached

ACCOUNTS = 1200
SEED = """
import django; django.setup()
from openecf.tests_support.billing import seed_quarter
seed_quarter(accounts={accounts}, quarter="2026Q3")
"""

# The close-quarter command, killed after its third batch of 10 has committed.
CLOSE_KILLED_AFTER_THIRD_BATCH = """
import django; django.setup()
from django.core.management import call_command
from openecf.billing import actions
from openecf.tests_support.killing import wait_to_be_killed
real_close = actions.close_quarter
def close_then_wait(*, on_batch, **close):
    batches = []
    def count_then_wait(done):
        on_batch(done)
        batches.append(done)
        if len(batches) == 3:
            print("closed", len(batches), "batches", flush=True)
            wait_to_be_killed()
    return real_close(on_batch=count_then_wait, **close)
actions.close_quarter = close_then_wait
call_command("billing", "close-quarter", "2026Q3", "--batch", "10", "--no-progress")
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
    "postgres" in os.environ.get("DATABASE_URL", ""), reason="the SQLite file is read directly"
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
        [sys.executable, "-c", CLOSE_KILLED_AFTER_THIRD_BATCH], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert reached(run, "closed") == "3 batches"
    finally:
        kill(run)
    killed_at = _count(database, "billing_quarterstatement")
    assert run.returncode == -signal.SIGKILL
    assert killed_at == 30  # three whole batches of 10, none of the fourth
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
