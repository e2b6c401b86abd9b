"""Reads of charges, balances, statements and exemptions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
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


def billed_account(account_id: int) -> int:
    """Whose bill this person's charges land on: their firm's PAA while they are a member."""
    membership = firms.live_membership_of(account_id=account_id)
    return membership.paa_account_id if membership is not None else account_id


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
    if rules.pacer_day(now) <= due_on + timedelta(days=grace_days()):
        return None
    owed = owed_through(account_id, quarter)
    if owed <= 0:
        return None
    return Suspension(statement_id=statement_id, quarter=quarter, owed=owed, due_on=due_on)


def live_exemption(*, account_id: int, court_id: str, kind: str, today: date) -> Exemption | None:
    for exemption in Exemption.objects.filter(
        account_id=account_id, court_id=court_id, enabled=True, ends_on__gte=today
    ):
        if rules.exemption_covers(scope=exemption.scope, kind=kind):
            return exemption
    return None


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
