"""The clerk's fee report: a court's payments by day and by kind of fee, and its refunds.

Read from payments' ledger (``payments.facade.court_ledger``); a court fee's kind comes from
the fee row its ``ecf.fee:<id>`` names, a filing fee's from payments' purpose.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from openecf.core import clock
from openecf.ecf.models import CourtFeeOwed
from openecf.payments import facade as payments

PURPOSE_LABELS = {"filing_fee": "Filing fee", "pacer_invoice": "PACER invoice"}
FEE_PREFIX = "ecf.fee:"


ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Line:
    """Payments (charges) and refunds of a day or a kind of fee; refunds count positive here."""

    label: str
    count: int
    charged: Decimal
    refunded: Decimal

    @property
    def net(self) -> Decimal:
        return self.charged - self.refunded


@dataclass(frozen=True)
class FeeReport:
    court_id: str
    start: date
    end: date
    rows: list[payments.LedgerRow]
    kinds: dict[str, str]  # receipt number -> what was paid for
    by_day: list[Line]
    by_kind: list[Line]
    refunds: list[payments.LedgerRow]  # the amount given back, positive
    total: Line


def this_month(now: datetime, zone: str) -> tuple[date, date]:
    today = clock.in_zone(now, zone).date()
    return today.replace(day=1), today


def fee_report(*, court_id: str, time_zone: str, start: date, end: date) -> FeeReport:
    """Payments and refunds recorded at the court from ``start`` to ``end`` (court dates)."""
    zone = ZoneInfo(time_zone)
    rows = payments.court_ledger(
        court_id=court_id,
        start=datetime.combine(start, time(0), tzinfo=zone),
        end=datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone),
    )
    kinds = _kinds(rows)
    by_day: dict[date, list[payments.LedgerRow]] = defaultdict(list)
    by_kind: dict[str, list[payments.LedgerRow]] = defaultdict(list)
    for row in rows:
        by_day[clock.in_zone(row.recorded_at, time_zone).date()].append(row)
        by_kind[kinds[row.receipt_number]].append(row)
    return FeeReport(
        court_id=court_id,
        start=start,
        end=end,
        rows=rows,
        kinds=kinds,
        by_day=[
            _line(f"{day:%B} {day.day}, {day.year}", found) for day, found in sorted(by_day.items())
        ],
        by_kind=[_line(kind, found) for kind, found in sorted(by_kind.items())],
        refunds=[replace(row, amount=-row.amount) for row in rows if row.kind == "refund"],
        total=_line("Total", rows),
    )


def _kinds(rows: list[payments.LedgerRow]) -> dict[str, str]:
    fee_ids = {
        int(row.purpose_ref.removeprefix(FEE_PREFIX))
        for row in rows
        if row.purpose_ref.startswith(FEE_PREFIX)
        and row.purpose_ref.removeprefix(FEE_PREFIX).isdigit()
    }
    labels = dict(CourtFeeOwed.Kind.choices)
    fee_kinds = {
        pk: labels.get(kind, kind)
        for pk, kind in CourtFeeOwed.objects.filter(pk__in=fee_ids).values_list("pk", "kind")
    }
    found = {}
    for row in rows:
        ref = row.purpose_ref.removeprefix(FEE_PREFIX)
        if row.purpose_ref.startswith(FEE_PREFIX) and ref.isdigit() and int(ref) in fee_kinds:
            found[row.receipt_number] = fee_kinds[int(ref)]
        else:
            found[row.receipt_number] = PURPOSE_LABELS.get(row.purpose, row.purpose)
    return found


def _line(label: str, rows: list[payments.LedgerRow]) -> Line:
    charges = [row.amount for row in rows if row.kind == "charge"]
    return Line(
        label=label,
        count=len(charges),
        charged=sum(charges, ZERO),
        refunded=-sum((row.amount for row in rows if row.kind == "refund"), ZERO),
    )


def as_csv(report: FeeReport, time_zone: str) -> str:
    """Every ledger row of the report, one a line, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["recorded_at", "kind", "receipt_number", "fee", "amount", "payer_id", "reason"]
    )
    for row in report.rows:
        writer.writerow(
            [
                clock.in_zone(row.recorded_at, time_zone).isoformat(timespec="seconds"),
                row.kind,
                row.receipt_number,
                report.kinds[row.receipt_number],
                f"{row.amount:.2f}",
                row.payer_id,
                row.reason,
            ]
        )
    return out.getvalue()
