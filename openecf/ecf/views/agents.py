"""An attorney's filing agents at a court."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import require_signed_in, standing_of
from openecf.courts.queries import get_court
from openecf.ecf import actions, queries
from openecf.ecf.forms import (
    AssociateAgentForm,
)
from openecf.ecf.views.pages import _form_page


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def agents_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="manage filing agents at this court")
    form = AssociateAgentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            association = actions.associate_filing_agent(
                principal=request.account,
                court=court,
                agent_username=form.cleaned_data["agent"],
                receives_notices=form.cleaned_data["receives_notices"],
            )
        except DomainError as error:
            form.add_error("agent" if error.field == "agent" else None, error.message)
        else:
            messages.success(request, f"{association.agent.full_name} now files for you here.")
            return redirect("ecf:agents", court_id=court.pk)
    return _form_page(
        request,
        court,
        "ecf/agents.html",
        form,
        agents=queries.agents_of(court_id=court.pk, principal_id=request.account.pk),
        principals=queries.principals_of(court_id=court.pk, agent_id=request.account.pk),
    )


@domain_errors_as_pages
@require_POST
def end_agent(request: HttpRequest, court_id: str, association_id: int) -> HttpResponse:
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="manage filing agents at this court")
    actions.end_filing_agent(actor=request.account, court=court, association_id=association_id)
    messages.success(request, "The filing agent association has ended.")
    return redirect("ecf:agents", court_id=court.pk)
