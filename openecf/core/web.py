"""Turning domain errors into pages and program answers, in one place for every interface."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TypeVar
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from openecf.core.errors import (
    DomainError,
    InputInvalid,
    NotFound,
    NotSignedIn,
    PermissionDenied,
    error_body,
)

Done = TypeVar("Done")


def domain_errors_as_pages(view):
    """Not signed in: to the sign-in page. Not found / not allowed: the friendly error page."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotSignedIn:
            return redirect(f"{reverse('signon:login')}?next={quote(request.get_full_path())}")
        except (NotFound, PermissionDenied, DomainError) as error:
            title = {404: "Page not found", 403: "Not allowed"}.get(error.status, "Cannot do that")
            response = render(
                request,
                "web/error.html",
                {"status": error.status, "title": title, "text": error.message},
                status=error.status,
            )
            response.friendly_page = True  # type: ignore[attr-defined]  # kept in development
            return response

    return wrapper


def say_how_it_went(
    request: HttpRequest, action: Callable[[], Done], success: Callable[[Done], str]
) -> None:
    """Carry out a button's action and tell the outcome in a message for the next page.

    A refusal becomes the error message; a missing object is raised on, for the not-found page.
    """
    try:
        done = action()
    except NotFound:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(done))


def carried_out(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[], Done],
    success: Callable[[Done], str],
    *,
    aliases: Mapping[str, str] | None = None,
) -> Done | None:
    """Carry out a valid form's action: what it did, with ``success(done)`` in a message for
    the next page; or None when refused, the refusal put on the form (``show_on_form``)."""
    try:
        done = action()
    except DomainError as error:
        show_on_form(form, error, aliases=aliases)
        return None
    messages.success(request, success(done))
    return done


def show_on_form(
    form: forms.Form, error: DomainError, *, aliases: Mapping[str, str] | None = None
) -> None:
    """Put a refusal on the form: each problem on the field it names, the rest above the form.

    ``aliases`` maps an action's field name to the form's where the two differ
    (``{"zip_code": "zip"}``).
    """
    problems = (
        error.problems if isinstance(error, InputInvalid) else {error.field or "": [error.message]}
    )
    for field, sentences in problems.items():
        name = (aliases or {}).get(field, field)
        for sentence in sentences:
            form.add_error(name if name in form.fields else None, sentence)


def error_response(
    status: int, code: str, message: str, *, fields: Mapping[str, list[str]] | None = None
) -> JsonResponse:
    """The one producer of a program's error answer: ``{"error": {"code", "message"}}``."""
    return JsonResponse(error_body(code, message, fields=fields), status=status)


def domain_error_response(error: DomainError) -> JsonResponse:
    """A refusal as a program sees it, with the refusal's own status."""
    return JsonResponse(error.as_json(), status=error.status)


def source_address(request: HttpRequest) -> str | None:
    """The address the request came from, as audit rows and throttles record it."""
    return request.META.get("REMOTE_ADDR") or None
