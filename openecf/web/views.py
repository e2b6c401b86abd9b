"""PACER-side shell pages: the home page with the national court list, and error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.core import clock
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.courts.presentation import court_rows


def home(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if kind not in Court.Kind.values:
        kind = ""
    now = clock.now()
    courts = court_queries.courts(
        court_queries.CourtFilter(kind=kind or None, search=search or None), now
    )
    return render(
        request,
        "web/home.html",
        {"rows": court_rows(courts, now), "q": search, "kind": kind, "kinds": Court.Kind.choices},
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "status": 404,
            "title": "Page not found",
            "text": "We could not find that page. It may have moved, or you may not have access to it.",
        },
        status=404,
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "status": 403,
            "title": "Not allowed",
            "text": (
                "You are not allowed to do that. If you think you should be, sign in with the "
                "right account or contact the clerk's office."
            ),
        },
        status=403,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "status": 500,
            "title": "Something went wrong",
            "text": "Something went wrong on our side and nothing was changed. Please try again in a few minutes.",
        },
        status=500,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    response = render(
        request,
        "web/error.html",
        {
            "status": 403,
            "title": "Form expired",
            "text": "This form expired or was sent from another site. Go back, reload the page and try again.",
        },
        status=403,
    )
    response.csrf_failure = True  # type: ignore[attr-defined]  # read by ProgramErrorShapeMiddleware
    return response


def outbox(request: HttpRequest) -> HttpResponse:
    """Demo mode only: every e-mail the system sent, newest first (verification links, notices).

    Outside development (``DEBUG`` off) the page does not exist. It shows no more than the
    ``.eml`` files under ``$OPENECF_DATA/mail/`` already hold.
    """
    from django.conf import settings
    from django.http import Http404

    from openecf.core.models import OutboundEmail

    if not settings.DEBUG:
        raise Http404("The outbox is shown in development only.")
    to = request.GET.get("to", "").strip()
    emails = OutboundEmail.objects.order_by("-created_at", "-pk")
    if to:
        emails = emails.filter(to__icontains=to)
    return render(request, "web/outbox.html", {"emails": emails[:50], "to": to})
