"""The one clock, and court time.

Actions ask ``now()``; rules take ``now`` as an argument. Tests move time with time-machine.
``as_of`` replays a record kept elsewhere at its own dates (the demo's 2018 case, a court
loading its legacy docket): inside it, and only in that thread, ``now()`` is that moment.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

_replayed: ContextVar[datetime | None] = ContextVar("replayed", default=None)


def now() -> datetime:
    return _replayed.get() or timezone.now()


@contextmanager
def as_of(moment: datetime) -> Iterator[None]:
    """Actions inside record ``moment`` as their time (it must be timezone-aware)."""
    if timezone.is_naive(moment):
        raise ValueError("as_of needs an aware datetime, e.g. datetime(2018, 4, 24, tzinfo=UTC).")
    token = _replayed.set(moment)
    try:
        yield
    finally:
        _replayed.reset(token)


def in_zone(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def format_court_time(moment: datetime, zone: str) -> str:
    """'April 23, 2018 at 12:00 a.m. Central' style, in the court's zone."""
    local = in_zone(moment, zone)
    hour = local.strftime("%I").lstrip("0") or "12"
    meridian = "a.m." if local.hour < 12 else "p.m."
    return (
        f"{local.strftime('%B')} {local.day}, {local.year} at {hour}:{local.strftime('%M')} "
        f"{meridian} {zone_label(zone, local)}"
    )


_ZONE_LABELS = {
    "America/New_York": "Eastern",
    "America/Detroit": "Eastern",
    "America/Indiana/Indianapolis": "Eastern",
    "America/Kentucky/Louisville": "Eastern",
    "America/Chicago": "Central",
    "America/Denver": "Mountain",
    "America/Boise": "Mountain",
    "America/Phoenix": "Mountain",
    "America/Los_Angeles": "Pacific",
    "America/Anchorage": "Alaska",
    "Pacific/Honolulu": "Hawaii",
    "America/Puerto_Rico": "Atlantic",
    "Pacific/Guam": "Chamorro",
    "Pacific/Saipan": "Chamorro",
}


def zone_label(zone: str, local: datetime | None = None) -> str:
    label = _ZONE_LABELS.get(zone)
    if label:
        return label
    return (local or now().astimezone(ZoneInfo(zone))).tzname() or zone
