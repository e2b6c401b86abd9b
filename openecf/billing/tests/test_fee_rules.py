"""The EPA fee schedule and the quarter, at their boundaries (no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from openecf.billing import rules
from openecf.billing.rules import AccessKind


@pytest.mark.parametrize(
    ("size_bytes", "pages"), [(0, 1), (1, 1), (4320, 1), (4321, 2), (8640, 2), (8641, 3)]
)
def test_an_html_report_is_a_page_per_4320_bytes_rounded_up(size_bytes, pages):
    assert rules.html_pages(size_bytes) == pages


@pytest.mark.parametrize(
    ("kind", "pages", "amount", "capped"),
    [
        (AccessKind.DOCUMENT, 1, "0.10", False),
        (AccessKind.DOCUMENT, 30, "3.00", False),
        (AccessKind.DOCUMENT, 31, "3.00", True),
        (AccessKind.DOCUMENT, 500, "3.00", True),
        (AccessKind.TRANSCRIPT, 30, "3.00", False),
        (AccessKind.TRANSCRIPT, 31, "3.10", False),
    ],
)
def test_a_pdf_costs_ten_cents_a_page_capped_at_30_for_case_items(kind, pages, amount, capped):
    fee = rules.access_fee_for(kind=kind, pages=pages)
    assert (fee.amount, fee.capped) == (Decimal(amount), capped)
    assert fee.pages == min(pages, 30) if capped else pages


@pytest.mark.parametrize(
    ("kind", "size_bytes", "pages", "amount"),
    [
        (AccessKind.DOCKET_REPORT, 4320, 1, "0.10"),
        (AccessKind.DOCKET_REPORT, 4321, 2, "0.20"),
        (AccessKind.DOCKET_REPORT, 30 * 4320, 30, "3.00"),
        (AccessKind.DOCKET_REPORT, 30 * 4320 + 1, 30, "3.00"),
        (AccessKind.CASE_REPORT, 31 * 4320, 30, "3.00"),
        (AccessKind.REPORT, 30 * 4320 + 1, 31, "3.10"),
    ],
)
def test_an_html_report_is_billed_by_bytes(kind, size_bytes, pages, amount):
    fee = rules.access_fee_for(kind=kind, size_bytes=size_bytes)
    assert (fee.pages, fee.amount) == (pages, Decimal(amount))


@pytest.mark.parametrize(("results", "pages"), [(0, 1), (1, 1), (54, 1), (55, 2), (540, 10)])
def test_case_locator_results_are_54_a_page_and_no_result_is_one_page(results, pages):
    assert rules.locator_pages(results) == pages


def test_search_results_are_not_capped():
    fee = rules.access_fee_for(kind=AccessKind.SEARCH, pages=rules.locator_pages(54 * 40))
    assert (fee.pages, fee.amount, fee.capped) == (40, Decimal("4.00"), False)


def test_a_search_with_no_result_costs_one_page():
    assert rules.access_fee_for(kind=AccessKind.SEARCH, pages=0).amount == Decimal("0.10")


def test_an_audio_file_costs_2_40_and_an_opinion_nothing():
    assert rules.access_fee_for(kind=AccessKind.AUDIO).amount == Decimal("2.40")
    opinion = rules.access_fee_for(kind=AccessKind.OPINION, pages=12)
    assert (opinion.amount, opinion.free_reason) == (Decimal("0.00"), "opinion")


@pytest.mark.parametrize(
    ("total", "waived"),
    [
        ("0.00", False),
        ("0.10", True),
        ("29.99", True),
        ("30.00", True),
        ("30.01", False),
        ("45.00", False),
    ],
)
def test_a_quarter_of_30_dollars_or_less_is_waived(total, waived):
    assert rules.quarter_is_waived(Decimal(total)) is waived


@pytest.mark.parametrize(
    ("moment", "quarter"),
    [
        (datetime(2026, 7, 1, 4, 59, tzinfo=UTC), "2026Q2"),  # 11:59 p.m. June 30 in Chicago
        (datetime(2026, 7, 1, 5, 0, tzinfo=UTC), "2026Q3"),
        (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), "2026Q4"),
        (datetime(2027, 1, 1, 6, 0, tzinfo=UTC), "2027Q1"),
    ],
)
def test_the_quarter_is_counted_on_pacers_calendar(moment, quarter):
    assert rules.quarter_of(moment) == quarter


def test_quarter_bounds_cover_three_months():
    start, end = rules.quarter_bounds("2026Q4")
    assert (start.date().isoformat(), end.date().isoformat()) == ("2026-10-01", "2027-01-01")
    assert rules.quarter_of(start) == "2026Q4"


@pytest.mark.parametrize("text", ["2026Q5", "2026-3", "Q3", ""])
def test_a_badly_named_quarter_is_refused(text):
    assert rules.quarter_problems(text) == {
        "quarter": ["Name a quarter as YEARQn, for example 2026Q3."]
    }


@pytest.mark.parametrize(
    ("scope", "kind", "covered"),
    [
        ("all", "docket_report", True),
        ("documents", "document", True),
        ("documents", "docket_report", False),
        ("reports", "search", True),
        ("reports", "audio", False),
    ],
)
def test_an_exemption_covers_its_scope_only(scope, kind, covered):
    assert rules.exemption_covers(scope=scope, kind=kind) is covered


def test_a_required_client_code_must_be_given():
    assert rules.client_code_problems("  ", required=True)["client_code"]
    assert rules.client_code_problems("", required=False) == {}
    assert rules.client_code_problems("x" * 33, required=False)["client_code"]
