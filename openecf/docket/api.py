"""The docket in the JSON API: the event catalogue, a case's docket, filing an entry."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from openecf.core.api_schemas import ErrorOut
from openecf.courts.queries import get_court
from openecf.docket import actions, queries
from openecf.docket.models import Event
from openecf.docket.schemas import EventList, EventOut

router = Router(tags=["docket"])


def event_out(event: Event, fees: dict) -> EventOut:
    """One event as the API lists it: its fields, the fee now and the fee kind or null."""
    worked_out = {"fee": queries.event_fee(event, fees), "fee_kind": event.fee_kind or None}
    shown = {name: getattr(event, name) for name in EventOut.model_fields if name not in worked_out}
    return EventOut(**shown, **worked_out)


@router.get(
    "/courts/{court_id}/events",
    response={200: EventList, 404: ErrorOut},
    summary="The court's event catalogue: what can be docketed, its fee and who may file it",
)
def list_events(request: HttpRequest, court_id: str):
    court = get_court(court_id)
    actions.ensure_catalogue(court_id=court.pk)
    fees = queries.fees_of(court_id=court.pk)
    return EventList(events=[event_out(e, fees) for e in queries.events_of(court_id=court.pk)])
