"""What every court filer page shares: the court-local session cookie, context and forms."""

from __future__ import annotations

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.core import clock
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen

LINK_TOKEN_SALT = "ecf.link-preview"
LINK_TOKEN_MAX_AGE = 15 * 60


def address_of(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


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
