"""Resolve the Central Sign-On session on every request: cookie ``NextGenCSO`` or Bearer token.

Sets ``request.account`` (or None) and ``request.cso_session``. The same session is valid on
PACER pages, every court's pages and the API.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

from openecf.signon.sessions import session_for_token


def token_from(request: HttpRequest) -> tuple[str | None, bool]:
    """(token, came_from_bearer)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.startswith("Bearer "):
        return header[len("Bearer ") :].strip(), True
    return request.COOKIES.get(settings.CSO_COOKIE_NAME), False


class CentralSignOnMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token, bearer = token_from(request)
        session = session_for_token(token) if token else None
        request.cso_session = session  # type: ignore[attr-defined]
        request.account = session.account if session else None  # type: ignore[attr-defined]
        request.user = request.account or AnonymousUser()  # type: ignore[assignment]
        if bearer and session is not None:
            # A program holding a bearer token is not a browser: no CSRF cookie to protect.
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)
