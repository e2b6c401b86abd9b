"""Pure docket rules: the CM/ECF docket text, the catalogue's template check, entry numbers.

No database, no clock: callers pass what the rule needs. The docket text is built the way
CM/ECF builds it (``../shared/domain/cmecf-facts.md`` §7.2)::

    [Modifier] MOTION to Dismiss [free text] filed by Acme Corp. (Attachments: # 1 Exhibit A,
    # 2 Exhibit B)(Lastname, Firstname)

Links to earlier entries read ``re 12 MOTION to Dismiss``; a fee adds ``( Filing fee $ 405,
receipt number AMOWDC-1234567)``; an entry made by court staff ends with their initials,
``(cc, COURT STAFF)``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

# The placeholders an event's docket-text template may use, and what each becomes.
PLACEHOLDERS = {
    "modifier": "the modifier chosen by the filer, e.g. 'Joint ' (empty when none)",
    "event": "the event's name, e.g. 'MOTION to Dismiss'",
    "against": "' against ' and the parties filed against (empty when none)",
    "links": "' re 12 MOTION to Dismiss' for each linked entry (empty when none)",
    "free_text": "the filer's free text after a space (empty when none)",
    "fee": "' ( Filing fee $ 405, receipt number ...),' when a fee was paid",
    "filers": "the filer parties' names",
}
FILER_TEMPLATE = "{modifier}{event}{against}{links}{free_text}{fee} filed by {filers}."
COURT_TEMPLATE = "{modifier}{event}{links}{free_text}."

# The modifiers CM/ECF offers before an event's name ("prefix").
MODIFIERS = (
    "Amended",
    "Consent",
    "Corrected",
    "Emergency",
    "Expedited",
    "First",
    "Joint",
    "Renewed",
    "Second",
    "Supplemental",
    "Third",
    "Unopposed",
)

FREE_TEXT_LIMIT = 500
DESCRIPTION_LIMIT = 120
# Attachments per entry: courts suggest at most 20-25 files; the rest go in a linked notice.
ATTACHMENT_LIMIT = 25
DRAFT_LIFETIME = timedelta(hours=24)


@dataclass(frozen=True)
class LinkedEntry:
    """An earlier entry this one refers to, as its text names it."""

    number: int
    name: str  # the earlier entry's event name, e.g. "MOTION to Dismiss"


@dataclass(frozen=True)
class FeePaid:
    amount: Decimal
    receipt_number: str


@dataclass(frozen=True)
class Signature:
    """Who the entry shows as filing: an attorney (or pro se filer) or court staff."""

    last_name: str = ""
    first_name: str = ""
    staff_initials: str = ""  # court staff: "cc" -> "(cc, COURT STAFF)"

    def render(self) -> str:
        if self.staff_initials:
            return f"({self.staff_initials}, COURT STAFF)"
        if self.last_name or self.first_name:
            return f"({', '.join(p for p in (self.last_name, self.first_name) if p)})"
        return ""


@dataclass(frozen=True)
class TextParts:
    """Everything the docket text of one entry is built from."""

    event_name: str
    template: str = FILER_TEMPLATE
    modifier: str = ""
    free_text: str = ""
    filers: Sequence[str] = ()
    against: Sequence[str] = ()
    links: Sequence[LinkedEntry] = ()
    attachments: Sequence[str] = ()  # "Exhibit A", in attachment order (# 1, # 2, ...)
    fee: FeePaid | None = None
    signature: Signature = field(default_factory=Signature)


def money_in_text(amount: Decimal) -> str:
    """CM/ECF writes whole dollars without cents: ``405``; otherwise ``26.50``."""
    amount = amount.quantize(Decimal("0.01"))
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def _names(names: Sequence[str]) -> str:
    return ", ".join(n.strip() for n in names if n.strip())


def docket_text(parts: TextParts) -> str:
    """The entry's docket text, exactly as CM/ECF would write it."""
    filled = {
        "modifier": f"{parts.modifier.strip()} " if parts.modifier.strip() else "",
        "event": parts.event_name.strip(),
        "against": f" against {_names(parts.against)}" if _names(parts.against) else "",
        "links": "".join(f" re {link.number} {link.name.strip()}" for link in parts.links),
        "free_text": f" {' '.join(parts.free_text.split())}" if parts.free_text.strip() else "",
        "fee": (
            f" ( Filing fee $ {money_in_text(parts.fee.amount)}, receipt number "
            f"{parts.fee.receipt_number}),"
            if parts.fee
            else ""
        ),
        "filers": _names(parts.filers),
    }
    text = parts.template.format_map(filled)
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]  # "filed by Acme Corp." closes with the name's own full stop
    if parts.attachments:
        listed = ", ".join(f"# {n} {label}" for n, label in enumerate(parts.attachments, 1))
        text += f" (Attachments: {listed})"
    signature = parts.signature.render()
    if signature:
        text += signature if parts.attachments else f" {signature}"
    return text


def template_problems(template: str) -> list[str]:
    """What is wrong with a clerk's docket-text template (an empty list when nothing is)."""
    if not template.strip():
        return ["Enter the docket-text template, e.g. " + FILER_TEMPLATE]
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return ["Braces must come in pairs around a placeholder name, e.g. {event}."]
    unknown = sorted({name for name in fields if name not in PLACEHOLDERS})
    problems = []
    if unknown:
        problems.append(
            f"Unknown placeholder(s) {', '.join('{' + n + '}' for n in unknown)}: use only "
            + ", ".join("{" + n + "}" for n in PLACEHOLDERS)
            + "."
        )
    if "event" not in fields:
        problems.append("The template must contain {event}, the event's name.")
    return problems


def next_entry_number(last: int | None) -> int:
    """The number after the case's last entry: 1 for a new case, gap-free after that."""
    return (last or 0) + 1


def draft_expires_at(created_at: datetime) -> datetime:
    return created_at + DRAFT_LIFETIME


def attachment_label(kind: str, description: str) -> str:
    """``Exhibit`` + ``A`` -> ``Exhibit A``: how an attachment is listed in the docket text."""
    return " ".join(part.strip() for part in (kind, description) if part.strip())


# The most a claim's amount may be (the column's 14 digits, 2 of them cents).
CLAIM_AMOUNT_LIMIT = Decimal("999999999999.99")
CLAIM_FIELDS = ("amount_claimed", "secured", "priority")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ClaimAmounts:
    """A proof of claim's amounts (Official Form 410): the amount claimed, the part secured
    and the part entitled to priority; the rest is unsecured."""

    amount_claimed: Decimal
    secured: Decimal = Decimal("0")
    priority: Decimal = Decimal("0")

    @property
    def unsecured(self) -> Decimal:
        return self.amount_claimed - self.secured - self.priority


def claim_problems(claim: ClaimAmounts | None, *, is_claim: bool) -> dict[str, list[str]]:
    """Every problem with a filing's claim amounts, by field (``claim.<name>``)."""
    if claim is None:
        return {}
    if not is_claim:
        return {"claim": ["Only a proof of claim states claim amounts: leave claim out."]}
    problems: dict[str, list[str]] = {}
    for name in CLAIM_FIELDS:
        value = getattr(claim, name)
        if not value.is_finite():
            sentence = "Give a dollar amount, e.g. 1250.00."
        elif value < 0:
            sentence = "An amount cannot be negative."
        elif value > CLAIM_AMOUNT_LIMIT:
            sentence = f"An amount is at most ${CLAIM_AMOUNT_LIMIT:,}."
        elif value.quantize(CENT) != value:
            sentence = "Give the amount in dollars and cents: at most 2 decimals."
        else:
            continue
        problems[f"claim.{name}"] = [sentence]
    if not problems and claim.secured + claim.priority > claim.amount_claimed:
        problems["claim.amount_claimed"] = [
            f"The secured (${claim.secured}) and priority (${claim.priority}) parts together "
            f"exceed the amount claimed (${claim.amount_claimed})."
        ]
    return problems


def filing_problems(
    *,
    needs_link: bool,
    links: Sequence[int],
    allowed_links: Sequence[int],
    asks_against: bool,
    against: Sequence[int],
    filer_parties: Sequence[int],
    party_ids: Sequence[int],
    court_event: bool,
    text_only: bool,
    has_document: bool,
    sealed: bool,
    may_be_sealed: bool,
    modifier: str,
    free_text: str,
    descriptions: Sequence[str],
) -> dict[str, list[str]]:
    """Every problem with a filing's choices, by field (CM/ECF's screens, in their order)."""
    problems: dict[str, list[str]] = {}

    def add(name: str, sentence: str) -> None:
        problems.setdefault(name, []).append(sentence)

    known = set(party_ids)
    if not court_event and not filer_parties:
        add("filer_parties", "Choose the party or parties you are filing for.")
    for party in filer_parties:
        if party not in known:
            add("filer_parties", f"Party {party} is not a party in this case.")
    for party in against:
        if party not in known:
            add("against_parties", f"Party {party} is not a party in this case.")
    if asks_against and not against:
        add("against_parties", "Choose the party or parties this is filed against.")
    if sealed and not may_be_sealed:
        add("sealed", "This event cannot be filed under seal.")
    if needs_link and not links:
        add("links", "This event must refer to an earlier entry: choose the entry it responds to.")
    for number in links:
        if number not in allowed_links:
            add("links", f"There is no entry {number} in this case to refer to.")
    if len(set(links)) != len(links):
        add("links", "Refer to each earlier entry once.")
    if modifier and modifier not in MODIFIERS:
        add("modifier", f"Choose a modifier from the list: {', '.join(MODIFIERS)}.")
    if len(free_text) > FREE_TEXT_LIMIT:
        add("free_text", f"Keep the free text to {FREE_TEXT_LIMIT} characters.")
    if text_only and has_document:
        add("document", "This is a text-only entry: it takes no document.")
    if not text_only and not has_document:
        add("document", "Attach the main document as a PDF.")
    if len(descriptions) > ATTACHMENT_LIMIT:
        add(
            "attachments",
            f"At most {ATTACHMENT_LIMIT} attachments per entry: file the rest with a linked "
            "Notice of Filing.",
        )
    for number, description in enumerate(descriptions, 1):
        if not description.strip():
            add("attachments", f"Describe attachment {number} (e.g. Exhibit A).")
        elif len(description) > DESCRIPTION_LIMIT:
            add("attachments", f"Keep attachment {number}'s description to 120 characters.")
    return problems


EVENT_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def event_code_ok(code: str) -> bool:
    """An event code: lower-case letters and digits in words joined by single hyphens."""
    return len(code) <= 60 and EVENT_CODE.fullmatch(code) is not None


def staff_initials(first_name: str, last_name: str) -> str:
    """Court staff sign entries with their initials in lower case: Carl Clerk -> ``cc``."""
    return "".join(name.strip()[:1] for name in (first_name, last_name)).lower() or "cs"


# The clerk's corrections and quality control.
DOCKET_TEXT_LIMIT = 4000
DEFICIENCY_LIMIT = 2000
REASON_LIMIT = 500


def correction_problems(
    *,
    docket_text: str | None,
    reason: str,
    links: Sequence[int] | None,
    allowed_links: Sequence[int],
    entry_number: int,
    attachment_numbers: Sequence[int],
    known_attachments: Sequence[int],
) -> dict[str, list[str]]:
    """Every problem with a clerk's correction of one entry, by field."""
    problems: dict[str, list[str]] = {}

    def add(name: str, sentence: str) -> None:
        problems.setdefault(name, []).append(sentence)

    if docket_text is not None:
        if not docket_text.strip():
            add("docket_text", "Enter the docket text: an entry's text cannot be empty.")
        elif len(docket_text) > DOCKET_TEXT_LIMIT:
            add("docket_text", f"Keep the docket text to {DOCKET_TEXT_LIMIT} characters.")
    if len(reason) > REASON_LIMIT:
        add("reason", f"Keep the reason to {REASON_LIMIT} characters.")
    for number in links or ():
        if number == entry_number:
            add("links", "An entry cannot refer to itself.")
        elif number not in allowed_links:
            add("links", f"There is no earlier entry {number} in this case to refer to.")
    if links is not None and len(set(links)) != len(links):
        add("links", "Refer to each earlier entry once.")
    for number in attachment_numbers:
        if number not in known_attachments:
            add("documents", f"The entry has no document {number} (0 is the main document).")
    if len(set(attachment_numbers)) != len(attachment_numbers):
        add("documents", "Name each document once.")
    return problems


def deficiency_problems(message: str) -> dict[str, list[str]]:
    """What is wrong with the clerk's deficiency message to the filer."""
    if not message.strip():
        return {"message": ["Tell the filer what is deficient and what to do about it."]}
    if len(message) > DEFICIENCY_LIMIT:
        return {"message": [f"Keep the message to {DEFICIENCY_LIMIT} characters."]}
    return {}


def entered_marker(entered_on: date) -> str:
    """CM/ECF's closing words of a docket text: ``(Entered: 04/24/2018)``."""
    return f"(Entered: {entered_on:%m/%d/%Y})"


def modified_marker(modified_on: date, initials: str) -> str:
    """CM/ECF's mark on a corrected text: ``Modified on 4/25/2018 (cc).``"""
    shown = f"{modified_on.month}/{modified_on.day}/{modified_on.year}"
    return f"Modified on {shown} ({initials})." if initials else f"Modified on {shown}."
