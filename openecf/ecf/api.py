"""The court side in the JSON API: linking, your account at a court, clerk logins, agents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut, add_made_endpoint
from openecf.core.errors import NotFound
from openecf.core.records import copy_of
from openecf.courts.access import clerk_court
from openecf.courts.queries import get_court
from openecf.ecf import access, actions, queries
from openecf.ecf.models import CourtLogin, FilingAgentAssociation, FilingPrivilege

router = Router(tags=["ecf"])


class LinkIn(Schema):
    login: str
    password: str


class LinkConfirmIn(LinkIn):
    confirm: bool = False


class CourtRecordOut(Schema):
    login: str
    name: str
    email: str
    bar_id: str
    bar_state: str
    role: str
    role_label: str
    case_count: int


class PrivilegeOut(Schema):
    id: int
    court_id: str
    kind: str
    source: str
    case_number: str
    granted_at: datetime


class LinkOut(Schema):
    court_id: str
    record: CourtRecordOut
    linked_at: datetime
    privileges: list[PrivilegeOut]


class MissingStepOut(Schema):
    code: str
    text: str
    link: str


class FilingCheckOut(Schema):
    allowed: bool
    missing: list[MissingStepOut]


class AgentOut(Schema):
    id: int
    court_id: str
    principal_username: str
    principal_name: str
    agent_username: str
    agent_name: str
    receives_notices: bool
    created_at: datetime
    ended_at: datetime | None


class MeOut(Schema):
    court_id: str
    linked_login: CourtRecordOut | None
    linked_at: datetime | None
    privileges: list[PrivilegeOut]
    can_file: FilingCheckOut
    agents: list[AgentOut]
    files_for: list[AgentOut]


class CourtLoginOut(Schema):
    id: int
    login: str
    first_name: str
    last_name: str
    email: str
    bar_id: str
    bar_state: str
    role: str
    case_count: int
    is_disabled: bool
    linked_account: str | None
    linked_at: datetime | None


class CourtLoginList(Schema):
    count: int
    logins: list[CourtLoginOut]


class CourtLoginIn(Schema):
    login: str
    first_name: str
    last_name: str
    email: str
    role: str
    bar_id: str = ""
    bar_state: str = ""
    case_count: int = 0


class UnlinkIn(Schema):
    reason: str


class LoginFilters(Schema):
    q: str = ""
    status: str = ""


class AgentIn(Schema):
    agent: str
    receives_notices: bool = False


class AgentsOut(Schema):
    agents: list[AgentOut]
    files_for: list[AgentOut]


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


def _privilege_out(privilege: FilingPrivilege) -> PrivilegeOut:
    return copy_of(PrivilegeOut, privilege)


def _record_out(record: queries.CourtRecord) -> CourtRecordOut:
    return CourtRecordOut(**record.__dict__)


def _agent_out(association: FilingAgentAssociation) -> AgentOut:
    return copy_of(
        AgentOut,
        association,
        principal_username=association.principal.username,
        principal_name=association.principal.full_name,
        agent_username=association.agent.username,
        agent_name=association.agent.full_name,
    )


def _agents_out(court_id: str, account_id: int) -> AgentsOut:
    """The account's filing agents at the court, and the attorneys it files for."""
    return AgentsOut(
        agents=[
            _agent_out(a) for a in queries.agents_of(court_id=court_id, principal_id=account_id)
        ],
        files_for=[
            _agent_out(a) for a in queries.principals_of(court_id=court_id, agent_id=account_id)
        ],
    )


def _login_out(record: CourtLogin) -> CourtLoginOut:
    linked = record.linked_account.username if record.linked_account_id else None
    return copy_of(CourtLoginOut, record, linked_account=linked)


@router.post(
    "/courts/{court_id}/link/preview",
    auth=signed_in,
    response={200: CourtRecordOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    summary="Check a CM/ECF login and password and show the court's record (changes nothing)",
)
def link_preview(request: HttpRequest, court_id: str, payload: LinkIn):
    court = get_court(court_id)
    record = actions.preview_link(
        account=request.auth, court=court, address=_address(request), **payload.dict()
    )
    return _record_out(record)


@router.post(
    "/courts/{court_id}/link",
    auth=signed_in,
    response={201: LinkOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    summary="Link a CM/ECF login to the signed-in PACER account (for good; confirm: true)",
)
def link(request: HttpRequest, court_id: str, payload: LinkConfirmIn):
    court = get_court(court_id)
    record = actions.link_court_login(
        account=request.auth, court=court, address=_address(request), **payload.dict()
    )
    return Status(
        201,
        LinkOut(
            court_id=court.pk,
            record=_record_out(queries.court_record(record)),
            linked_at=record.linked_at,
            privileges=[
                _privilege_out(p)
                for p in queries.privileges_of(account_id=request.auth.pk, court_id=court.pk)
            ],
        ),
    )


@router.get(
    "/courts/{court_id}/me",
    auth=signed_in,
    response={200: MeOut, 404: ErrorOut},
    summary="Your account at this court: link, privileges, whether you may file and what is missing",
)
def me(request: HttpRequest, court_id: str):
    court = get_court(court_id)
    account = request.auth
    linked = queries.linked_login(account_id=account.pk, court_id=court.pk)
    check = access.filing_check_of(request, court)
    agents = _agents_out(court.pk, account.pk)
    return MeOut(
        court_id=court.pk,
        linked_login=_record_out(queries.court_record(linked)) if linked else None,
        linked_at=linked.linked_at if linked else None,
        privileges=[
            _privilege_out(p)
            for p in queries.privileges_of(account_id=account.pk, court_id=court.pk)
        ],
        can_file=FilingCheckOut(
            allowed=check.allowed,
            missing=[MissingStepOut(code=s.code, text=s.text, link=s.link) for s in check.missing],
        ),
        agents=agents.agents,
        files_for=agents.files_for,
    )


@router.get(
    "/courts/{court_id}/logins",
    auth=signed_in,
    response={200: CourtLoginList, 403: ErrorOut, 404: ErrorOut},
    summary="Clerk: the court's CM/ECF logins (q searches login, name, e-mail, bar id)",
)
def list_logins(request: HttpRequest, court_id: str, filters: Query[LoginFilters]):
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    found = list(queries.court_logins(court, filters.q, filters.status))
    return CourtLoginList(count=len(found), logins=[_login_out(r) for r in found])


@router.post(
    "/courts/{court_id}/logins",
    auth=signed_in,
    response={201: CourtLoginOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Clerk: add a CM/ECF login (its holder is e-mailed a link to set a password)",
)
def add_login(request: HttpRequest, court_id: str, payload: CourtLoginIn):
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    record = actions.add_court_login(actor_id=request.auth.pk, court=court, **payload.dict())
    return Status(201, _login_out(record))


def _reload(court, login_id: int) -> CourtLogin:
    record = (
        CourtLogin.objects.filter(pk=login_id, court=court).select_related("linked_account").first()
    )
    if record is None:
        raise NotFound("There is no such CM/ECF login at this court.")
    return record


# The clerk's one-click commands on a login: (path, endpoint name, command, may it be refused
# with 400, summary). Each answers with the login as it now is.
LOGIN_COMMANDS: list[tuple[str, str, Callable[..., object], bool, str]] = [
    (
        "disable",
        "disable_login",
        partial(actions.set_court_login_disabled, disabled=True),
        False,
        "Clerk: disable a CM/ECF login",
    ),
    (
        "enable",
        "enable_login",
        partial(actions.set_court_login_disabled, disabled=False),
        False,
        "Clerk: enable a disabled CM/ECF login again",
    ),
    (
        "reset-password",
        "reset_login_password",
        actions.clerk_reset_court_password,
        True,
        "Clerk: reset a CM/ECF password (the old one stops working; a link is e-mailed)",
    ),
]


def _login_command(
    path: str, name: str, command: Callable[..., object], refusable: bool, summary: str
) -> None:
    def endpoint(request: HttpRequest, court_id: str, login_id: int) -> CourtLoginOut:
        court = clerk_court(request, court_id, what="CM/ECF logins page")
        command(actor_id=request.auth.pk, court=court, court_login_id=login_id)
        return _login_out(_reload(court, login_id))

    refusal: dict[int, type[Schema]] = {400: ErrorOut} if refusable else {}
    add_made_endpoint(
        router,
        f"/courts/{{court_id}}/logins/{{login_id}}/{path}",
        endpoint,
        name=name,
        auth=signed_in,
        response={200: CourtLoginOut, **refusal, 403: ErrorOut, 404: ErrorOut},
        summary=summary,
    )


for _path, _name, _command, _refusable, _summary in LOGIN_COMMANDS:
    _login_command(_path, _name, _command, _refusable, _summary)


@router.post(
    "/courts/{court_id}/logins/{login_id}/unlink",
    auth=signed_in,
    response={200: CourtLoginOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Clerk: undo a mistaken link, with a reason (both people are e-mailed)",
)
def unlink_login(request: HttpRequest, court_id: str, login_id: int, payload: UnlinkIn):
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    actions.undo_link(
        actor_id=request.auth.pk, court=court, court_login_id=login_id, reason=payload.reason
    )
    return _login_out(_reload(court, login_id))


@router.get(
    "/courts/{court_id}/agents",
    auth=signed_in,
    response={200: AgentsOut, 404: ErrorOut},
    summary="Your filing agents at this court, and the attorneys you file for",
)
def list_agents(request: HttpRequest, court_id: str):
    return _agents_out(get_court(court_id).pk, request.auth.pk)


@router.post(
    "/courts/{court_id}/agents",
    auth=signed_in,
    response={201: AgentOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Associate an approved filing agent (by PACER username) with you at this court",
)
def add_agent(request: HttpRequest, court_id: str, payload: AgentIn):
    court = get_court(court_id)
    association = actions.associate_filing_agent(
        principal=request.auth,
        court=court,
        agent_username=payload.agent,
        receives_notices=payload.receives_notices,
    )
    return Status(201, _agent_out(association))


@router.delete(
    "/courts/{court_id}/agents/{association_id}",
    auth=signed_in,
    response={200: AgentOut, 404: ErrorOut},
    summary="End a filing agent association (the attorney or the agent may)",
)
def end_agent(request: HttpRequest, court_id: str, association_id: int):
    court = get_court(court_id)
    association = actions.end_filing_agent(
        actor=request.auth, court=court, association_id=association_id
    )
    return _agent_out(association)
