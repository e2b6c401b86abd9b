"""Pure readiness rules: what each member still has to do before filing in NextGen courts.

No database, no clock: queries gather the facts, these functions judge them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

LINKED = "linked"
PRIVILEGE = "privilege"
NOT_YET = "not_yet"
COURT_LABELS = {LINKED: "Linked", PRIVILEGE: "Privilege", NOT_YET: "Not yet"}
READY_TEXT = "None: ready for NextGen."


@dataclass(frozen=True)
class CourtFacts:
    court_id: str
    short_name: str
    is_nextgen: bool
    go_live_text: str  # "April 23, 2018 at 12:00 a.m. Central" or "Not scheduled"


@dataclass(frozen=True)
class Step:
    code: str  # individual_account | upgrade | mfa | court:<id>
    text: str


@dataclass(frozen=True)
class MemberFacts:
    account_id: int
    first_name: str
    last_name: str
    username: str
    account_number: str
    email: str
    individual: bool
    upgraded: bool
    mfa: bool
    court_status: dict[str, str] = field(default_factory=dict)  # court id -> LINKED/...
    dues_paid: dict[str, bool] = field(default_factory=dict)  # court id -> this cycle's dues paid

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Row:
    member: MemberFacts
    steps: tuple[Step, ...]

    @property
    def ready(self) -> bool:
        return not self.steps

    @property
    def next_step(self) -> str:
        return self.steps[0].text if self.steps else READY_TEXT


def court_cell(member: MemberFacts, court_id: str) -> str:
    """A member's column for a court: "Linked", plus the dues where the court charges them."""
    label = COURT_LABELS[member.court_status.get(court_id, NOT_YET)]
    if court_id not in member.dues_paid:
        return label
    return f"{label} · dues {'paid' if member.dues_paid[court_id] else 'not paid'}"


def court_status(*, linked: bool, has_privilege: bool) -> str:
    """A linked CM/ECF login first; else a privilege (e.g. approved e-file registration)."""
    if linked:
        return LINKED
    return PRIVILEGE if has_privilege else NOT_YET


def steps_for(member: MemberFacts, courts: Sequence[CourtFacts]) -> tuple[Step, ...]:
    """Every step still missing, in the order the letter asks for them."""
    steps: list[Step] = []
    if not member.individual:
        steps.append(
            Step(
                "individual_account",
                "Get an individual PACER account: shared accounts cannot file in NextGen courts.",
            )
        )
    if not member.upgraded:
        steps.append(
            Step(
                "upgrade",
                "Upgrade the Legacy PACER account in Manage My Account (Settings → Account type "
                "→ Upgrade).",
            )
        )
    if not member.mfa:
        steps.append(
            Step(
                "mfa",
                "Enrol in multi-factor authentication in Manage My Account (Settings → "
                "Manage multi-factor authentication (MFA)).",
            )
        )
    for court in courts:
        if member.court_status.get(court.court_id, NOT_YET) != NOT_YET:
            continue
        if court.is_nextgen:
            text = (
                f"Link the CM/ECF login at {court.short_name} to the PACER account (Utilities → "
                "Link a CM/ECF account to my PACER account), or, without a CM/ECF login there, "
                "request e-file registration in Manage My Account (Maintenance → Attorney "
                "Admissions / E-File Registration)."
            )
        else:
            text = (
                f"Know the CM/ECF login and password for {court.short_name}, and link it once "
                f"the court goes live ({court.go_live_text})."
            )
        steps.append(Step(f"court:{court.court_id}", text))
    return tuple(steps)


def rows_for(members: Sequence[MemberFacts], courts: Sequence[CourtFacts]) -> list[Row]:
    return [Row(member=m, steps=steps_for(m, courts)) for m in members]


# Sorting ---------------------------------------------------------------------------------------

SORT_KEYS = (
    "name",
    "username",
    "account_number",
    "individual",
    "upgraded",
    "mfa",
    "ready",
    "next_step",
)
_COURT_ORDER = {LINKED: 0, PRIVILEGE: 1, NOT_YET: 2}


def parse_sort(text: str, court_ids: Sequence[str]) -> tuple[str, bool]:
    """``?sort=`` value → (key, descending). Unknown keys sort by name."""
    text = (text or "").strip()
    descending = text.startswith("-")
    key = text.lstrip("-")
    if key in SORT_KEYS or (key.startswith("court:") and key[len("court:") :] in court_ids):
        return key, descending
    return "name", False


def sort_rows(rows: Sequence[Row], key: str, descending: bool = False) -> list[Row]:
    """Sort by any column; ties fall back to last name, first name, account number."""

    def tie(row: Row) -> tuple:
        m = row.member
        return (m.last_name.casefold(), m.first_name.casefold(), m.account_number)

    def value(row: Row):
        m = row.member
        if key in ("username", "account_number"):
            return getattr(m, key).casefold()
        if key in ("individual", "upgraded", "mfa"):
            return getattr(m, key)
        if key == "ready":
            return row.ready
        if key == "next_step":
            return row.next_step.casefold()
        return _COURT_ORDER[m.court_status.get(key[len("court:") :], NOT_YET)]

    ordered = sorted(rows, key=tie)
    if key == "name":
        return ordered[::-1] if descending else ordered
    return sorted(ordered, key=value, reverse=descending)


# CSV and the personal checklist -------------------------------------------------------------


def yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading quote.

    Names and usernames come from the people themselves, so ``=HYPERLINK(...)`` must not run
    when the office manager opens the export.
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_text(rows: Sequence[Row], courts: Sequence[CourtFacts]) -> str:
    """The readiness table as CSV; every cell is made ``spreadsheet_safe``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "Name",
            "Username",
            "Account number",
            "Individual",
            "Upgraded",
            "MFA enrolled",
            *[c.court_id for c in courts],
            "Ready",
            "Next step",
        ]
    )
    for row in rows:
        m = row.member
        cells = [
            m.name,
            m.username,
            m.account_number,
            yes_no(m.individual),
            yes_no(m.upgraded),
            yes_no(m.mfa),
            *[COURT_LABELS[m.court_status.get(c.court_id, NOT_YET)] for c in courts],
            yes_no(row.ready),
            row.next_step,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return out.getvalue()
