"""Central Sign-On in the JSON API: sessions (list, end one, end the others) and MFA.

Signing in itself is ``POST /services/cso-auth`` (see ``signon/services.py``).
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.api_schemas import ErrorOut
from openecf.core.errors import NotFound
from openecf.core.records import copy_of
from openecf.signon import actions, queries, rules
from openecf.signon.models import CentralSession
from openecf.signon.sessions import end_all_sessions, end_session, expires_at

router = Router(tags=["sign-on"])


class SessionOut(Schema):
    id: int
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    source_address: str | None
    user_agent: str
    client_code: str
    current: bool


class Ended(Schema):
    ended: int


class AppOut(Schema):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


class MfaOut(Schema):
    enrolled: bool
    apps: list[AppOut]
    max_apps: int
    backup_codes_left: int
    enrolment_step: str  # "", "email_code", "first_code"
    requirement: str  # rules.MfaPrompt: none, offer_skip, required
    skips_left: int


class Started(Schema):
    email: str
    expires_at: datetime


class CodeIn(Schema):
    code: str


class SecretOut(Schema):
    secret: str
    otpauth_uri: str


class ActivateIn(Schema):
    name: str
    code: str


class BackupCodesOut(Schema):
    codes: list[str]


def _session_out(session: CentralSession, current_id: int) -> SessionOut:
    return copy_of(
        SessionOut, session, expires_at=expires_at(session), current=session.pk == current_id
    )


@router.get("/sessions", auth=signed_in, response=list[SessionOut])
def list_sessions(request: HttpRequest):
    """Your live Central Sign-On sessions, newest first (``current`` marks this one)."""
    accounts.require_upgraded(request.account)
    rows = queries.live_sessions(account_id=request.account.pk, now=clock.now())
    return [_session_out(s, request.cso_session.pk) for s in rows]


@router.delete("/sessions/{int:session_id}", auth=signed_in, response={200: Ended, 404: ErrorOut})
def end_one(request: HttpRequest, session_id: int):
    """End one of your sessions everywhere (PACER, every court, the API)."""
    accounts.require_upgraded(request.account)
    session = CentralSession.objects.filter(
        pk=session_id, account_id=request.account.pk, ended_at__isnull=True
    ).first()
    if session is None:
        raise NotFound("There is no such active session on your account.")
    end_session(session=session, actor_id=request.account.pk, reason="ended_from_account")
    return {"ended": 1}


@router.post("/sessions/end-others", auth=signed_in, response=Ended)
def end_others(request: HttpRequest):
    """End every session of yours except the one making this request."""
    accounts.require_upgraded(request.account)
    ended = end_all_sessions(
        account_id=request.account.pk,
        actor_id=request.account.pk,
        reason="ended_from_account",
        keep=request.cso_session.pk,
    )
    return {"ended": ended}


def _mfa_out(request: HttpRequest) -> MfaOut:
    account = request.account
    now = clock.now()
    enrolment = queries.enrolment(account.pk, now)
    step = ""
    if enrolment is not None:
        step = "first_code" if enrolment.email_confirmed_at else "email_code"
    return MfaOut(
        enrolled=queries.has_mfa(account.pk),
        apps=[
            AppOut(id=a.pk, name=a.name, created_at=a.created_at, last_used_at=a.last_used_at)
            for a in queries.apps(account.pk)
        ],
        max_apps=rules.MAX_AUTHENTICATOR_APPS,
        backup_codes_left=queries.backup_codes_left(account.pk),
        enrolment_step=step,
        requirement=queries.mfa_prompt_for(account, now),
        skips_left=rules.skips_left(account.mfa_skips_used),
    )


@router.get("/mfa", auth=signed_in, response=MfaOut)
def mfa_status(request: HttpRequest):
    """Your authenticator apps, backup codes left and whether MFA is required of you."""
    accounts.require_upgraded(request.account)
    return _mfa_out(request)


@router.post("/mfa/apps/start", auth=signed_in, response={200: Started, 409: ErrorOut})
def start_app(request: HttpRequest):
    """Add an app, step 1: a security code is e-mailed to your account's address."""
    accounts.require_upgraded(request.account)
    enrolment = actions.start_app_enrolment(account=request.account, now=clock.now())
    return {"email": request.account.email, "expires_at": enrolment.expires_at}


@router.post(
    "/mfa/apps/confirm-email",
    auth=signed_in,
    response={200: SecretOut, 400: ErrorOut, 409: ErrorOut},
)
def confirm_email(request: HttpRequest, payload: CodeIn):
    """Step 2: the e-mailed code; answers the new secret and its otpauth:// URI (shown once)."""
    accounts.require_upgraded(request.account)
    enrolment = actions.confirm_enrolment_email(
        account=request.account, code=payload.code, now=clock.now()
    )
    return {
        "secret": enrolment.secret,
        "otpauth_uri": rules.otpauth_uri(
            secret=enrolment.secret, username=request.account.username
        ),
    }


@router.post(
    "/mfa/apps/activate", auth=signed_in, response={201: AppOut, 400: ErrorOut, 409: ErrorOut}
)
def activate(request: HttpRequest, payload: ActivateIn):
    """Step 3: name the app and send the code it shows now; the app is added."""
    accounts.require_upgraded(request.account)
    app = actions.activate_app(
        account=request.account, name=payload.name, code=payload.code, now=clock.now()
    )
    out = AppOut(id=app.pk, name=app.name, created_at=app.created_at, last_used_at=app.last_used_at)
    return Status(201, out)


@router.delete("/mfa/apps/{int:app_id}", auth=signed_in, response={200: MfaOut, 404: ErrorOut})
def remove(request: HttpRequest, app_id: int):
    """Remove one of your authenticator apps."""
    accounts.require_upgraded(request.account)
    actions.remove_app(account=request.account, app_id=app_id)
    return _mfa_out(request)


@router.post("/mfa/backup-codes", auth=signed_in, response={200: BackupCodesOut, 409: ErrorOut})
def backup_codes(request: HttpRequest):
    """Ten new single-use backup codes, shown only in this answer; older codes stop working.

    Needs an active authenticator app (409 ``authenticator_app_required`` otherwise)."""
    accounts.require_upgraded(request.account)
    return {"codes": actions.regenerate_backup_codes(account=request.account, now=clock.now())}
