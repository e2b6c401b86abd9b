"""PACER-side shell pages: the home page with the national court list, and error pages."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from openecf.core import clock
from openecf.core.errors import NotFound
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.courts.presentation import court_rows
from openecf.ecf import facade as ecf
from openecf.firms import facade as firms

FILER_PURPOSES = ("attorney_filer", "non_attorney_filer")


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


def start(request: HttpRequest) -> HttpResponse:
    """Where sign-in leads when no page was asked for: to where this person's work is.

    A clerk: the clerk's office menu of their court. A judge: their cases (assigned or referred)
    at every court. A firm's PACER Administrative Account: the firm's readiness page. Anyone who
    files or is on the way to (a filer, a privilege, a linked login, a request): their courts
    with the next step for each. Everyone else: the Case Locator, to find a case at any court.
    """
    account = getattr(request, "account", None)
    if account is None:
        return redirect(f"{reverse('signon:login')}?next={quote(reverse('web:start'))}")
    if account.is_court_staff:
        clerk_of = court_queries.clerk_court_ids(account.pk)
        if clerk_of:
            return redirect("courts:clerk_office", court_id=clerk_of[0])
        if court_queries.judge_court_ids(account.pk):
            return redirect("cases:mine")
    if account.kind == "administrative":
        try:
            firms.firm_administered_by(account)
        except NotFound:
            return redirect("accounts:settings")
        return redirect("readiness:readiness")
    if account.purpose in FILER_PURPOSES or account.filer_since or _has_a_court(account):
        return redirect("readiness:your_courts")
    if not account.is_upgraded:
        messages.warning(
            request,
            "Your PACER account is a Legacy account: upgrade it in Manage My Account "
            "(Settings → Account type → Upgrade) to keep using it.",
        )
    return redirect("locator:search")


def _has_a_court(account) -> bool:
    """A privilege, a linked login or an unlinked court login with the account's e-mail."""
    if account.is_operator:
        return False
    return bool(
        ecf.privileges_of(account_id=account.pk)
        or ecf.linked_logins_of(account_id=account.pk)
        or ecf.courts_with_unlinked_logins_for_email(email=account.email)
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(
        request,
        "web/error.html",
        {
            "status": 404,
            "title": "Page not found",
            "text": "We could not find that page. It may have moved, or you may not have access to it.",
        },
        status=404,
    )


def error_page(request: HttpRequest, template: str, context: dict, *, status: int) -> HttpResponse:
    """``web/error.html`` (or another page) marked as ours, so development keeps it."""
    response = render(request, template, context, status=status)
    response.friendly_page = True  # type: ignore[attr-defined]  # read by FriendlyNotFoundMiddleware
    return response


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
    emails = OutboundEmail.objects.select_related("body").order_by("-created_at", "-pk")
    if to:
        emails = emails.filter(to__icontains=to)
    return render(request, "web/outbox.html", {"emails": emails[:50], "to": to})
