"""Pure rules of the public-access reports: no database, no request, no clock.

Which cases Fed. R. Civ. P. 5.2(c) limits (Social Security and immigration, by nature of
suit), which entries a remote non-participant may open there (the court's opinions, orders and
judgments), how a docket report's billable size is counted, and CM/ECF's ways of writing dates,
sizes and criteria.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

# Fed. R. Civ. P. 5.2(c): Social Security (861-865) and immigration (462, 463, 465) cases.
SOCIAL_SECURITY_NOS = frozenset({"861", "862", "863", "864", "865"})
IMMIGRATION_NOS = frozenset({"462", "463", "465"})
# The docket's event category of the court's opinions, orders and judgments.
ORDERS_CATEGORY = "Orders and Judgments"

# The national nature-of-suit codes shown most often, with CM/ECF's labels.
NATURE_OF_SUIT = {
    "110": "Insurance",
    "190": "Contract: Other",
    "195": "Contract Product Liability",
    "220": "Real Property: Foreclosure",
    "290": "Real Property: Other",
    "360": "P.I.: Other",
    "365": "Personal Inj. Prod. Liability",
    "370": "Other Fraud",
    "440": "Civil Rights: Other",
    "442": "Civil Rights: Jobs",
    "443": "Civil Rights: Accommodations",
    "462": "Naturalization Application",
    "463": "Habeas Corpus - Alien Detainee",
    "465": "Other Immigration Actions",
    "470": "Racketeer/Corrupt Organization",
    "480": "Consumer Credit",
    "530": "Habeas Corpus (General)",
    "550": "Prisoner: Civil Rights",
    "710": "Labor: Fair Standards",
    "790": "Labor: Other",
    "820": "Copyright",
    "830": "Patent",
    "840": "Trademark",
    "861": "Social Security: HIA",
    "862": "Social Security: Black Lung",
    "863": "Social Security: DIWC/DIWW",
    "864": "Social Security: SSID Tit. XVI",
    "865": "Social Security: RSI Tax Suits",
    "890": "Other Statutory Actions",
    "893": "Environmental Matters",
    "895": "Freedom of Information Act",
    "899": "Other Statutes: Administrative Procedures Act/Review or Appeal of Agency Decision",
    "950": "Constitutional - State Statute",
}

# Characters a report row adds around its docket text: the date (10), the number (up to 6)
# and " (Entered: MM/DD/YYYY)" (22).
ENTRY_ROW_CHARS = 38


def remote_access_limited(nature_of_suit: str) -> bool:
    """Whether Fed. R. Civ. P. 5.2(c) limits a case's remote access to non-participants."""
    return nature_of_suit in SOCIAL_SECURITY_NOS or nature_of_suit in IMMIGRATION_NOS


def nature_of_suit_shown(code: str) -> str:
    """``440 Civil Rights: Other`` as CM/ECF writes it; the bare code when it has no label."""
    label = NATURE_OF_SUIT.get(code)
    return f"{code} {label}" if label else code


def report_size(*, head_chars: int, entries: int, text_chars: int) -> int:
    """The billable size of a docket report: its data (header, parties, each entry's date,
    number and text), not its markup."""
    return head_chars + text_chars + entries * ENTRY_ROW_CHARS


def mdy(day: date | datetime | None) -> str:
    """CM/ECF's report date: 03/05/2024."""
    return day.strftime("%m/%d/%Y") if day is not None else ""


def size_shown(size: int) -> str:
    """A document's size as CM/ECF writes it: ``470.8 KB``, ``1.2 MB``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB"


def money(amount: object) -> str:
    """A cost in the receipt: ``0.30``."""
    return f"{amount:.2f}" if amount is not None else "0.00"


def demand_shown(amount: object) -> str:
    """``$75,000`` (whole dollars as CM/ECF writes the demand), or "" for none."""
    if amount is None:
        return ""
    return f"${math.floor(amount):,}"  # type: ignore[call-overload]


@dataclass(frozen=True)
class Criteria:
    """A docket report's choices (CM/ECF's criteria form)."""

    date_field: str = "filed"  # or "entered"
    date_from: date | None = None
    date_to: date | None = None
    number_from: int | None = None
    number_to: int | None = None
    parties: bool = True
    terminated: bool = True
    multi_docs: bool = False
    newest_first: bool = False


def criteria_text(shown_number: str, criteria: Criteria) -> str:
    """The receipt's "Search Criteria": the case and the choices, as CM/ECF lists them."""
    parts = [shown_number]
    parts.append(f"Fil or Ent: {criteria.date_field}")
    if criteria.date_from:
        parts.append(f"From: {mdy(criteria.date_from)}")
    if criteria.date_to:
        parts.append(f"To: {mdy(criteria.date_to)}")
    parts.append(f"Doc From: {criteria.number_from or 0}")
    parts.append(f"Doc To: {criteria.number_to or 99999999}")
    parts.append("Term: included" if criteria.terminated else "Term: excluded")
    return " ".join(parts)


# The written opinions report: the court's own entries (Orders and Judgments) that are opinions.
# The catalogue's OPINION and JUDGMENT events are; so is an order whose docket text calls it an
# opinion or a memorandum ("ORDER Memorandum opinion and order granting ...", "MEMORANDUM AND
# ORDER"): a reasoned, written decision. A text-only order has no document and is never one.
OPINION_EVENTS = frozenset({"opinion", "judgment", "criminal-judgment"})
OPINION_WORDS = ("opinion", "memorandum")
OPINIONS_LIMIT = 1000  # rows of one written opinions report; more: choose fewer dates
