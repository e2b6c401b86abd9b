"""Opening a case in the JSON API: ``POST /api/v1/courts/{court_id}/cases``.

The path is the one ``cases``' router answers ``GET`` on (finding cases by number).
django-ninja makes one URL pattern per path *and router*, so a second router on the same path
would never be reached; and ``cases`` never imports ``docket``. So this module does not mount
a router of its own: ``openecf/api.py`` (the composition root, which may import both) adds
``open_case`` to the cases router with ``add_to(cases_api.router)``, and the code stays here.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest
from ninja import Router, Status

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import InputInvalid
from openecf.courts.queries import get_court
from openecf.docket import access, actions
from openecf.docket.multipart import fee_choice, json_part, multipart_body, uploads
from openecf.docket.opening_schemas import OpenedOut, OpeningIn
from openecf.docket.schemas import FilingErrorOut

OPENING_HELP = (
    "multipart/form-data: a part `opening` holding the JSON object OpeningIn (the case, its "
    "parties and attorneys, the fee's payment), the opening document (complaint, petition, "
    "indictment, notice of appeal) as `document`, one `attachment` part per entry of "
    "`attachments` in order, and for a bankruptcy fee arrangement other than pay the "
    "application as `fee_application`. The fee is paid before the case exists: a declined "
    "card (402) opens nothing. Send an `Idempotency-Key` header: a repeat with the same key "
    "answers the case it opened (`replayed`: true) and is charged once."
)

OPENING_BODY = {
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "schema": {"type": "string", "maxLength": 200},
            "description": "Any unique string per opening (a UUID): repeats open one case.",
        }
    ],
    "requestBody": multipart_body(
        "opening", OpeningIn, document_required=True, more_files=("fee_application",)
    ),
}

KEY_NAMESPACE = uuid.UUID("6f1c1f7e-0c4b-4f0e-9a55-6b2d0f3e0a01")


def _account_id(username: str, where: str, problems: dict[str, list[str]]) -> int | None:
    person = accounts.person_by_username(username=username)
    if person is None:
        problems.setdefault(where, []).append(f"There is no PACER account {username!r}.")
        return None
    return person.id


def opening_request(given: OpeningIn) -> actions.OpeningRequest:
    """The API's body as the action's request; unknown usernames are input problems."""
    problems: dict[str, list[str]] = {}
    parties = []
    for index, party in enumerate(given.parties):
        counsel = []
        for lawyer in party.attorneys:
            found = _account_id(lawyer.username, f"parties.{index}.attorneys", problems)
            if found is not None:
                counsel.append(
                    cases.AttorneyOpening(
                        account_id=found,
                        lead=lawyer.lead,
                        to_be_noticed=lawyer.to_be_noticed,
                        pro_hac_vice=lawyer.pro_hac_vice,
                    )
                )
        parties.append(
            cases.PartyOpening(
                name=party.name,
                role=party.role,
                aliases=tuple((a.name, a.kind) for a in party.aliases),
                attorneys=tuple(counsel),
                tax_id=party.tax_id,
                defendant_number=party.defendant_number,
            )
        )
    on_behalf_of = (
        _account_id(given.on_behalf_of, "on_behalf_of", problems) if given.on_behalf_of else None
    )
    InputInvalid.raise_if(problems)
    origin = given.origin
    return actions.OpeningRequest(
        opening=cases.CaseOpening(
            kind=given.kind,
            title=given.title,
            parties=tuple(parties),
            short_title=given.short_title,
            office_number=given.office_number,
            nature_of_suit=given.nature_of_suit,
            cause=given.cause,
            jurisdiction=given.jurisdiction,
            jury_demand=given.jury_demand,
            demand_amount=given.demand_amount,
            cover_sheet=dict(given.cover_sheet),
            chapter=given.chapter,
            joint_petition=given.joint_petition,
            sealed=given.sealed,
            lead_caseid=given.lead_caseid,
            origin_court_id=origin.court_id if origin else "",
            origin_caseid=origin.caseid if origin else None,
            origin_entry_number=origin.entry_number if origin else None,
        ),
        event=given.event,
        free_text=given.free_text,
        redaction_confirmed=given.redaction_confirmed,
        privacy_reason=given.privacy_confirmed.reason if given.privacy_confirmed else None,
        on_behalf_of=on_behalf_of,
        lead=given.lead,
        to_be_noticed=given.to_be_noticed,
        fee_arrangement=given.fee_arrangement,
    )


def opening_key_of(request: HttpRequest, court_id: str) -> str:
    """The opening's key: from the caller's Idempotency-Key (per person and court), or new."""
    given = request.headers.get("Idempotency-Key", "").strip()
    if len(given) > 200:
        raise InputInvalid({"Idempotency-Key": ["Keep the Idempotency-Key to 200 characters."]})
    if not given:
        return actions.opening_key(str(uuid.uuid4()))
    return actions.opening_key(
        str(uuid.uuid5(KEY_NAMESPACE, f"{request.auth.pk}:{court_id}:{given}"))
    )


def open_case(request: HttpRequest, court_id: str):
    court = get_court(court_id)
    given = json_part(request, "opening", OpeningIn, what="the case")
    document, attachments = uploads(request, given.attachments)
    application = request.FILES.get("fee_application")
    opened = actions.open_case_by_filing(
        account=request.auth,
        court=court,
        request=opening_request(given),
        key=opening_key_of(request, court.pk),
        document=document,
        attachments=attachments,
        fee_application=actions.Upload(application, application.name or "application.pdf")
        if application
        else None,
        fee=fee_choice(given.payment),
        redaction_acknowledged=access.redaction_acknowledged(request),
    )
    return Status(201, opened_out(opened, time_zone=court.time_zone))


def opened_out(opened: actions.OpenedFiling, *, time_zone: str) -> OpenedOut:
    case, entry = opened.case, opened.entry
    return OpenedOut(
        caseid=case.caseid,
        court_id=case.court_id,
        case_number=case.case_number,
        shown_number=case.shown_number,
        title=case.title,
        kind=case.kind,
        chapter=case.chapter,
        judge_initials=case.judge_initials,
        date_filed=case.date_filed,
        sealed=case.sealed,
        origin_court_id=case.origin_court_id,
        origin_caseid=case.origin_caseid,
        origin_entry_number=case.origin_entry_number,
        entry_number=entry.entry_number,
        docket_text=entry.docket_text,
        filed_at=clock.in_zone(entry.filed_at, time_zone),
        receipt_number=entry.receipt_number or None,
        fee_amount=opened.fee_amount,
        fee_arrangement=opened.fee_arrangement,
        application_entry_number=opened.application_entry_number,
        documents=list(entry.documents),
        replayed=opened.replayed,
    )


def add_to(router: Router) -> None:
    """Add ``POST /courts/{court_id}/cases`` to the router that answers its ``GET``."""
    router.add_api_operation(
        "/courts/{court_id}/cases",
        ["POST"],
        open_case,
        auth=signed_in,
        response={
            201: OpenedOut,
            401: ErrorOut,
            402: ErrorOut,
            403: FilingErrorOut,
            404: ErrorOut,
            409: ErrorOut,
            422: FilingErrorOut,
            503: ErrorOut,
        },
        summary="Open a case: the complaint, petition, indictment or appeal as entry 1, the fee "
        "paid first (multipart/form-data)",
        description=OPENING_HELP,
        tags=["cases"],
        openapi_extra=OPENING_BODY,
    )
