"""Every 4xx from a program's endpoint (``/api/``, ``/services/``) has the one error shape.

Views and the NinjaAPI already answer ``{"error": {"code", "message"}}``; this catches the rest:
Django's own 404 for an unknown path (an HTML debug page in development) and the plain-text
405 for a wrong method.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from openecf.api import CODES, CSRF_HELP
from openecf.core.web import error_response

PROGRAM_PATHS = ("/api/", "/services/")


class ProgramErrorShapeMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            400 <= response.status_code < 500
            and is_program_path(request.path)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return error_response(
                response.status_code,
                CODES.get(response.status_code, "error"),
                _message(request, response),
            )
        return response


def is_program_path(path: str) -> bool:
    return path.startswith(PROGRAM_PATHS)


def _message(request: HttpRequest, response: HttpResponse) -> str:
    if response.status_code == 404:
        return f"No endpoint at {request.path}: see /api/v1/docs."
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        return f"{request.method} is not allowed on {request.path}" + (
            f": use {allowed}." if allowed else "."
        )
    if getattr(response, "csrf_failure", False):
        return CSRF_HELP
    return "The request was refused."


class FriendlyNotFoundMiddleware:
    """In development too, a page nobody has answers with the friendly "Page not found".

    With ``DEBUG`` on, Django answers an unknown path (``/mowd/nope/``) with its debug page that
    lists every URL pattern; people trying the demo should see what production shows. Pages
    that answer 404 themselves (``web/error.html``) are left alone, and so are programs' paths.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and settings.DEBUG
            and not request.path.startswith(PROGRAM_PATHS)
            and not getattr(response, "friendly_page", False)
        ):
            from openecf.web.views import not_found

            return not_found(request)
        return response
