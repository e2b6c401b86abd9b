"""What every sign-on page shares."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from openecf.signon import actions
from openecf.signon.sessions import absolute_timeout

PENDING_COOKIE = "NextGenCSOPending"


def source_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:300]


def set_session_cookie(response: HttpResponse, token: str) -> None:
    """HttpOnly, SameSite=Lax, Secure in production, host-only (no Domain), absolute lifetime."""
    response.set_cookie(
        settings.CSO_COOKIE_NAME,
        token,
        max_age=int(absolute_timeout().total_seconds()),
        path="/",
        secure=settings.CSO_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _set_pending_cookie(response: HttpResponse, raw_id: str) -> None:
    response.set_cookie(
        PENDING_COOKIE,
        raw_id,
        max_age=int(actions.PENDING_LIFETIME.total_seconds()),
        path="/login/",
        secure=settings.CSO_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _clear_pending_cookie(response: HttpResponse) -> None:
    response.delete_cookie(PENDING_COOKIE, path="/login/", samesite="Lax")
