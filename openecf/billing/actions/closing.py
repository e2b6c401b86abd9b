"""Closing a billing quarter: waive $30.00 or less, issue invoices and statements, e-mail them.

Accounts are closed in batches, each batch one transaction with its e-mails, so a run that is
killed keeps the batches it finished and a second run picks up the rest; an account closed once
is never closed again (one statement per account and quarter, a database constraint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError
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
from openecf.core.outbox import queue_letter
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
            issued = _close_batch(quarter, ids, now=now)
        except IntegrityError:  # another run closed some of these meanwhile
            issued = []
        invoices += sum(1 for s in issued if s.kind == QuarterStatement.Kind.INVOICE)
        statements += sum(1 for s in issued if s.kind == QuarterStatement.Kind.STATEMENT)
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


def _close_batch(quarter: str, ids: list[int], *, now: datetime) -> list[QuarterStatement]:
    due_on = rules.pacer_day(now) + timedelta(days=queries.payment_days())
    people = accounts.people(account_ids=ids)
    with durable_action():
        totals = (
            LedgerEntry.objects.filter(account_id__in=ids, quarter__lte=quarter)
            .values("account_id")
            .annotate(
                balance=Sum("amount"),
                charges=Sum("amount", filter=Q(quarter=quarter)),
            )
            .order_by("account_id")
        )
        issued = []
        for row in totals:
            charges = queries.cents(row["charges"])
            waived = rules.quarter_is_waived(charges)
            balance = queries.cents(row["balance"]) - (charges if waived else 0)
            issued.append(
                QuarterStatement(
                    account_id=row["account_id"],
                    quarter=quarter,
                    kind="invoice" if balance > 0 else "statement",
                    quarter_charges=charges,
                    waived=waived,
                    balance=balance,
                    issued_at=now,
                    due_on=due_on,
                )
            )
        QuarterStatement.objects.bulk_create(issued)
        LedgerEntry.objects.bulk_create(
            LedgerEntry(
                account_id=s.account_id,
                kind=LedgerEntry.Kind.WAIVER,
                quarter=quarter,
                amount=-s.quarter_charges,
                at=now,
                recorded_at=now,
                statement=s,
            )
            for s in issued
            if s.waived
        )
        for statement in issued:
            person = people.get(statement.account_id)
            if person is not None and person.email:
                _send(statement, person)
    return issued


def _send(statement: QuarterStatement, person: accounts.Person) -> None:
    letter = letters.quarter_letter(
        kind=statement.kind,
        name=person.full_name or person.username,
        account_number=person.account_number,
        quarter=statement.quarter,
        balance=statement.balance,
        waived=statement.waived,
        due_on=statement.due_on,
        url=absolute(reverse("billing:statement", args=[statement.pk])),
    )
    queue_letter(letter, to=[person.email], kind=f"billing.{statement.kind}", account_id=person.id)
