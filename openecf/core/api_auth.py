"""API authentication: the Central Sign-On session the middleware already resolved.

A program sends the ``nextGenCSO`` token as ``Authorization: Bearer``; a browser sends the
``NextGenCSO`` cookie (and then CSRF applies). Each scheme accepts only when its own credential
is the one that named the request's session, so a bogus bearer header cannot ride on a cookie.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from openecf.core import tokens


def _account_named_by(request: HttpRequest, token: str | None):
    """The signed-in account if ``token`` is the token of ``request.cso_session``, else None."""
    session = getattr(request, "cso_session", None)
    token = (token or "").strip()
    if session is None or not token:
        return None
    if not tokens.matches(token, session.token_digest):
        return None
    return getattr(request, "account", None)


class CentralSignOnBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        return _account_named_by(request, token)


class CentralSignOnCookie(APIKeyCookie):
    param_name = "NextGenCSO"

    def _get_key(self, request: HttpRequest) -> str | None:
        # CSRF guards a signed-in browser only: a request whose cookie names no session is
        # simply not signed in (401 not_signed_in), whatever its CSRF token.
        key = request.COOKIES.get(self.param_name)
        if _account_named_by(request, key) is None:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None):
        return _account_named_by(request, key)


signed_in = [CentralSignOnBearer(), CentralSignOnCookie()]
