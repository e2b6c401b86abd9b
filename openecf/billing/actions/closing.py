"""Closing a billing quarter: waive $30.00 or less, issue invoices and statements, e-mail them.

Accounts are closed in batches, each batch one transaction with its e-mails, so a run that is
killed keeps the batches it finished and a second run picks up the rest; an account closed once
is never closed again (one statement per account and quarter, a database constraint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, connection
from django.db.models import Count, Q, Sum
from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.billing import letters, queries, rules
from openecf.billing.actions.moves import move_balances
from openecf.billing.actions.paying import record_invoice_payments
from openecf.billing.errors import QuarterNotOver
from openecf.billing.models import LedgerEntry, QuarterStatement
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.links import absolute
from openecf.core.outbox import LetterTo, queue_letters
from openecf.core.transactions import durable_action

BATCH = 1000


@dataclass(frozen=True)
class CloseResult:
    quarter: str
    invoices: int
    statements: int


def accounts_to_close(quarter: str) -> list[int]:
    """Accounts with charges in the quarter or a balance through it, not closed yet."""
    closed = QuarterStatement.objects.filter(quarter=quarter).values("account_id")
    return list(
        LedgerEntry.objects.filter(quarter__lte=quarter)
        .exclude(account_id__in=closed)
        .values("account_id")
        .annotate(balance=Sum("amount"), in_quarter=Count("pk", filter=Q(quarter=quarter)))
        .filter(Q(in_quarter__gt=0) | ~Q(balance=0))
        .order_by("account_id")
        .values_list("account_id", flat=True)
    )


def close_quarter(
    *,
    quarter: str,
    batch: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> CloseResult:
    """Issue the quarter's invoices and statements to every account not closed yet.

    ``on_start(total)`` and ``on_batch(done)`` report progress (the command's progress bar).
    """
    InputInvalid.raise_if(rules.quarter_problems(quarter))
    quarter = quarter.strip()
    now = clock.now()
    if not rules.quarter_has_ended(quarter, now):
        raise QuarterNotOver(f"{quarter} has not ended yet: close it once it is over.")
    move_balances()
    record_invoice_payments()
    pending = accounts_to_close(quarter)
    if on_start is not None:
        on_start(len(pending))
    invoices = statements = 0
    for start in range(0, len(pending), batch):
        ids = pending[start : start + batch]
        try:
            issued = _close_batch(quarter, ids[0], ids[-1], now=now)
        except IntegrityError:  # another run closed some of these meanwhile
            issued = []
        invoices += sum(1 for i in issued if i.kind == QuarterStatement.Kind.INVOICE)
        statements += sum(1 for i in issued if i.kind == QuarterStatement.Kind.STATEMENT)
        if on_batch is not None:
            on_batch(len(ids))
    if invoices or statements:
        with durable_action():
            audit.record(
                actor_id=None,
                verb="billing.quarter_closed",
                subject=audit.Subject("quarter", quarter),
                details={"invoices": invoices, "statements": statements},
            )
    return CloseResult(quarter=quarter, invoices=invoices, statements=statements)


def _close_batch(quarter: str, low: int, high: int, *, now: datetime) -> list[Issued]:
    """Close every account from ``low`` to ``high`` not closed yet, in one transaction: three
    set-based statements (the statements, the waivers, the e-mails), whatever the batch size."""
    due_on = rules.pacer_day(now) + timedelta(days=queries.payment_days())
    # Values as the ORM writes them (SQLite keeps datetimes as text: one format for both).
    stored_now = connection.ops.adapt_datetimefield_value(now)
    with durable_action(), connection.cursor() as cursor:
        cursor.execute(
            ISSUE_STATEMENTS,
            {"quarter": quarter, "low": low, "high": high, "now": stored_now,
             "due_on": connection.ops.adapt_datefield_value(due_on),
             "waiver_cents": int(rules.QUARTER_WAIVER * 100)},
        )  # fmt: skip
        issued = [
            Issued(pk, account_id, kind, queries.cents(Decimal(str(balance))), bool(waived))
            for pk, account_id, kind, balance, waived in cursor.fetchall()
        ]
        if any(i.waived for i in issued):
            cursor.execute(WAIVE, {"quarter": quarter, "low": low, "high": high, "now": stored_now})
        _send(quarter, issued, due_on=due_on)
    return issued


@dataclass(frozen=True)
class Issued:
    pk: int
    account_id: int
    kind: str
    balance: Decimal
    waived: bool


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
RETURNING id, account_id, kind, balance, waived
"""  # noqa: S608 (the table names only: every value is a parameter)

# The waiver row of each waived statement this batch issued (``issued_at`` is the run's now).
WAIVE = f"""
INSERT INTO {_LEDGER}
    (account_id, kind, quarter, amount, at, recorded_at, statement_id, receipt_number)
SELECT account_id, 'waiver', quarter, -quarter_charges, %(now)s, %(now)s, id, ''
FROM {_STATEMENTS}
WHERE quarter = %(quarter)s AND account_id BETWEEN %(low)s AND %(high)s
  AND issued_at = %(now)s AND waived
"""  # noqa: S608 (the table names only: every value is a parameter)


def _send(quarter: str, issued: list[Issued], *, due_on: date) -> None:
    people = accounts.people(account_ids=[i.account_id for i in issued])
    # One reverse() for the batch: the invoice page's address with the id put in.
    link = absolute(reverse("billing:statement", args=[0]))
    letters_to = []
    for statement in issued:
        person = people.get(statement.account_id)
        if person is None or not person.email:
            continue
        letter = letters.quarter_letter(
            kind=statement.kind,
            name=person.full_name or person.username,
            account_number=person.account_number,
            quarter=quarter,
            balance=statement.balance,
            waived=statement.waived,
            due_on=due_on,
            url=link.replace("/0/", f"/{statement.pk}/"),
        )
        letters_to.append(
            LetterTo(letter, person.email, f"billing.{statement.kind}", account_id=person.id)
        )
    queue_letters(letters_to)
