"""The filing menus, or exactly what a person still needs before filing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.core.web import domain_errors_as_pages
from openecf.courts.queries import get_court
from openecf.ecf import access, queries
from openecf.ecf.access import court_login_of
from openecf.ecf.views.pages import _context


@domain_errors_as_pages
def file_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    court_login = court_login_of(request, court)
    if court_login is not None:
        return render(
            request,
            "ecf/file_menus.html",
            _context(request, court, court_login=court_login, principals=[]),
        )
    check = access.filing_check_of(request, court)
    if not check.allowed:
        return render(
            request, "ecf/file_missing.html", _context(request, court, check=check), status=403
        )
    return render(
        request,
        "ecf/file_menus.html",
        _context(
            request,
            court,
            court_login=None,
            principals=queries.principals_of(court_id=court.pk, agent_id=request.account.pk),
        ),
    )
