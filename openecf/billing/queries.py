"""Reads of charges, balances, statements and exemptions."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet, Sum

from openecf.billing import rules
from openecf.billing.models import AccessCharge, Exemption, LedgerEntry, QuarterStatement
from openecf.firms import facade as firms

ZERO = Decimal("0.00")


def balance(account_id: int) -> Decimal:
    """The account's balance: the sum of its ledger rows, nothing else."""
    found = LedgerEntry.objects.filter(account_id=account_id).aggregate(total=Sum("amount"))
    return cents(found["total"])


def cents(amount: Decimal | None) -> Decimal:
    """A database sum as dollars and cents (SQLite drops trailing zeros)."""
    return (amount or ZERO).quantize(ZERO)


def owed_through(account_id: int, quarter: str) -> Decimal:
    """What the account owes for quarters up to and including ``quarter`` (payments included)."""
    found = LedgerEntry.objects.filter(account_id=account_id, quarter__lte=quarter).aggregate(
        total=Sum("amount")
    )
    return cents(found["total"])


@dataclass(frozen=True)
class Bill:
    """Whose bill a person's charges land on (their firm's PAA while they are a member) and
    whether it requires a client code on each."""

    account_id: int
    client_code_required: bool


def bill_of(account_id: int) -> Bill:
    firm = firms.firm_bill_of(account_id=account_id)
    if firm is None:
        return Bill(account_id=account_id, client_code_required=False)
    return Bill(account_id=firm.paa_account_id, client_code_required=firm.client_code_required)


def billed_account(account_id: int) -> int:
    """Whose bill this person's charges land on: their firm's PAA while they are a member."""
    return bill_of(account_id).account_id


def grace_days() -> int:
    """Days after an invoice's due date before PACER access is suspended (setting)."""
    return int(getattr(settings, "OPENECF_BILLING_SUSPEND_AFTER_DAYS", 30))


def payment_days() -> int:
    """Days from the invoice to its due date (setting)."""
    return int(getattr(settings, "OPENECF_BILLING_PAYMENT_DAYS", 30))


@dataclass(frozen=True)
class Suspension:
    statement_id: int
    quarter: str
    owed: Decimal
    due_on: date


def suspension_of(account_id: int, *, now: datetime) -> Suspension | None:
    """The unpaid invoice that suspends this bill's PACER access, or None."""
    latest = (
        QuarterStatement.objects.filter(account_id=account_id)
        .order_by("-quarter")
        .values_list("pk", "kind", "quarter", "due_on")
        .first()
    )
    if latest is None or latest[1] != QuarterStatement.Kind.INVOICE:
        return None
    statement_id, _kind, quarter, due_on = latest
    if due_on >= overdue_before(now):
        return None
    owed = owed_through(account_id, quarter)
    if owed <= 0:
        return None
    return Suspension(statement_id=statement_id, quarter=quarter, owed=owed, due_on=due_on)


def overdue_before(now: datetime) -> date:
    """An unpaid invoice due before this day suspends its bill's PACER access (its grace days
    are over)."""
    return rules.pacer_day(now) - timedelta(days=grace_days())


@dataclass(frozen=True)
class ViewFacts:
    """What billing holds on one view about to be priced and charged."""

    bill: Bill
    charged_id: int | None  # the charge already recorded under the view's key
    exempt: bool  # a live exemption of the viewer at the court covers this kind of view
    overdue: bool  # the bill's latest statement is an invoice past its grace days


def view_facts(
    *, view_key: str, account_id: int, court_id: str | None, kind: str, now: datetime
) -> ViewFacts:
    """Whose bill the view lands on; whether it was charged already, whether an exemption
    frees it and whether its bill may be suspended, these three in one hand-written statement
    (decision 0008): each through the ORM cost more to build than to run, on every charge.

    ``overdue`` only says that ``suspension_of`` has something to look at (what is still owed
    decides); no court (``None``) has no exemption.
    """
    bill = bill_of(account_id)
    scopes = rules.scopes_covering(kind)
    with connection.cursor() as cursor:
        cursor.execute(
            _view_facts_sql(len(scopes)),
            [
                view_key,
                *(account_id, court_id, True, rules.pacer_day(now), *scopes),
                *(QuarterStatement.Kind.INVOICE, overdue_before(now), bill.account_id),
            ],
        )
        charged_id, exempt, overdue = cursor.fetchone()
    return ViewFacts(bill=bill, charged_id=charged_id, exempt=bool(exempt), overdue=bool(overdue))


@functools.cache
def _view_facts_sql(scopes: int) -> str:
    quote = connection.ops.quote_name
    charges, exemptions, statements = (
        quote(model._meta.db_table) for model in (AccessCharge, Exemption, QuarterStatement)
    )
    # Only model names go into this SQL; every value is a parameter.
    return (
        f"SELECT (SELECT id FROM {charges} WHERE view_key = %s), "  # noqa: S608
        f"EXISTS (SELECT 1 FROM {exemptions} WHERE account_id = %s AND court_id = %s"
        f" AND enabled = %s AND ends_on >= %s AND scope IN ({', '.join(['%s'] * scopes)})), "
        f"(SELECT kind = %s AND due_on < %s FROM {statements} WHERE account_id = %s"
        " ORDER BY quarter DESC LIMIT 1)"
    )


@dataclass(frozen=True)
class UsageFilter:
    start: datetime | None = None
    end: datetime | None = None
    court_id: str = ""
    client_code: str = ""


def usage(filters: UsageFilter, *, now: datetime, **who: int) -> QuerySet[AccessCharge]:
    """Charges of one viewer (``account_id=``) or one bill (``billed_to_id=``), newest first,
    never older than 24 months."""
    oldest = now - timedelta(days=rules.USAGE_MONTHS * 366 // 12)
    rows = AccessCharge.objects.filter(**who, at__gte=max(oldest, filters.start or oldest))
    if filters.end is not None:
        rows = rows.filter(at__lt=filters.end)
    if filters.court_id:
        rows = rows.filter(court_id=filters.court_id)
    if filters.client_code:
        rows = rows.filter(client_code=filters.client_code)
    return rows.order_by("-at", "-pk")


def statements_of(account_id: int, *, now: datetime) -> QuerySet[QuarterStatement]:
    oldest = rules.quarter_of(now - timedelta(days=rules.USAGE_MONTHS * 366 // 12))
    return QuarterStatement.objects.filter(account_id=account_id, quarter__gte=oldest)


def statement_lines(statement: QuarterStatement) -> list[dict]:
    """The quarter's charges on this bill, itemised by person and client code."""
    return usage_totals(
        AccessCharge.objects.filter(billed_to_id=statement.account_id, quarter=statement.quarter)
    )


def usage_totals(rows: QuerySet[AccessCharge]) -> list[dict]:
    """The rows' pages and cost (dollars and cents) by person and client code."""
    totals = (
        rows.order_by()
        .values("username", "client_code")
        .annotate(amount=Sum("amount"), pages=Sum("pages"))
        .order_by("username", "client_code")
    )
    return [{**total, "amount": cents(total["amount"])} for total in totals]
