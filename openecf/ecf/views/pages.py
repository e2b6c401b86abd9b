"""What every court filer page shares: the court-local session cookie, context and forms."""

from __future__ import annotations

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.core import clock
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import queries
from openecf.ecf.models import CourtLogin

LINK_TOKEN_SALT = "ecf.link-preview"
LINK_TOKEN_MAX_AGE = 15 * 60
COURT_COOKIE_SALT = "ecf.court-login"


def court_cookie_name(court: Court) -> str:
    return f"ECF_{court.pk}"


def address_of(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


def court_login_of(request: HttpRequest, court: Court) -> CourtLogin | None:
    """The court login signed in at this court before go-live (its own cookie), if any."""
    key = request.get_signed_cookie(court_cookie_name(court), default=None, salt=COURT_COOKIE_SALT)
    return queries.court_session_login(court, key)


def _context(request: HttpRequest, court: Court, **extra) -> dict:
    return {
        "court": court,
        "nextgen": is_nextgen(court),
        "go_live_text": (
            clock.format_court_time(court.nextgen_go_live, court.time_zone)
            if court.nextgen_go_live
            else ""
        ),
        "standing": standing_of(request, court),
        **extra,
    }


def _form_page(
    request: HttpRequest, court: Court, template: str, form: Form, **extra
) -> HttpResponse:
    """A court page with a form on it: 400 while the form shows errors."""
    return render(
        request,
        template,
        _context(request, court, form=form, **extra),
        status=400 if form.errors else 200,
    )
