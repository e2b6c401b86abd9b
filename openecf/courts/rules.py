"""Pure court rules: no database, no clock (callers pass ``now``)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

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
