"""E-file registration API: a person's requests and registered courts, the clerk's decisions.

The certificate of good standing travels as base64 in the JSON body (``certificate_base64``),
so the whole body must stay under the server's request size limit (2.5 MB by default).
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.responses import Status

from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import add_made_endpoint
from openecf.core.records import copy_of
from openecf.courts import queries as court_queries
from openecf.courts.access import standing_of
from openecf.registrations import access, actions, errors, queries
from openecf.registrations.models import RegistrationRequest

router = Router(tags=["e-file registration"])

Kind = Literal[
    "attorney_admission",
    "efile_registration",
    "pro_hac_vice",
    "pro_se",
    "trustee",
    "creditor",
    "filing_agent",
]
RequestStatus = Literal["submitted", "needs_information", "approved", "denied"]


class FilingRegistrationIn(Schema):
    court_id: str
    kind: Kind
    case_number: str = ""
    bar_number: str = ""
    bar_state: str = ""
    firm_name: str = ""
    remarks: str = ""
    certificate_base64: str | None = None
    certificate_filename: str = "certificate-of-good-standing.pdf"
    terms_accepted: bool = False
    link_warning_acknowledged: bool = False


class FilingRegistrationOut(Schema):
    id: int
    court_id: str
    court_name: str
    kind: Kind
    kind_label: str
    status: RequestStatus
    status_label: str
    case_number: str
    bar_number: str
    bar_state: str
    firm_name: str
    remarks: str
    has_certificate: bool
    account_number: str
    person_name: str
    person_email: str
    submitted_at: datetime
    updated_at: datetime
    decided_at: datetime | None
    court_message: str
    response: str


class RegistrationList(Schema):
    count: int
    registrations: list[FilingRegistrationOut]


class RespondIn(Schema):
    response: str
    certificate_base64: str | None = None
    certificate_filename: str = "certificate-of-good-standing.pdf"


class DecisionIn(Schema):
    message: str = ""


class QueueFilter(Schema):
    status: Literal["pending", "submitted", "needs_information", "approved", "denied", "all"] = (
        "pending"
    )


class RegisteredCourtOut(Schema):
    court_id: str
    name: str
    kind: str
    kind_label: str
    privileges: list[str]
    linked_login: str


class RegisteredCourtList(Schema):
    count: int
    courts: list[RegisteredCourtOut]


def registration_out(registration: RegistrationRequest) -> FilingRegistrationOut:
    person = registration.account
    return copy_of(
        FilingRegistrationOut,
        registration,
        court_name=registration.court.name,
        kind_label=registration.get_kind_display(),
        status_label=registration.get_status_display(),
        has_certificate=bool(registration.certificate),
        account_number=person.account_number,
        person_name=person.full_name,
        person_email=person.email,
    )


def _certificate(encoded: str | None, filename: str) -> actions.Certificate | None:
    if encoded is None:
        return None
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise errors.CertificateNotAcceptable(
            "certificate_base64 is not base64: send the PDF's bytes base64-encoded.",
            field="certificate",
        ) from None
    return actions.Certificate(filename or "certificate-of-good-standing.pdf", content)


def _reloaded(registration_id: int) -> RegistrationRequest:
    return RegistrationRequest.objects.select_related("court", "account").get(pk=registration_id)


@router.post(
    "/registrations",
    response={201: FilingRegistrationOut},
    auth=signed_in,
    summary="Request e-filing privileges at a court",
    description=(
        "Attorney kinds: `attorney_admission`, `efile_registration`, `pro_hac_vice` (needs "
        "`case_number`); all need `bar_number` and `bar_state`. Non-attorney kinds: `pro_se`, "
        "`trustee`, `creditor`, `filing_agent`. `certificate_base64`: the certificate of good "
        "standing PDF, base64-encoded, where the court asks for it. `terms_accepted` must be "
        "true. A 409 `link_instead` means the court has an unlinked CM/ECF login with your "
        "e-mail: link it, or resend with `link_warning_acknowledged: true`."
    ),
)
def submit(request: HttpRequest, payload: FilingRegistrationIn):
    registration = actions.submit_registration(
        account=request.account,
        court=court_queries.get_court(payload.court_id),
        certificate=_certificate(payload.certificate_base64, payload.certificate_filename),
        **payload.dict(exclude={"court_id", "certificate_base64", "certificate_filename"}),
    )
    return Status(201, registration_out(_reloaded(registration.pk)))


@router.get(
    "/registrations", response=RegistrationList, auth=signed_in, summary="My e-file requests"
)
def my_registrations(request: HttpRequest) -> RegistrationList:
    rows = [
        registration_out(r)
        for r in queries.requests_of(request.account.pk).select_related("account")
    ]
    return RegistrationList(count=len(rows), registrations=rows)


@router.get(
    "/registrations/{registration_id}",
    response=FilingRegistrationOut,
    auth=signed_in,
    summary="One of my e-file requests",
)
def my_registration(request: HttpRequest, registration_id: int) -> FilingRegistrationOut:
    registration = access.own_request(request.account, registration_id)
    return registration_out(_reloaded(registration.pk))


@router.post(
    "/registrations/{registration_id}/respond",
    response=FilingRegistrationOut,
    auth=signed_in,
    summary="Answer the court's request for more information (resubmits the request)",
)
def respond(
    request: HttpRequest, registration_id: int, payload: RespondIn
) -> FilingRegistrationOut:
    registration = access.own_request(request.account, registration_id)
    actions.respond_to_request(
        account=request.account,
        registration_id=registration.pk,
        response=payload.response,
        certificate=_certificate(payload.certificate_base64, payload.certificate_filename),
    )
    return registration_out(_reloaded(registration.pk))


@router.get(
    "/courts/{court_id}/registrations",
    response=RegistrationList,
    auth=signed_in,
    summary="The court's e-file registration queue (clerk's office)",
)
def court_queue(
    request: HttpRequest, court_id: str, filters: Query[QueueFilter]
) -> RegistrationList:
    court = court_queries.get_court(court_id)
    access.require_registration_clerk(standing_of(request, court))
    rows = [registration_out(r) for r in queries.queue_at(court, filters.status)]
    return RegistrationList(count=len(rows), registrations=rows)


@router.get(
    "/courts/{court_id}/registrations/{registration_id}",
    response=FilingRegistrationOut,
    auth=signed_in,
    summary="One request in the court's queue (clerk's office)",
)
def court_registration(request: HttpRequest, court_id: str, registration_id: int):
    court = court_queries.get_court(court_id)
    return registration_out(
        access.court_request(standing_of(request, court), court, registration_id)
    )


# The clerk's decisions on a request in the queue: (path, decision, summary).
DECISIONS = [
    (
        "approve",
        "approve",
        "Approve: grant the filing privilege, record any admission fee, e-mail the person",
    ),
    ("deny", "deny", "Deny (message required), e-mail the person"),
    (
        "needs-information",
        "needs_information",
        "Ask the person for more information (message required)",
    ),
]


def _decision_endpoint(path: str, decision: str, summary: str) -> None:
    def endpoint(request: HttpRequest, court_id: str, registration_id: int, payload: DecisionIn):
        court = court_queries.get_court(court_id)
        registration = access.court_request(standing_of(request, court), court, registration_id)
        actions.decide_request(
            actor_id=request.account.pk,
            court=court,
            registration_id=registration.pk,
            decision=decision,
            message=payload.message,
        )
        return registration_out(_reloaded(registration.pk))

    add_made_endpoint(
        router,
        f"/courts/{{court_id}}/registrations/{{registration_id}}/{path}",
        endpoint,
        name=decision,
        response=FilingRegistrationOut,
        auth=signed_in,
        summary=summary,
    )


for _path, _decision, _summary in DECISIONS:
    _decision_endpoint(_path, _decision, _summary)


@router.get(
    "/me/courts",
    response=RegisteredCourtList,
    auth=signed_in,
    summary="Registered courts: where I hold a filing privilege or a linked CM/ECF login",
)
def my_courts(request: HttpRequest) -> RegisteredCourtList:
    rows = [
        copy_of(RegisteredCourtOut, c, privileges=list(c.privileges))
        for c in queries.registered_courts(request.account.pk)
    ]
    return RegisteredCourtList(count=len(rows), courts=rows)
