"""The Electronic Public Access fee schedule and the billing quarter: pure, no database.

Facts (docs/billing.md, cmecf-facts §5): $0.10 a page; a PDF counts its pages; an HTML report
counts 4,320 bytes of report data a page, rounded up; case-specific items (a document, a docket
report, a case report) stop at 30 pages ($3.00); transcripts and non-case reports (Case Locator
results, where a search with no result is one page) have no cap; an audio file is $2.40;
written opinions are free. A quarter with $30.00 or less is waived entirely.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import models

PAGE_FEE = Decimal("0.10")
PAGE_CAP = 30  # pages, for case-specific items
BYTES_PER_PAGE = 4320
AUDIO_FEE = Decimal("2.40")
QUARTER_WAIVER = Decimal("30.00")  # a quarter at or under this is waived entirely
RESULTS_PER_PAGE = 54  # Case Locator results on one billable page
PACER_ZONE = ZoneInfo("America/Chicago")  # the PACER Service Center's calendar
CLIENT_CODE_LENGTH = 32
USAGE_MONTHS = 24  # transactions and invoices stay viewable this long


class AccessKind(models.TextChoices):
    """What was viewed: decides how pages are counted, the cap and whether it is free."""

    DOCUMENT = "document", "Document (PDF)"
    DOCKET_REPORT = "docket_report", "Docket report"
    CASE_REPORT = "case_report", "Case-specific report"
    TRANSCRIPT = "transcript", "Transcript"
    SEARCH = "search", "Search results"
    REPORT = "report", "Non-case report"
    AUDIO = "audio", "Audio file"
    OPINION = "opinion", "Written opinion"


class FreeReason(models.TextChoices):
    NONE = "", "Billed"
    COURT_USER = "court_user", "Court user"
    FREE_LOOK = "free_look", "Free look from a notice"
    OPINION = "opinion", "Written opinions are free"
    EXEMPTION = "exemption", "Court-granted exemption"


class ExemptionScope(models.TextChoices):
    ALL = "all", "Every document and report at the court"
    DOCUMENTS = "documents", "Documents only"
    REPORTS = "reports", "Reports and searches only"


# How each kind counts pages and whether 30 pages is the most it costs.
BY_PDF_PAGES = frozenset({AccessKind.DOCUMENT, AccessKind.TRANSCRIPT})
BY_HTML_BYTES = frozenset({AccessKind.DOCKET_REPORT, AccessKind.CASE_REPORT, AccessKind.REPORT})
CAPPED = frozenset({AccessKind.DOCUMENT, AccessKind.DOCKET_REPORT, AccessKind.CASE_REPORT})
DOCUMENT_KINDS = frozenset({AccessKind.DOCUMENT, AccessKind.TRANSCRIPT, AccessKind.AUDIO})


@dataclass(frozen=True)
class Fee:
    """What a view costs: the billable pages, the amount and why it is free (if it is)."""

    pages: int
    amount: Decimal
    capped: bool
    free_reason: str = ""


def html_pages(size_bytes: int) -> int:
    """4,320 bytes of report data = 1 page, rounded up; an empty report is still one page."""
    return max(1, math.ceil(size_bytes / BYTES_PER_PAGE))


def locator_pages(results: int) -> int:
    """Case Locator result pages: 54 results a page; no result is one page."""
    return max(1, math.ceil(results / RESULTS_PER_PAGE))


def access_fee_for(*, kind: str, pages: int | None = None, size_bytes: int | None = None) -> Fee:
    """The fee for one view before any free rule: pages counted, capped where the kind is."""
    if kind == AccessKind.OPINION:
        return Fee(pages=pages or 0, amount=Decimal("0.00"), capped=False, free_reason="opinion")
    if kind == AccessKind.AUDIO:
        return Fee(pages=0, amount=AUDIO_FEE, capped=False)
    if kind in BY_HTML_BYTES:
        counted = html_pages(size_bytes or 0)
    elif kind == AccessKind.SEARCH:
        counted = max(1, pages or 0)
    else:
        counted = max(0, pages or 0)
    billable = min(counted, PAGE_CAP) if kind in CAPPED else counted
    return Fee(
        pages=billable,
        amount=(PAGE_FEE * billable).quantize(Decimal("0.01")),
        capped=billable < counted,
    )


def free(fee: Fee, reason: str) -> Fee:
    """The same pages, at no cost, saying why."""
    return Fee(pages=fee.pages, amount=Decimal("0.00"), capped=fee.capped, free_reason=reason)


def exemption_covers(*, scope: str, kind: str) -> bool:
    if scope == ExemptionScope.ALL:
        return True
    is_document = kind in DOCUMENT_KINDS
    return is_document if scope == ExemptionScope.DOCUMENTS else not is_document


def scopes_covering(kind: str) -> tuple[str, ...]:
    """The exemption scopes that free this kind of view."""
    return tuple(
        scope for scope in ExemptionScope.values if exemption_covers(scope=scope, kind=kind)
    )


def quarter_is_waived(total: Decimal) -> bool:
    """$30.00 or less in a quarter is waived entirely; $30.01 and above is billed in full (a
    quarter with no charges has nothing to waive)."""
    return 0 < total <= QUARTER_WAIVER


# Quarters ---------------------------------------------------------------------------------------

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def quarter_of(moment: datetime) -> str:
    """The billing quarter ``2026Q3`` of an aware moment, on PACER's calendar."""
    day = moment.astimezone(PACER_ZONE).date()
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_problems(text: str) -> dict[str, list[str]]:
    if QUARTER.match(text.strip()):
        return {}
    return {"quarter": ["Name a quarter as YEARQn, for example 2026Q3."]}


def quarter_days(quarter: str) -> tuple[date, date]:
    """The first day of the quarter and the first day of the next (PACER's calendar)."""
    found = QUARTER.match(quarter)
    if found is None:
        raise ValueError(f"not a quarter: {quarter!r}")
    year, number = int(found[1]), int(found[2])
    first = date(year, 3 * number - 2, 1)
    after = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return first, after


def quarter_bounds(quarter: str) -> tuple[datetime, datetime]:
    """``[start, end)`` of the quarter as aware moments."""
    first, after = quarter_days(quarter)
    return (
        datetime(first.year, first.month, first.day, tzinfo=PACER_ZONE),
        datetime(after.year, after.month, after.day, tzinfo=PACER_ZONE),
    )


def quarter_has_ended(quarter: str, now: datetime) -> bool:
    return now >= quarter_bounds(quarter)[1]


def client_code_problems(code: str, *, required: bool) -> dict[str, list[str]]:
    code = code.strip()
    if required and not code:
        return {
            "client_code": [
                "Your firm requires a client code: set one in Manage My Account → Client code "
                "before searching or viewing."
            ]
        }
    if len(code) > CLIENT_CODE_LENGTH:
        return {"client_code": [f"A client code is at most {CLIENT_CODE_LENGTH} characters."]}
    return {}


def pacer_day(now: datetime) -> date:
    """The calendar day at PACER (due dates, exemptions' end dates)."""
    return now.astimezone(PACER_ZONE).date()
