"""The docket in the JSON API: the event catalogue, a case's docket, filing an entry."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.courts.access import standing_of
from openecf.courts.queries import get_court
from openecf.docket import access, actions, presentation, queries
from openecf.docket.models import Event
from openecf.docket.multipart import fee_choice, json_part, multipart_body, uploads
from openecf.docket.presentation import clerk_entry_dict, queue_dict
from openecf.docket.schemas import (
    ClerkEntryOut,
    DeficiencyIn,
    EntryCorrectionIn,
    EntryFiledOut,
    EventList,
    EventOut,
    FilingErrorOut,
    FilingIn,
    ReviewQueueOut,
    ReviewTimingIn,
)

router = Router(tags=["docket"])

FILING_HELP = (
    "multipart/form-data: a part `filing` holding the JSON object FilingIn (event, filer_parties, "
    "against_parties, links, free_text, redaction_confirmed, privacy_confirmed {reason}, sealed, "
    "attachments [{description}], claim {amount_claimed, secured, priority} for a proof of "
    "claim), the main PDF as `document`, and one `attachment` part per "
    "entry of `attachments`, in the same order."
)


FILING_BODY = {"requestBody": multipart_body("filing", FilingIn)}


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


def _on_behalf_of(username: str | None) -> int | None:
    if not username:
        return None
    person = accounts.person_by_username(username=username)
    if person is None:
        raise InputInvalid({"on_behalf_of": [f"There is no PACER account {username!r}."]})
    return person.id


@router.post(
    "/courts/{court_id}/cases/{caseid}/entries",
    auth=signed_in,
    response={
        201: EntryFiledOut,
        401: ErrorOut,
        402: ErrorOut,
        403: FilingErrorOut,
        404: ErrorOut,
        422: FilingErrorOut,
        503: ErrorOut,
    },
    summary="File a docket entry: the event, parties, links, the PDFs (multipart/form-data)",
    description=FILING_HELP,
    openapi_extra=FILING_BODY,
)
def file_entry(
    request: HttpRequest,
    court_id: str,
    caseid: int,
):
    court = get_court(court_id)
    given = json_part(request, "filing", FilingIn, what="the filing")
    document, attachments = uploads(request, given.attachments)
    filed = actions.file_entry(
        account=request.auth,
        court=court,
        caseid=caseid,
        choices=actions.FilingChoices.of(
            **{
                **given.dict(),
                "privacy_reason": given.privacy_confirmed.reason
                if given.privacy_confirmed
                else None,
                "on_behalf_of": _on_behalf_of(given.on_behalf_of),
            }
        ),
        document=document,
        attachments=attachments,
        fee=fee_choice(given.payment),
        redaction_acknowledged=access.redaction_acknowledged(request),
    )
    return Status(
        201,
        EntryFiledOut(
            entry_number=filed.entry_number,
            docket_text=filed.docket_text,
            filed_at=clock.in_zone(filed.filed_at, court.time_zone),
            sealed=filed.sealed,
            receipt_number=filed.receipt_number or None,
            documents=list(filed.documents),
        ),
    )


# The clerk's corrections and review queue: the court's clerk's office and the operator; anyone
# else signed in gets 404, as for a missing entry (ADR 0005).
CLERK_ANSWERS = {401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: FilingErrorOut}


def _clerk_entry(court_id: str, caseid: int, entry_number: int, **extra: object) -> dict:
    court = get_court(court_id)
    entry = queries.entry_at(court_id=court.pk, caseid=caseid, entry_number=entry_number)
    return {**clerk_entry_dict(entry, court.time_zone), **extra}


@router.patch(
    "/courts/{court_id}/cases/{caseid}/entries/{entry_number}",
    auth=signed_in,
    response={200: ClerkEntryOut, **CLERK_ANSWERS},
    summary="Correct an entry (clerk): its text, links, stricken, sealed; seal or restrict a PDF",
    description=(
        "Give only what changes. A corrected text keeps the old one in `revisions`; a stricken "
        "entry stays, marked; nothing is deleted. `documents`: `[{attachment_number, sealed, "
        "restricted}]` (0 is the main document). Each change is an audit row."
    ),
)
def correct_entry(
    request: HttpRequest, court_id: str, caseid: int, entry_number: int, body: EntryCorrectionIn
):
    court = get_court(court_id)
    changed = actions.correct_entry(
        actor_id=request.auth.pk,
        court=court,
        caseid=caseid,
        entry_number=entry_number,
        correction=actions.Correction(
            docket_text=body.docket_text,
            reason=body.reason,
            sealed=body.sealed,
            stricken=body.stricken,
            links=tuple(body.links) if body.links is not None else None,
            documents=tuple(actions.DocumentFlags(**d.dict()) for d in body.documents),
        ),
    )
    return _clerk_entry(court.pk, caseid, entry_number, changed=changed)


@router.get(
    "/courts/{court_id}/review-queue",
    auth=signed_in,
    response={200: ReviewQueueOut, 401: ErrorOut, 404: ErrorOut},
    summary="The clerk's queue of new filings waiting for review, oldest first",
)
def review_queue(request: HttpRequest, court_id: str):
    court = get_court(court_id)
    access.require_docket_clerk(standing_of(request, court))
    rows = [
        queue_dict(entry, court.time_zone, number)
        for entry, number in presentation.queue_with_case_numbers(court.pk)
    ]
    before = queries.reviews_before(court_id=court.pk)
    return ReviewQueueOut(review="before" if before else "after", entries=rows)


@router.put(
    "/courts/{court_id}/review-queue/timing",
    auth=signed_in,
    response={200: ReviewQueueOut, 401: ErrorOut, 404: ErrorOut, 422: FilingErrorOut},
    summary="When the clerk reviews new filings: after docketing (CM/ECF) or before",
)
def review_timing(request: HttpRequest, court_id: str, body: ReviewTimingIn):
    court = get_court(court_id)
    actions.set_review_timing(
        actor_id=request.auth.pk, court=court, review_before=body.review == "before"
    )
    return review_queue(request, court_id)


@router.post(
    "/courts/{court_id}/cases/{caseid}/entries/{entry_number}/accept",
    auth=signed_in,
    response={200: ClerkEntryOut, **CLERK_ANSWERS},
    summary="Accept a filing from the review queue (a held one goes on the public record)",
)
def accept_entry(request: HttpRequest, court_id: str, caseid: int, entry_number: int):
    court = get_court(court_id)
    actions.accept_entry(
        actor_id=request.auth.pk, court=court, caseid=caseid, entry_number=entry_number
    )
    return _clerk_entry(court.pk, caseid, entry_number)


@router.post(
    "/courts/{court_id}/cases/{caseid}/entries/{entry_number}/deficient",
    auth=signed_in,
    response={200: ClerkEntryOut, **CLERK_ANSWERS},
    summary="Mark a filing deficient: the filer is e-mailed the clerk's message",
)
def deficient_entry(
    request: HttpRequest, court_id: str, caseid: int, entry_number: int, body: DeficiencyIn
):
    court = get_court(court_id)
    actions.mark_deficient(
        actor_id=request.auth.pk,
        court=court,
        caseid=caseid,
        entry_number=entry_number,
        message=body.message,
    )
    return _clerk_entry(court.pk, caseid, entry_number)
