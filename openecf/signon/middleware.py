"""Resolve the Central Sign-On session on every request: cookie ``NextGenCSO`` or Bearer token.

Sets ``request.account`` (or None) and ``request.cso_session``. The same session is valid on
PACER pages, every court's pages and the API.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.web import domain_error_response
from openecf.signon import rules
from openecf.signon.errors import ActionRequired
from openecf.signon.sessions import session_for_token


def token_from(request: HttpRequest) -> tuple[str | None, bool]:
    """(token, came_from_bearer). Any ``Authorization: Bearer`` (in any case) wins over the cookie."""
    scheme, _, rest = request.META.get("HTTP_AUTHORIZATION", "").strip().partition(" ")
    if scheme.lower() == "bearer":
        return rest.strip(), True
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
        if session is not None:
            gate = restriction_gate(request, session)
            if gate is not None:
                return _not_stored(gate)
        response = self.get_response(request)
        if session is not None or settings.CSO_COOKIE_NAME in response.cookies:
            _not_stored(response)
        return response


def _not_stored(response: HttpResponse) -> HttpResponse:
    """A signed-in answer (or one starting a session) holds personal data or a token: no cache,
    shared or private, may keep it."""
    add_never_cache_headers(response)
    return response


def restriction_gate(request: HttpRequest, session) -> HttpResponse | None:
    """Keep a restricted session on the one page it must visit first.

    An expired password (over 180 days) allows only /account/password/ and sign-out until it
    is changed; a filer out of MFA skips may only enrol (/account/mfa/) or sign out.
    """
    if accounts.password_expired(session.account, clock.now()):
        allowed, target, message = (
            rules.PASSWORD_CHANGE_PATHS,
            "/account/password/?expired=1",
            "Your password is more than 180 days old: change it at /account/password/ first.",
        )
    elif session.must_enrol_mfa:
        allowed, target, message = (
            rules.MFA_ENROLMENT_PATHS,
            "/account/mfa/",
            "Multi-factor authentication is required: add an authenticator app at /account/mfa/ "
            "first.",
        )
    else:
        return None
    if rules.path_allowed(request.path, allowed):
        return None
    if request.path.startswith(("/api/", "/services/")):
        return domain_error_response(ActionRequired(message))
    return redirect(target)
