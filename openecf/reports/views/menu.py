"""``/<court>/cgi-bin/DisplayMenu.pl?Reports``: CM/ECF's Reports menu, the court's reports in one
list. Each report asks for sign-in and charges on its own; the menu itself is free and open."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from openecf.core.web import domain_errors_as_pages
from openecf.courts.queries import get_court


@domain_errors_as_pages
@require_GET
def display_menu(request: HttpRequest, court_id: str) -> HttpResponse:
    """``?Reports`` (or no menu named) shows the Reports menu; ``?Query`` is the case query."""
    court = get_court(court_id)
    if request.META.get("QUERY_STRING", "").split("&")[0] == "Query":
        return redirect("reports:case_query", court_id=court.pk)
    return render(request, "reports/menu.html", {"court": court})
