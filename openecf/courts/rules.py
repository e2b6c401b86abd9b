"""Pure court rules: no database, no clock (callers pass ``now``)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

LEGACY = "legacy"
NEXTGEN = "nextgen"


def cmecf_status(go_live: datetime | None, now: datetime) -> str:
    """``nextgen`` from the go-live moment on, ``legacy`` before it or when none is scheduled."""
    if go_live is None or now < go_live:
        return LEGACY
    return NEXTGEN


def go_live_moment(day: date, time_zone: str, at: time = time(0, 0)) -> datetime:
    """The instant a court goes live: ``day`` at ``at`` (default midnight) in the court's zone."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(time_zone))


def parse_go_live(text: str, time_zone: str) -> datetime:
    """Read ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` as court time; ValueError says what to write."""
    text = text.strip()
    try:
        if "T" in text or " " in text:
            parsed = datetime.fromisoformat(text.replace(" ", "T"))
            if parsed.tzinfo is not None:
                return parsed
            return parsed.replace(tzinfo=ZoneInfo(time_zone))
        return go_live_moment(date.fromisoformat(text), time_zone)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date: write the go-live date as YYYY-MM-DD "
            "(or YYYY-MM-DDTHH:MM for a time other than midnight, court time)."
        ) from None


def check_offices(offices: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The offices sorted by number; ValueError(index, what to fix) for the first bad one.

    The number is the office digit that starts the court's case numbers (``4:18-cv-00123``).
    """
    seen: set[int] = set()
    for index, (number, name) in enumerate(offices):
        if not 0 <= number <= 9:
            raise ValueError(index, "the office number is one digit, 0-9.")
        if not name:
            raise ValueError(index, "give the office a name after its number.")
        if len(name) > 80:
            raise ValueError(index, "the name is longer than 80 characters.")
        if number in seen:
            raise ValueError(index, f"office {number} is listed twice.")
        seen.add(number)
    return sorted(offices)


PDF_SIZE_LIMIT_MB = range(1, 1025)


def settings_problems(
    *, pdf_size_limit_mb: int, clerk_email: str, offices: list[tuple[int, str]] | None
) -> dict[str, list[str]]:
    """Every problem with the clerk's settings, by the action's field names (empty: none)."""
    problems: dict[str, list[str]] = {"pdf_size_limit_mb": [], "clerk_email": [], "offices": []}
    if pdf_size_limit_mb not in PDF_SIZE_LIMIT_MB:
        problems["pdf_size_limit_mb"].append(
            f"The PDF size limit is 1 to 1024 MB (not {pdf_size_limit_mb})."
        )
    if clerk_email:
        try:
            validate_email(clerk_email)
        except ValidationError:
            problems["clerk_email"].append(
                f"{clerk_email!r} is not an e-mail address: enter the clerk's office address, "
                "or leave it empty."
            )
    if offices is not None:
        try:
            check_offices(offices)
        except ValueError as error:
            index, problem = error.args
            problems["offices"].append(f"Office {index + 1} in the list: {problem}")
    return problems


def parse_offices(text: str) -> list[tuple[int, str]]:
    """Read divisional offices, one per line as ``NUMBER NAME`` (e.g. ``4 Western Division``).

    ValueError names the line to fix.
    """
    offices: list[tuple[int, str]] = []
    lines: list[int] = []
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        number_text, _, name = line.partition(" ")
        if not (number_text.isdigit() and len(number_text) == 1):
            raise ValueError(
                f"Line {line_number}: start with the office number, one digit 0-9, then the name "
                "(e.g. 4 Western Division (Kansas City))."
            )
        offices.append((int(number_text), name.strip(" -—:\t")))
        lines.append(line_number)
    try:
        return check_offices(offices)
    except ValueError as error:
        index, problem = error.args
        raise ValueError(f"Line {lines[index]}: {problem}") from None


def format_offices(offices: list[tuple[int, str]]) -> str:
    return "\n".join(f"{number} {name}" for number, name in offices)
