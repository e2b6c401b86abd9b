"""A court's fee schedule: the kinds of court fees, the national schedule, the court's settings.

``fee_amount(court_id=, kind=)`` is what every app asks ("what does this court charge for a
civil complaint?"): the court's own setting when its clerk set one, else the national schedule
for the court's kind (district, bankruptcy, appellate), else ``Decimal("0")`` (no fee).

Amounts are the national schedules effective Dec 1, 2023 (28 U.S.C. §§ 1914 and 1930, the
Judicial Conference's miscellaneous fee schedules); pro hac vice is a local fee ($100 in S.D.
Iowa and D.R.I.) used as the district default. Annual dues are local too: no default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models

from openecf.core.errors import NotFound
from openecf.courts.models import Court, CourtFee, CourtFeeChange


class FeeKind(models.TextChoices):
    ATTORNEY_ADMISSION = "attorney_admission", "Attorney admission"
    PRO_HAC_VICE = "pro_hac_vice", "Pro hac vice"
    ANNUAL_DUES = "annual_dues", "Annual dues"
    CIVIL_COMPLAINT = "civil_complaint", "Civil action (complaint)"
    NOTICE_OF_APPEAL = "notice_of_appeal", "Notice of appeal"
    HABEAS_CORPUS = "habeas_corpus", "Writ of habeas corpus"
    MISC_CASE = "misc_case", "Miscellaneous case"
    BANKRUPTCY_CH7 = "bankruptcy_ch7", "Chapter 7 petition"
    BANKRUPTCY_CH9 = "bankruptcy_ch9", "Chapter 9 petition"
    BANKRUPTCY_CH11 = "bankruptcy_ch11", "Chapter 11 petition"
    BANKRUPTCY_CH12 = "bankruptcy_ch12", "Chapter 12 petition"
    BANKRUPTCY_CH13 = "bankruptcy_ch13", "Chapter 13 petition"
    BANKRUPTCY_CH15 = "bankruptcy_ch15", "Chapter 15 petition"
    ADVERSARY = "adversary", "Adversary proceeding"


# The national schedule per court kind; a kind missing here costs nothing by default.
NATIONAL_SCHEDULE: dict[str, dict[str, Decimal]] = {
    "district": {
        FeeKind.ATTORNEY_ADMISSION: Decimal("199.00"),
        FeeKind.PRO_HAC_VICE: Decimal("100.00"),
        FeeKind.CIVIL_COMPLAINT: Decimal("405.00"),
        FeeKind.NOTICE_OF_APPEAL: Decimal("605.00"),
        FeeKind.HABEAS_CORPUS: Decimal("5.00"),
        FeeKind.MISC_CASE: Decimal("52.00"),
    },
    "bankruptcy": {
        FeeKind.BANKRUPTCY_CH7: Decimal("338.00"),
        FeeKind.BANKRUPTCY_CH9: Decimal("1738.00"),
        FeeKind.BANKRUPTCY_CH11: Decimal("1738.00"),
        FeeKind.BANKRUPTCY_CH12: Decimal("278.00"),
        FeeKind.BANKRUPTCY_CH13: Decimal("313.00"),
        FeeKind.BANKRUPTCY_CH15: Decimal("1738.00"),
        FeeKind.ADVERSARY: Decimal("350.00"),
    },
    "appellate": {},
}

# How often attorney dues fall due, in calendar years (0: the court charges no dues).
DUES_CYCLES: dict[int, str] = {
    0: "No dues",
    1: "Every calendar year",
    2: "Every 2 years",
    3: "Every 3 years",
    5: "Every 5 years",
}
MAX_FEE = Decimal("100000.00")


def national_amount(court_kind: str, kind: str) -> Decimal:
    """The national schedule's amount for ``kind`` at a court of ``court_kind`` (pure)."""
    return NATIONAL_SCHEDULE.get(court_kind, {}).get(kind, Decimal("0"))


def fee_amount(*, court_id: str, kind: str) -> Decimal:
    """What the court charges now for ``kind``; ``Decimal("0")`` means no fee.

    Raises ``ValueError`` for a kind that is not a ``FeeKind`` and ``NotFound`` for an unknown
    court. One query when the clerk set the fee, two otherwise.
    """
    if kind not in FeeKind.values:
        raise ValueError(f"{kind!r} is not a kind of court fee.")
    own = CourtFee.objects.filter(court_id=court_id, kind=kind).values_list("amount", flat=True)
    for amount in own:
        return amount
    court_kind = Court.objects.filter(pk=court_id).values_list("kind", flat=True).first()
    if court_kind is None:
        raise NotFound(f"There is no court {court_id!r}: check the court id (e.g. mowd).")
    return national_amount(court_kind, kind)


@dataclass(frozen=True)
class FeeLine:
    """One line of a court's fee schedule: the amount now and whether the clerk set it."""

    kind: str
    label: str
    amount: Decimal
    national: Decimal

    @property
    def is_local(self) -> bool:
        return self.amount != self.national


@dataclass(frozen=True)
class FeeSchedule:
    court_id: str
    lines: tuple[FeeLine, ...]
    dues_cycle_years: int
    fee_before_privilege: bool

    def amount(self, kind: str) -> Decimal:
        return next(line.amount for line in self.lines if line.kind == kind)

    @property
    def dues_cycle_label(self) -> str:
        return DUES_CYCLES.get(self.dues_cycle_years, f"Every {self.dues_cycle_years} years")


def fee_schedule(*, court_id: str) -> FeeSchedule:
    """Every kind of fee at the court, in ``FeeKind`` order, with the court's fee policy."""
    court = (
        Court.objects.filter(pk=court_id)
        .values("kind", "dues_cycle_years", "fee_before_privilege")
        .first()
    )
    if court is None:
        raise NotFound(f"There is no court {court_id!r}: check the court id (e.g. mowd).")
    own = dict(CourtFee.objects.filter(court_id=court_id).values_list("kind", "amount"))
    lines = []
    for kind, label in FeeKind.choices:
        national = national_amount(court["kind"], kind)
        lines.append(FeeLine(kind, label, own.get(kind, national), national))
    return FeeSchedule(
        court_id=court_id,
        lines=tuple(lines),
        dues_cycle_years=court["dues_cycle_years"],
        fee_before_privilege=court["fee_before_privilege"],
    )


def dues_period(day: date, cycle_years: int) -> tuple[date, date] | None:
    """The dues cycle holding ``day`` (first and last day), or None when there are no dues.

    Cycles are whole calendar years counted from 2000 (every 2 years: 2026–2027, 2028–2029).
    """
    if cycle_years <= 0:
        return None
    first_year = day.year - (day.year - 2000) % cycle_years
    return date(first_year, 1, 1), date(first_year + cycle_years - 1, 12, 31)


def dues_period_label(period: tuple[date, date]) -> str:
    first, last = period
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def fee_settings_problems(
    *, amounts: dict[str, Decimal], dues_cycle_years: int
) -> dict[str, list[str]]:
    """What is wrong with a clerk's fee settings, field by field (pure; empty when fine)."""
    problems: dict[str, list[str]] = {}
    for kind, amount in amounts.items():
        if kind not in FeeKind.values:
            problems.setdefault(kind, []).append(f"{kind!r} is not a kind of court fee.")
        elif amount < 0 or amount > MAX_FEE or amount != amount.quantize(Decimal("0.01")):
            problems.setdefault(kind, []).append(
                f"Write the {FeeKind(kind).label.lower()} fee in dollars and cents from 0 "
                f"(no fee) to {MAX_FEE:,}, like 100.00."
            )
    if dues_cycle_years not in DUES_CYCLES:
        problems["dues_cycle_years"] = [
            "Choose how often dues fall due: "
            + ", ".join(f"{years} ({label.lower()})" for years, label in DUES_CYCLES.items())
            + "."
        ]
    return problems


@dataclass(frozen=True)
class FeeChange:
    """One line of a court's fee history."""

    setting: str
    label: str
    before: str
    after: str
    changed_by: str  # the clerk's name; "" for a command or the system
    changed_at: datetime


SETTING_LABELS = {
    **dict(FeeKind.choices),
    "dues_cycle_years": "Dues cycle (years; 0 = no dues)",
    "fee_before_privilege": "Payment required before the privilege is active",
}


def fee_history(*, court_id: str, limit: int = 50) -> list[FeeChange]:
    """The court's latest fee changes, newest first (one save's changes in the order made)."""
    rows = (
        CourtFeeChange.objects.filter(court_id=court_id)
        .select_related("changed_by")
        .order_by("-changed_at", "pk")[:limit]
    )
    return [
        FeeChange(
            setting=row.setting,
            label=SETTING_LABELS.get(row.setting, row.setting),
            before=row.before,
            after=row.after,
            changed_by=row.changed_by.full_name if row.changed_by else "",
            changed_at=row.changed_at,
        )
        for row in rows
    ]
