"""A firm's NextGen readiness as JSON: read it, choose courts, remind the ones not ready."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from openecf.core.api_auth import signed_in
from openecf.firms import facade as firms
from openecf.readiness import access, actions, queries, rules

router = Router(tags=["readiness"])


class ReadinessCourtOut(Schema):
    court_id: str
    short_name: str
    nextgen: bool
    go_live: str


class StepOut(Schema):
    code: str
    text: str


class ReadinessMemberOut(Schema):
    name: str
    username: str
    account_number: str
    individual: bool
    upgraded: bool
    mfa_enrolled: bool
    courts: dict[str, str]  # court id -> linked | privilege | not_yet
    ready: bool
    next_step: str
    steps: list[StepOut]


class ReadinessOut(Schema):
    firm_id: int
    firm_name: str
    courts: list[ReadinessCourtOut]
    ready_count: int
    member_count: int
    members: list[ReadinessMemberOut]


class CourtsIn(Schema):
    court_ids: list[str]


class RemindedOut(Schema):
    reminded: list[str]
    already_reminded: list[str]
    ready: int


def readiness_out(firm: firms.FirmSummary, sort: str = "") -> ReadinessOut:
    report = queries.report_for(firm)
    key, descending = rules.parse_sort(sort, [c.court_id for c in report.courts])
    rows = rules.sort_rows(report.rows, key, descending)
    return ReadinessOut(
        firm_id=firm.firm_id,
        firm_name=firm.name,
        courts=[
            ReadinessCourtOut(
                court_id=c.court_id,
                short_name=c.short_name,
                nextgen=c.is_nextgen,
                go_live=c.go_live_text,
            )
            for c in report.courts
        ],
        ready_count=report.ready_count,
        member_count=len(rows),
        members=[
            ReadinessMemberOut(
                name=r.member.name,
                username=r.member.username,
                account_number=r.member.account_number,
                individual=r.member.individual,
                upgraded=r.member.upgraded,
                mfa_enrolled=r.member.mfa,
                courts={c.court_id: r.member.court_status[c.court_id] for c in report.courts},
                ready=r.ready,
                next_step=r.next_step,
                steps=[StepOut(code=s.code, text=s.text) for s in r.steps],
            )
            for r in rows
        ],
    )


@router.get(
    "/firm/readiness",
    response=ReadinessOut,
    auth=signed_in,
    summary="The firm's NextGen readiness (signed in as the firm's PAA)",
    description=(
        "`sort`: name, username, account_number, individual, upgraded, mfa, ready, next_step "
        "or court:<court id>; prefix `-` for descending."
    ),
)
def get_readiness(request: HttpRequest, sort: str = "") -> ReadinessOut:
    return readiness_out(access.require_firm_administrator(request.account), sort)


@router.put(
    "/firm/readiness/courts",
    response=ReadinessOut,
    auth=signed_in,
    summary="Choose the courts the readiness report checks",
)
def put_courts(request: HttpRequest, payload: CourtsIn) -> ReadinessOut:
    firm = access.require_firm_administrator(request.account)
    chosen = firms.choose_readiness_courts(
        firm_id=firm.firm_id, actor_id=request.account.pk, court_ids=payload.court_ids
    )
    return readiness_out(chosen)


@router.post(
    "/firm/readiness/remind",
    response=RemindedOut,
    auth=signed_in,
    summary="E-mail each member who is not ready a personal checklist (once per 24 hours)",
)
def remind(request: HttpRequest) -> RemindedOut:
    firm = access.require_firm_administrator(request.account)
    result = actions.remind_not_ready(firm=firm, actor_id=request.account.pk)
    return RemindedOut(
        reminded=result.reminded, already_reminded=result.already_reminded, ready=result.ready
    )
