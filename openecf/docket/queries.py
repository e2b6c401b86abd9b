"""The docket's reads, court-scoped: the event catalogue, a case's entries and documents."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet

from openecf.courts.fees import fee_schedule
from openecf.docket.errors import EventNotFound
from openecf.docket.models import Event


def events_of(*, court_id: str, active_only: bool = True) -> QuerySet[Event]:
    """The court's catalogue in menu order (call ``actions.ensure_catalogue`` first)."""
    events = Event.objects.filter(court_id=court_id)
    return events.filter(is_active=True) if active_only else events


def event(*, court_id: str, code: str) -> Event:
    found = Event.objects.filter(court_id=court_id, code=code, is_active=True).first()
    if found is None:
        raise EventNotFound(
            f"The court has no event {code!r}: see GET /api/v1/courts/{court_id}/events."
        )
    return found


def fees_of(*, court_id: str) -> dict[str, Decimal]:
    """The court's current amount for each fee kind (two queries for the whole catalogue)."""
    return {line.kind: line.amount for line in fee_schedule(court_id=court_id).lines}


def event_fee(event: Event, fees: dict[str, Decimal]) -> Decimal | None:
    """What filing ``event`` costs at its court now; None when nothing (no kind, or $0)."""
    amount = fees.get(event.fee_kind) if event.fee_kind else None
    return amount if amount else None
