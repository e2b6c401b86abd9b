"""Cases in the JSON API: find by number, "my cases", the clerk's case actions, the deck.

``GET /courts/{court_id}/cases/{caseid}`` (parties and entries) and opening a case
(``POST /courts/{court_id}/cases``, a filing) are docket's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema

from openecf.cases import actions, facade, queries
from openecf.cases.access import require_case_clerk
from openecf.cases.rules import parse_number
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut, add_made_endpoint
from openecf.core.errors import InputInvalid
from openecf.courts.access import Standing, standing_of
from openecf.courts.queries import get_court

router = Router(tags=["cases"])
NOT_A_NUMBER = "Enter a case number, in full or in part: 18-123, 4:18cv123 or 4:18-cv-00123."


class CaseOut(Schema):
    caseid: int
    court_id: str
    case_number: str
    shown_number: str
    title: str
    short_title: str
    kind: str
    kind_label: str
    judge_initials: str
    date_filed: date
    date_terminated: date | None
    chapter: int | None
    sealed: bool
    origin_court_id: str
    origin_caseid: int | None
    origin_entry_number: int | None


class CasesOut(Schema):
    cases: list[CaseOut]


class NumberFilter(Schema):
    number: str = ""


def cases_out(found: list[facade.Case]) -> CasesOut:
    return CasesOut(cases=[CaseOut(**case.__dict__) for case in found])


def _standing(request: HttpRequest, court_id: str) -> Standing:
    return standing_of(request, get_court(court_id))


@router.get(
    "/courts/{court_id}/cases",
    auth=signed_in,
    response={200: CasesOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Find cases by a full or partial number (several when it is partial)",
)
def find_cases(request: HttpRequest, court_id: str, filters: Query[NumberFilter]):
    standing = _standing(request, court_id)
    if parse_number(filters.number) is None:
        raise InputInvalid({"number": NOT_A_NUMBER})
    return cases_out(
        facade.find_cases(court_id=standing.court_id, number=filters.number, standing=standing)
    )


@router.get(
    "/account/cases",
    auth=signed_in,
    response={200: CasesOut, 401: ErrorOut},
    summary="My cases: every case, at every court, you are an attorney of record on",
)
def my_cases(request: HttpRequest):
    return cases_out(facade.cases_of(account_id=request.auth.pk))


class CloseIn(Schema):
    on: date | None = None  # the court's today when left out


class ReopenIn(Schema):
    reason: str


class SealIn(Schema):
    sealed: bool


class TransferIn(Schema):
    judge_id: int
    referred: bool = False
    reason: str


class TerminatePartyIn(CloseIn):
    party_id: int


class TerminateAttorneyIn(CloseIn):
    attorney_id: int


class JudgeSeatIn(Schema):
    initials: str
    weight: int


class JudgeOut(Schema):
    judge_id: int
    name: str
    initials: str
    weight: int


class JudgesOut(Schema):
    judges: list[JudgeOut]


def _clerk(request: HttpRequest, court_id: str) -> Standing:
    standing = _standing(request, court_id)
    require_case_clerk(standing)
    return standing


# The clerk's case endpoints, each POST /courts/{court_id}/cases/{caseid}/<path> with a body
# whose fields are the action's own keywords; each answers the case as it now is.
CLERK_ENDPOINTS = [
    (
        "close",
        CloseIn,
        actions.close_case,
        "Close a case (the court's today unless a date is given)",
    ),
    ("reopen", ReopenIn, actions.reopen_case, "Reopen a closed case"),
    ("seal", SealIn, actions.set_case_sealed, "Seal or unseal a case"),
    (
        "judge",
        TransferIn,
        actions.transfer_judge,
        "Transfer a case (or its referral) to another judge",
    ),
    (
        "terminate-party",
        TerminatePartyIn,
        actions.terminate_party,
        "Terminate a party (it stays on the record with the date)",
    ),
    (
        "terminate-attorney",
        TerminateAttorneyIn,
        actions.terminate_attorney,
        "End an attorney's representation (it stays on the record with the date)",
    ),
]


def _clerk_endpoint(
    path: str, body: type[Schema], action: Callable[..., object], summary: str
) -> None:
    def endpoint(request: HttpRequest, court_id: str, caseid: int, payload: Schema) -> CaseOut:
        standing = _clerk(request, court_id)
        action(actor_id=request.auth.pk, court=get_court(court_id), caseid=caseid, **payload.dict())
        return CaseOut(**facade.case(court_id=standing.court_id, caseid=caseid).__dict__)

    add_made_endpoint(
        router,
        f"/courts/{{court_id}}/cases/{{caseid}}/{path}",
        endpoint,
        name=f"clerk_{path.replace('-', '_')}",
        body=body,
        auth=signed_in,
        response={200: CaseOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
        summary=f"{summary} (clerk's office)",
    )


for _path, _body, _action, _summary in CLERK_ENDPOINTS:
    _clerk_endpoint(_path, _body, _action, _summary)


def _deck_out(court_id: str) -> JudgesOut:
    return JudgesOut(judges=[JudgeOut(**card.__dict__) for card in queries.draw_deck(court_id)])


@router.get(
    "/courts/{court_id}/judges",
    auth=signed_in,
    response={200: JudgesOut, 401: ErrorOut, 404: ErrorOut},
    summary="The court's judges and their draw deck (clerk's office)",
)
def judges(request: HttpRequest, court_id: str):
    standing = _clerk(request, court_id)
    return _deck_out(standing.court_id)


@router.put(
    "/courts/{court_id}/judges/{judge_id}",
    auth=signed_in,
    response={200: JudgesOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set a judge's initials and weight in the draw deck (0: not drawn; clerk's office)",
)
def set_judge(request: HttpRequest, court_id: str, judge_id: int, payload: JudgeSeatIn):
    standing = _clerk(request, court_id)
    actions.set_judge_seat(
        actor_id=request.auth.pk,
        court=get_court(court_id),
        judge_id=judge_id,
        initials=payload.initials,
        weight=payload.weight,
    )
    return _deck_out(standing.court_id)
