"""``openecf billing check``: prove the billing ledger adds up.

A balance is never stored: it is the sum of the account's ledger rows. What can go wrong is
the rows themselves, so the check proves that every billed view has exactly one charge row of
its amount on the right bill, every statement's figures are the sums of the rows it was issued
from, every waiver belongs to a waived quarter, and every balance move nets to zero.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Q, Sum

from openecf.billing import rules
from openecf.billing.models import AccessCharge, LedgerEntry, QuarterStatement
from openecf.billing.queries import cents


def check() -> list[str]:
    return [*_charges(), *_statements(), *_waivers(), *_moves(), *_payments()]


def _charges() -> list[str]:
    problems = []
    billed = AccessCharge.objects.filter(amount__gt=0)
    missing = billed.filter(ledger_entry__isnull=True).values_list("pk", flat=True)[:20]
    problems += [f"charge {pk}: billed but has no ledger row" for pk in missing]
    wrong = (
        billed.filter(ledger_entry__isnull=False)
        .exclude(ledger_entry__amount=F("amount"))
        .values_list("pk", flat=True)[:20]
    )
    problems += [f"charge {pk}: its ledger row has another amount" for pk in wrong]
    elsewhere = (
        AccessCharge.objects.filter(ledger_entry__isnull=False)
        .exclude(ledger_entry__account_id=F("billed_to_id"))
        .values_list("pk", flat=True)[:20]
    )
    problems += [f"charge {pk}: its ledger row is on another bill" for pk in elsewhere]
    free = AccessCharge.objects.filter(amount=0, ledger_entry__isnull=False)
    problems += [
        f"charge {pk}: free but on the ledger" for pk in free.values_list("pk", flat=True)[:20]
    ]
    return problems


def _statements() -> list[str]:
    problems = []
    groups = QuarterStatement.objects.values("quarter", "issued_at").annotate(n=Count("pk"))
    for group in groups:
        quarter, issued_at = group["quarter"], group["issued_at"]
        statements = QuarterStatement.objects.filter(quarter=quarter, issued_at=issued_at)
        sums = {
            row["account_id"]: row
            for row in LedgerEntry.objects.filter(
                account_id__in=statements.values("account_id"),
                quarter__lte=quarter,
                recorded_at__lte=issued_at,
            )
            # A payment of this quarter's invoice (or a later one) came after it was issued.
            .exclude(kind=LedgerEntry.Kind.PAYMENT, statement__quarter__gte=quarter)
            .values("account_id")
            .annotate(
                balance=Sum("amount"),
                charges=Sum("amount", filter=Q(quarter=quarter) & ~Q(kind=LedgerEntry.Kind.WAIVER)),
            )
            .order_by()
        }
        for statement in statements.iterator():
            found = sums.get(statement.account_id, {})
            balance = cents(found.get("balance"))
            charges = cents(found.get("charges"))
            name = f"{statement.kind} {statement.pk} ({statement.quarter})"
            if balance != statement.balance:
                problems.append(f"{name}: balance {statement.balance} but rows sum to {balance}")
            if charges != statement.quarter_charges:
                problems.append(
                    f"{name}: quarter charges {statement.quarter_charges} but rows sum to {charges}"
                )
            should_waive = rules.quarter_is_waived(charges)
            if statement.waived != should_waive:
                problems.append(f"{name}: waived is {statement.waived}, rules say {should_waive}")
            if (statement.kind == QuarterStatement.Kind.INVOICE) != (statement.balance > 0):
                problems.append(f"{name}: an invoice must have a balance due, a statement not")
    return problems


def _waivers() -> list[str]:
    problems = []
    for row in LedgerEntry.objects.filter(kind=LedgerEntry.Kind.WAIVER).select_related("statement"):
        statement = row.statement
        if statement is None or not statement.waived or statement.account_id != row.account_id:
            problems.append(f"waiver {row.pk}: not from a waived statement of its account")
        elif row.amount != -statement.quarter_charges:
            problems.append(f"waiver {row.pk}: {row.amount} is not the quarter's charges")
    return problems


def _moves() -> list[str]:
    unbalanced = (
        LedgerEntry.objects.filter(move__isnull=False)
        .values("move_id")
        .annotate(total=Sum("amount"))
        .exclude(total=0)
    )
    return [f"balance move {row['move_id']}: rows sum to {row['total']}" for row in unbalanced]


def _payments() -> list[str]:
    wrong = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.PAYMENT).filter(
        Q(amount__gte=0) | Q(receipt_number="")
    )
    return [
        f"payment row {pk}: needs a receipt and a negative amount"
        for pk in wrong.values_list("pk", flat=True)
    ]


def summary() -> str:
    rows = defaultdict(int)
    for kind, n in LedgerEntry.objects.values_list("kind").annotate(n=Count("pk")).order_by():
        rows[kind] = n
    statements = QuarterStatement.objects.count()
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(rows.items())) or "no rows"
    return f"{parts}; {statements} statements"
