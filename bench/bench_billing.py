"""PACER billing: closing a quarter versus a raw SQL aggregate of the same charges.

    .venv/bin/python bench/run.py close_quarter                     # 100,000 accounts
    BENCH_BILLING_ACCOUNTS=10000 .venv/bin/python bench/run.py close_quarter

Each account has two charges, bulk-inserted as ``billing.facade.charge`` writes them; every
fourth runs up $35.00 (an invoice), the rest $3.50 (waived, a statement). Closing writes a
statement and a waiver row where due for every account and enqueues the worker's letter step
in the database task queue, as in production. The second line times that step (every
statement's e-mail rendered and queued in the outbox, as the worker does it after the close;
sending is the delivery's): informational, against the same baseline. Runs last: it adds
100,000 accounts.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from bench.harness import CLOCK, Result, benchmark_run_last


@benchmark_run_last
def close_quarter() -> list[Result]:
    import time_machine
    from django.db import connection
    from django.test import override_settings

    from bench.bench_payments import DATABASE_TASKS
    from openecf.billing import actions
    from openecf.tests_support.billing import seed_quarter

    accounts = int(os.environ.get("BENCH_BILLING_ACCOUNTS", "100000"))
    seed_quarter(accounts=accounts, quarter="2025Q1", first_number=8_000_000)

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT account_id, SUM(amount) FROM billing_ledgerentry"
                " WHERE quarter <= %s GROUP BY account_id",
                ["2025Q1"],
            )
            cursor.fetchall()

    raw()
    baseline = min(_timed(raw) for _ in range(3))
    april = datetime(2025, 4, 2, 15, 0, tzinfo=UTC)
    with time_machine.travel(april, tick=True), override_settings(TASKS=DATABASE_TASKS):
        ours = _timed(lambda: actions.close_quarter(quarter="2025Q1"))
        letters = _timed(actions.queue_quarter_letters)
    return [
        Result(
            f"close_quarter_{accounts}_accounts_vs_raw_sum",
            ours,
            baseline,
            unit="s/run",
            target="<=3x",
        ),
        Result(
            f"quarter_letters_{accounts}_accounts_vs_raw_sum",
            letters,
            baseline,
            unit="s/run",
            target="informational: the worker's step after the close",
        ),
    ]


def _timed(operation) -> float:
    start = CLOCK()
    operation()
    return CLOCK() - start
