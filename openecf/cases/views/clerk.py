"""The clerk's office on a case (close, reopen, seal, transfer, terminate) and the draw deck.

Clerk-only pages: anyone but the court's clerk's office or the operator gets 404 (ADR 0005).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from openecf.cases import actions, facade, queries
from openecf.cases.access import require_case_clerk
from openecf.cases.forms import DateForm, JudgeSeatForm, ReasonForm, TransferForm
from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import standing_of
from openecf.courts.presentation import court_page
from openecf.courts.queries import get_court

# A button's name -> the action it carries out and the words of its outcome.
_DONE = {
    "close": "The case is closed.",
    "reopen": "The case is reopened.",
    "seal": "The case is sealed.",
    "unseal": "The case is unsealed.",
    "transfer": "The case is transferred.",
    "terminate_party": "The party is terminated; it stays on the record.",
    "terminate_attorney": "The attorney's representation is ended; it stays on the record.",
}


def _act(request: HttpRequest, court, caseid: int, action: str, forms: dict) -> None:
    """Carry out the clerk's button ``action`` with its form; a refusal lands on the form."""
    actor, post = request.account.pk, request.POST
    where = {"actor_id": actor, "court": court, "caseid": caseid}
    if action in ("close", "terminate_party", "terminate_attorney"):
        form = forms["date"] = DateForm(post)
        if not form.is_valid():
            return
        on = form.cleaned_data["on"]
        if action == "close":
            actions.close_case(**where, on=on)
        elif action == "terminate_party":
            actions.terminate_party(**where, party_id=int(post.get("party_id", 0)), on=on)
        else:
            actions.terminate_attorney(**where, attorney_id=int(post.get("attorney_id", 0)), on=on)
    elif action == "reopen":
        form = forms["reason"] = ReasonForm(post)
        if not form.is_valid():
            return
        actions.reopen_case(**where, reason=form.cleaned_data["reason"])
    elif action in ("seal", "unseal"):
        actions.set_case_sealed(**where, sealed=action == "seal")
    elif action == "transfer":
        form = forms["transfer"] = TransferForm(
            post, judges=forms["transfer"].fields["judge_id"].choices
        )
        if not form.is_valid():
            return
        actions.transfer_judge(**where, **form.cleaned_data)
    else:
        return
    messages.success(request, _DONE[action])


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_case(request: HttpRequest, court_id: str, caseid: int) -> HttpResponse:
    court = get_court(court_id)
    standing = standing_of(request, court)
    require_case_clerk(standing)
    case = facade.case(court_id=court.pk, caseid=caseid)
    deck = [
        (card.judge_id, f"{card.name} ({card.initials})") for card in queries.draw_deck(court.pk)
    ]
    forms = {"date": DateForm(), "reason": ReasonForm(), "transfer": TransferForm(judges=deck)}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            _act(request, court, case.caseid, action, forms)
        except DomainError as error:
            show_on_form(forms.get(_FORM_OF.get(action, "date")), error)
        if not any(f.errors for f in forms.values()):
            return redirect(request.path)
    return court_page(
        request,
        court,
        "cases/clerk_case.html",
        status=400 if any(f.errors for f in forms.values()) else 200,
        case=case,
        parties=facade.parties(caseid=case.caseid),
        judge=facade.judge_name(case),
        forms=forms,
    )


_FORM_OF = {"reopen": "reason", "transfer": "transfer", "seal": "date", "unseal": "date"}


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def judges_page(request: HttpRequest, court_id: str) -> HttpResponse:
    """The court's draw deck: each judge's initials and weight."""
    court = get_court(court_id)
    standing = standing_of(request, court)
    require_case_clerk(standing)
    form = JudgeSeatForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_judge_seat(actor_id=request.account.pk, court=court, **form.cleaned_data)
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, "The draw deck is saved.")
            return redirect(request.path)
    return court_page(
        request,
        court,
        "cases/judges.html",
        status=400 if form.errors else 200,
        form=form,
        deck=queries.draw_deck(court.pk),
    )
