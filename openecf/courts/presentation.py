"""How a court's state is shown to people: status labels and go-live in court time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from openecf.core.clock import format_court_time
from openecf.courts import rules
from openecf.courts.models import Court


@dataclass(frozen=True)
class CourtRow:
    court: Court
    status: str
    status_label: str
    go_live_text: str


def court_row(court: Court, now: datetime) -> CourtRow:
    status = rules.cmecf_status(court.nextgen_go_live, now)
    if court.nextgen_go_live is None:
        go_live = "Not scheduled"
    else:
        go_live = format_court_time(court.nextgen_go_live, court.time_zone)
    label = "NextGen CM/ECF" if status == rules.NEXTGEN else "CM/ECF (court login)"
    return CourtRow(court=court, status=status, status_label=label, go_live_text=go_live)


def court_rows(courts: Iterable[Court], now: datetime) -> list[CourtRow]:
    return [court_row(c, now) for c in courts]
