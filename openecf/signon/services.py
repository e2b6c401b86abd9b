"""The PACER Authentication API, in the real one's shape so existing clients work unchanged.

``POST /services/cso-auth`` with ``{"loginId", "password", "clientCode"?, "redactFlag"?,
"otpCode"?}`` answers ``{"loginResult": "0", "nextGenCSO": "<128 chars>", "errorDescription":
""}``, or ``loginResult`` "1" with an ``errorDescription`` saying why. ``POST
/services/cso-logout`` with ``{"nextGenCSO": ...}`` revokes the token everywhere.
"""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from openecf.core import clock
from openecf.core.errors import DomainError
from openecf.signon import actions
from openecf.signon.sessions import end_session, session_for_token
from openecf.signon.views import source_address, user_agent

SUCCESS = "0"
FAILURE = "1"


def _answer(result: str, *, token: str = "", description: str = "", status: int = 200):
    response = JsonResponse(
        {"loginResult": result, "nextGenCSO": token, "errorDescription": description},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


def _body(request: HttpRequest) -> dict | None:
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _text(body: dict, name: str) -> str:
    value = body.get(name, "")
    if value is None:
        return ""
    return str(value) if isinstance(value, str | int) else ""


@csrf_exempt
@require_POST
def cso_auth(request: HttpRequest) -> JsonResponse:
    body = _body(request)
    if body is None:
        return _answer(
            FAILURE,
            description=(
                'The request body must be a JSON object such as {"loginId": "...", '
                '"password": "..."} sent with Content-Type: application/json.'
            ),
            status=400,
        )
    login_id, password = _text(body, "loginId").strip(), _text(body, "password")
    if not login_id or not password:
        return _answer(FAILURE, description="Send both loginId and password.", status=400)
    try:
        signed_on = actions.sign_on_by_api(
            login_id=login_id,
            password=password,
            client_code=_text(body, "clientCode").strip(),
            redact_flag=_text(body, "redactFlag").strip(),
            otp_code=_text(body, "otpCode"),
            source_address=source_address(request),
            user_agent=user_agent(request),
            now=clock.now(),
        )
    except DomainError as error:
        return _answer(FAILURE, description=error.message)
    return _answer(SUCCESS, token=signed_on.started.token, description=signed_on.warning)


@csrf_exempt
@require_POST
def cso_logout(request: HttpRequest) -> JsonResponse:
    body = _body(request)
    token = _text(body, "nextGenCSO").strip() if body is not None else ""
    if not token:
        return JsonResponse(
            {"loginResult": FAILURE, "errorDescription": 'Send {"nextGenCSO": "<token>"}.'},
            status=400,
        )
    session = session_for_token(token)
    if session is not None:
        end_session(session=session, actor_id=session.account_id, reason="cso-logout")
    # Unknown or already ended tokens answer the same: the token does not work any more.
    return JsonResponse({"loginResult": SUCCESS, "errorDescription": ""})
