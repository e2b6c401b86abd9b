"""Closing a billing quarter: waive $30.00 or less, issue invoices and statements.

Accounts are closed in batches by account id, each batch one transaction, so a run that is
killed keeps the batches it finished and a second run picks up the rest; an account closed once
is never closed again (one statement per account and quarter, a database constraint). The
e-mails are the worker's: each statement is committed with its letter still to queue, and the
close enqueues ``billing.tasks.queue_quarter_letters`` when it is done
(``actions.quarter_letters``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connection

from openecf.billing import queries, rules, tasks
from openecf.billing.actions.moves import move_balances
from openecf.billing.actions.paying import record_invoice_payments
from openecf.billing.errors import QuarterNotOver
from openecf.billing.models import LedgerEntry, QuarterStatement
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action

BATCH = 10_000  # account ids per transaction


@dataclass(frozen=True)
class CloseResult:
    quarter: str
    invoices: int
    statements: int


def close_quarter(
    *,
    quarter: str,
    batch: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> CloseResult:
    """Issue the quarter's invoices and statements to every account not closed yet.

    ``on_start(total)`` and ``on_batch(done)`` report progress (the command's progress bar) in
    account ids: the span from the ledger's first account to its last, and each batch's part.
    """
    InputInvalid.raise_if(rules.quarter_problems(quarter))
    quarter = quarter.strip()
    now = clock.now()
    if not rules.quarter_has_ended(quarter, now):
        raise QuarterNotOver(f"{quarter} has not ended yet: close it once it is over.")
    move_balances()
    record_invoice_payments()
    with connection.cursor() as cursor:
        cursor.execute(ACCOUNT_SPAN)
        low, last = cursor.fetchone()
    if on_start is not None:
        on_start(0 if low is None else last - low + 1)
    invoices = statements = 0
    while low is not None:
        high = low + batch - 1
        try:
            issued_invoices, issued_statements = _close_batch(quarter, low, high, now=now)
        except IntegrityError:  # another run closed some of these meanwhile
            issued_invoices = issued_statements = 0
        invoices += issued_invoices
        statements += issued_statements
        with connection.cursor() as cursor:
            cursor.execute(NEXT_ACCOUNT, [high])
            (next_low,) = cursor.fetchone()
        if on_batch is not None:
            on_batch((last + 1 if next_low is None else next_low) - low)
        low = next_low
    if invoices or statements:
        with durable_action():
            audit.record(
                actor_id=None,
                verb="billing.quarter_closed",
                subject=audit.Subject("quarter", quarter),
                details={"invoices": invoices, "statements": statements},
            )
        tasks.queue_quarter_letters.enqueue()
    return CloseResult(quarter=quarter, invoices=invoices, statements=statements)


def _close_batch(quarter: str, low: int, high: int, *, now: datetime) -> tuple[int, int]:
    """Close every account from ``low`` to ``high`` not closed yet, in one transaction: a few
    set-based statements whatever the batch size. Returns the invoices and statements issued."""
    due_on = rules.pacer_day(now) + timedelta(days=queries.payment_days())
    with durable_action(), connection.cursor() as cursor:
        cursor.execute(LAST_STATEMENT)
        (before,) = cursor.fetchone()
        # Values as the ORM writes them (SQLite keeps datetimes as text: one format for both).
        issued: dict[str, Any] = {
            "quarter": quarter, "low": low, "high": high, "before": before,
            "now": connection.ops.adapt_datetimefield_value(now),
        }  # fmt: skip
        cursor.execute(
            ISSUE_STATEMENTS,
            {**issued, "due_on": connection.ops.adapt_datefield_value(due_on),
             "waiver_cents": int(rules.QUARTER_WAIVER * 100)},
        )  # fmt: skip
        count = cursor.rowcount
        if not count:
            return 0, 0
        cursor.execute(WAIVE, issued)
        cursor.execute(INVOICES, issued)
        (invoices,) = cursor.fetchone()
    return invoices, count - invoices


_STATEMENTS = QuarterStatement._meta.db_table
_LEDGER = LedgerEntry._meta.db_table

# Each account's balance through the quarter and the quarter's own rows, in cents; the accounts
# with rows in the quarter or a balance, not closed yet; an invoice when what is left after the
# waiver is due, else a statement. The same rule as ``rules.quarter_is_waived``.
ISSUE_STATEMENTS = f"""
INSERT INTO {_STATEMENTS}
    (account_id, quarter, kind, quarter_charges, waived, balance, issued_at, due_on)
SELECT account_id, %(quarter)s,
       CASE WHEN balance_c - waived_c > 0 THEN 'invoice' ELSE 'statement' END,
       charges_c / 100.0, waived_c > 0, (balance_c - waived_c) / 100.0, %(now)s, %(due_on)s
FROM (
    SELECT account_id, charges_c, balance_c,
           CASE WHEN charges_c > 0 AND charges_c <= %(waiver_cents)s THEN charges_c ELSE 0 END
               AS waived_c
    FROM (
        SELECT account_id,
               CAST(ROUND(SUM(amount) * 100) AS BIGINT) AS balance_c,
               CAST(ROUND(SUM(CASE WHEN quarter = %(quarter)s THEN amount ELSE 0 END) * 100)
                    AS BIGINT) AS charges_c,
               SUM(CASE WHEN quarter = %(quarter)s THEN 1 ELSE 0 END) AS in_quarter
        FROM {_LEDGER}
        WHERE quarter <= %(quarter)s AND account_id BETWEEN %(low)s AND %(high)s
        GROUP BY account_id
    ) totals
    WHERE (in_quarter > 0 OR balance_c <> 0)
      AND NOT EXISTS (
          SELECT 1 FROM {_STATEMENTS} closed
          WHERE closed.account_id = totals.account_id AND closed.quarter = %(quarter)s
      )
) decided
ORDER BY account_id
"""  # noqa: S608 (the table names only: every value is a parameter)

# The first and last account on the ledger, each one index seek (a min and a max side by side
# in one SELECT is a scan on SQLite).
ACCOUNT_SPAN = f"""
SELECT (SELECT MIN(account_id) FROM {_LEDGER}), (SELECT MAX(account_id) FROM {_LEDGER})
"""  # noqa: S608 (the table name only)

# Where the next batch starts: the next account on the ledger, skipping gaps in the ids.
NEXT_ACCOUNT = f"SELECT MIN(account_id) FROM {_LEDGER} WHERE account_id > %s"  # noqa: S608

# The statements a batch issues get ids above the last one before it (ids only grow).
LAST_STATEMENT = f"SELECT COALESCE(MAX(id), 0) FROM {_STATEMENTS}"  # noqa: S608

# The rows this batch issued: above the last id before it, of the batch's accounts and the
# run's time (PostgreSQL: another run's statements committed meanwhile may be above it too).
_ISSUED = """
WHERE id > %(before)s AND quarter = %(quarter)s AND issued_at = %(now)s
  AND account_id BETWEEN %(low)s AND %(high)s
"""

# The waiver row of each waived statement this batch issued.
WAIVE = f"""
INSERT INTO {_LEDGER}
    (account_id, kind, quarter, amount, at, recorded_at, statement_id, receipt_number)
SELECT account_id, 'waiver', quarter, -quarter_charges, %(now)s, %(now)s, id, ''
FROM {_STATEMENTS} {_ISSUED} AND waived
"""  # noqa: S608 (the table names only: every value is a parameter)

INVOICES = f"SELECT COUNT(*) FROM {_STATEMENTS} {_ISSUED} AND kind = 'invoice'"  # noqa: S608
