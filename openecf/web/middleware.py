"""Every 4xx from a program's endpoint (``/api/``, ``/services/``) has the one error shape.

Views and the NinjaAPI already answer ``{"error": {"code", "message"}}``; this catches the rest:
Django's own 404 for an unknown path (an HTML debug page in development) and the plain-text
405 for a wrong method.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.api import CODES, CSRF_HELP
from openecf.core import input_rules
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


class InputRulesMiddleware:
    """Apply ``core.input_rules`` to every request before any view or query sees it.

    Checks the path, the query string, form fields, a JSON body and the User-Agent header.
    A refusal is a 400 (413 for a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``) that says what is
    wrong: in the one error shape on program paths, on the friendly error page elsewhere.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            problem = _input_problem(request)
        except RequestDataTooBig:
            return _refusal(
                request,
                413,
                "The request is too large: send at most "
                f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)} MB of fields "
                "(files are limited separately).",
            )
        except (TooManyFieldsSent, TooManyFilesSent):
            return _refusal(request, 400, "The request has too many fields.")
        if problem is not None:
            return _refusal(request, 400, problem)
        return self.get_response(request)


def _input_problem(request: HttpRequest) -> str | None:
    problem = input_rules.text_problem(request.path, where="The address") or next(
        (
            found
            for segment in request.path.split("/")
            if (found := input_rules.plain_value_problem(segment, where="A part of the address"))
        ),
        None,
    )
    problem = problem or input_rules.plain_values_problem(_pairs(request.GET), kind="query")
    if problem is None:
        problem = input_rules.text_problem(
            request.META.get("HTTP_USER_AGENT", ""), where="The User-Agent header"
        )
    if problem is not None or request.method in ("GET", "HEAD", "OPTIONS"):
        return problem
    content_type = request.content_type or ""
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return input_rules.plain_values_problem(_pairs(request.POST), kind="form")
    body = request.body
    if not body.strip():
        return None
    try:
        parsed = json.loads(body)
    except RecursionError:
        return f"The JSON body nests too deeply: at most {input_rules.MAX_JSON_DEPTH} levels."
    except ValueError:
        return None  # not JSON: the endpoint says what it expects
    return input_rules.json_problem(parsed)


def _pairs(data) -> list[tuple[str, str]]:
    return [(name, value) for name, values in data.lists() for value in values]


def _refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if is_program_path(request.path):
        return error_response(status, CODES.get(status, "error"), message)
    title = "Too large" if status == 413 else "Cannot read that"
    return render(
        request,
        "web/error.html",
        {"status": status, "title": title, "text": message},
        status=status,
    )


# Self only: no inline script or style, nothing from another site, never framed. Images may be
# data: URIs (USWDS and Swagger UI icons in their style sheets).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def content_security_policy() -> str:
    """The policy; with the pay.gov gateway, "Pay now" may also send a form on to pay.gov's
    hosted page (browsers hold a form's redirect to ``form-action`` too)."""
    gateway = settings.OPENECF_PAYMENT_GATEWAY
    if gateway["name"] != "paygov" or not gateway.get("paygov_url"):
        return CONTENT_SECURITY_POLICY
    url = urlsplit(gateway["paygov_url"])
    return CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", f"form-action 'self' {url.scheme}://{url.netloc}"
    )


# Features no page uses are switched off for every page.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every answer (Referrer-Policy, nosniff
    and the frame and opener policies come from Django's SecurityMiddleware settings)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
