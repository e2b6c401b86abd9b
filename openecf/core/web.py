"""Turning domain errors into pages, in one place for every HTML view."""

from __future__ import annotations

import functools
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openecf.core.errors import DomainError, NotFound, NotSignedIn, PermissionDenied


def domain_errors_as_pages(view):
    """Not signed in: to the sign-in page. Not found / not allowed: the friendly error page."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotSignedIn:
            return redirect(f"/login/?next={quote(request.get_full_path())}")
        except (NotFound, PermissionDenied, DomainError) as error:
            title = {404: "Page not found", 403: "Not allowed"}.get(error.status, "Cannot do that")
            return render(
                request,
                "web/error.html",
                {"status": error.status, "title": title, "text": error.message},
                status=error.status,
            )

    return wrapper
