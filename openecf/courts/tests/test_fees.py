"""A court's fee schedule: the national schedule by default, the clerk's setting when there is one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from openecf.core.errors import NotFound
from openecf.courts import fees
from openecf.courts.models import CourtFee


@pytest.mark.parametrize(
    ("court_id", "kind", "amount"),
    [
        ("mowd", "attorney_admission", Decimal("199.00")),
        ("mowd", "pro_hac_vice", Decimal("100.00")),
        ("mowd", "civil_complaint", Decimal("405.00")),
        ("mowd", "notice_of_appeal", Decimal("605.00")),
        ("mowd", "misc_case", Decimal("52.00")),
        ("mowd", "annual_dues", Decimal("0")),
        ("mowd", "bankruptcy_ch7", Decimal("0")),
        ("mowb", "bankruptcy_ch7", Decimal("338.00")),
        ("mowb", "bankruptcy_ch11", Decimal("1738.00")),
        ("mowb", "bankruptcy_ch12", Decimal("278.00")),
        ("mowb", "bankruptcy_ch13", Decimal("313.00")),
        ("mowb", "adversary", Decimal("350.00")),
        ("mowb", "civil_complaint", Decimal("0")),
        ("ca8", "attorney_admission", Decimal("0")),
    ],
)
def test_a_court_charges_the_national_schedule_until_its_clerk_sets_a_fee(
    courts, court_id, kind, amount
):
    assert fees.fee_amount(court_id=court_id, kind=kind) == amount


def test_the_courts_own_amount_replaces_the_national_one(mowd):
    CourtFee.objects.create(court=mowd, kind="pro_hac_vice", amount=Decimal("90.00"))
    CourtFee.objects.create(court=mowd, kind="civil_complaint", amount=Decimal("0"))

    assert fees.fee_amount(court_id="mowd", kind="pro_hac_vice") == Decimal("90.00")
    assert fees.fee_amount(court_id="mowd", kind="civil_complaint") == Decimal("0")
    assert fees.fee_amount(court_id="mowd", kind="notice_of_appeal") == Decimal("605.00")


def test_an_unknown_kind_of_fee_or_court_is_refused(courts):
    with pytest.raises(ValueError, match="'parking' is not a kind of court fee"):
        fees.fee_amount(court_id="mowd", kind="parking")
    with pytest.raises(NotFound, match="There is no court 'zzzz'"):
        fees.fee_amount(court_id="zzzz", kind="civil_complaint")


def test_the_schedule_lists_every_kind_and_marks_the_courts_own_amounts(mowd):
    CourtFee.objects.create(court=mowd, kind="pro_hac_vice", amount=Decimal("90.00"))

    schedule = fees.fee_schedule(court_id="mowd")

    assert [line.kind for line in schedule.lines] == list(fees.FeeKind.values)
    assert [(line.kind, line.amount) for line in schedule.lines if line.is_local] == [
        ("pro_hac_vice", Decimal("90.00"))
    ]
    assert (schedule.dues_cycle_years, schedule.fee_before_privilege) == (0, False)
    assert schedule.dues_cycle_label == "No dues"


@pytest.mark.parametrize(
    ("day", "cycle", "period"),
    [
        (date(2026, 11, 30), 0, None),
        (date(2026, 11, 30), 1, (date(2026, 1, 1), date(2026, 12, 31))),
        (date(2026, 11, 30), 2, (date(2026, 1, 1), date(2027, 12, 31))),
        (date(2027, 1, 1), 2, (date(2026, 1, 1), date(2027, 12, 31))),
        (date(2028, 1, 1), 2, (date(2028, 1, 1), date(2029, 12, 31))),
        (date(2026, 6, 1), 5, (date(2025, 1, 1), date(2029, 12, 31))),
    ],
)
def test_dues_cycles_are_whole_calendar_years_counted_from_2000(day, cycle, period):
    assert fees.dues_period(day, cycle) == period


def test_a_dues_period_reads_as_its_years():
    assert fees.dues_period_label((date(2026, 1, 1), date(2026, 12, 31))) == "2026"
    assert fees.dues_period_label((date(2026, 1, 1), date(2027, 12, 31))) == "2026–2027"
