"""How a court's state is shown to people: status labels, go-live in court time, and the
court pages' common context (the court and the person's standing there)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.core.clock import format_court_time
from openecf.courts import rules
from openecf.courts.access import standing_of
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


def court_page(
    request: HttpRequest, court: Court, template: str, *, status: int = 200, **extra: object
) -> HttpResponse:
    """A court's page: ``template`` with the court and the person's standing there."""
    return render(
        request,
        template,
        {"court": court, "standing": standing_of(request, court), **extra},
        status=status,
    )
