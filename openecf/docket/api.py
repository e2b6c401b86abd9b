"""The docket in the JSON API: the event catalogue, a case's docket, filing an entry."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status
from pydantic import ValidationError

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.courts.access import standing_of
from openecf.courts.queries import get_court
from openecf.docket import access, actions, queries
from openecf.docket.models import Event
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
from openecf.payments import facade as payments

router = Router(tags=["docket"])

FILING_HELP = (
    "multipart/form-data: a part `filing` holding the JSON object FilingIn (event, filer_parties, "
    "against_parties, links, free_text, redaction_confirmed, privacy_confirmed {reason}, sealed, "
    "attachments [{description}], claim {amount_claimed, secured, priority} for a proof of "
    "claim), the main PDF as `document`, and one `attachment` part per "
    "entry of `attachments`, in the same order."
)


def _inlined(schema: dict, defs: dict | None = None) -> dict:
    """A pydantic JSON schema with its ``$defs`` written in place (OpenAPI has no local refs)."""
    defs = schema.get("$defs", {}) if defs is None else defs
    if "$ref" in schema:
        return _inlined(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    return {
        key: (
            _inlined(value, defs)
            if isinstance(value, dict)
            else [_inlined(v, defs) if isinstance(v, dict) else v for v in value]
            if isinstance(value, list)
            else value
        )
        for key, value in schema.items()
        if key != "$defs"
    }


# The multipart body as it is: ninja would describe only the form field.
FILING_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["filing"],
                    "properties": {
                        "filing": _inlined(FilingIn.model_json_schema()),
                        "document": {"type": "string", "format": "binary"},
                        "attachment": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                        },
                    },
                },
                "encoding": {"filing": {"contentType": "application/json"}},
            }
        },
    }
}


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


def _filing_in(raw: str) -> FilingIn:
    if not raw.strip():
        raise InputInvalid({"filing": ["Send the filing as a JSON part named filing."]})
    try:
        return FilingIn.model_validate_json(raw)
    except ValidationError as error:
        fields: dict[str, list[str]] = {}
        for problem in error.errors():
            where = ".".join(str(p) for p in problem.get("loc", ())) or "filing"
            fields.setdefault(f"filing.{where}" if where != "filing" else where, []).append(
                problem.get("msg", "invalid")
            )
        raise InputInvalid(fields) from None


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
    given = _filing_in(request.POST.get("filing", ""))
    # The file parts (FILING_BODY describes them in the OpenAPI document).
    document = request.FILES.get("document")
    files = request.FILES.getlist("attachment")
    if len(files) != len(given.attachments):
        raise InputInvalid(
            {
                "attachment": [
                    f"Send one attachment part per entry of attachments: {len(given.attachments)} "
                    f"described, {len(files)} sent."
                ]
            }
        )
    card = given.payment.card if given.payment else None
    session = getattr(request, "cso_session", None)
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
        document=actions.Upload(document, document.name or "document.pdf") if document else None,
        attachments=[
            actions.Upload(upload, upload.name or f"attachment-{n}.pdf", a.type, a.description)
            for n, (upload, a) in enumerate(zip(files, given.attachments, strict=True), 1)
        ],
        fee=actions.FeeChoice(
            method_id=given.payment.method_id if given.payment else None,
            card=payments.Card(**card.dict()) if card else None,
        ),
        redaction_acknowledged=None if session is None else bool(session.redaction_acknowledged),
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
    numbers: dict[int, str] = {}
    rows = []
    for entry in queries.review_queue(court_id=court.pk):
        if entry.caseid not in numbers:
            numbers[entry.caseid] = cases.case(court_id=court.pk, caseid=entry.caseid).shown_number
        rows.append(queue_dict(entry, court.time_zone, numbers[entry.caseid]))
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
