"""The clerk's event catalogue: list every event, add one, change one (clerk-only, ADR 0005)."""

from __future__ import annotations

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from openecf.core.errors import InputInvalid
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import clerk_court
from openecf.courts.models import Court
from openecf.courts.presentation import court_page
from openecf.docket import actions, queries
from openecf.docket.errors import EventNotFound
from openecf.docket.forms import EventForm
from openecf.docket.views import wizard

WHAT = "event catalogue"


def _clerk_court(request: HttpRequest, court_id: str) -> Court:
    court = clerk_court(request, court_id, what=WHAT)
    actions.ensure_catalogue(court_id=court.pk)
    return court


@domain_errors_as_pages
def event_catalogue(request: HttpRequest, court_id: str) -> HttpResponse:
    court = _clerk_court(request, court_id)
    fees = queries.fees_of(court_id=court.pk)
    events = [
        (event, queries.event_fee(event, fees))
        for event in queries.events_of(court_id=court.pk, active_only=False)
    ]
    return court_page(request, court, "docket/event_catalogue.html", events=events)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def edit_event(request: HttpRequest, court_id: str, code: str) -> HttpResponse:
    court = _clerk_court(request, court_id)
    event = queries.events_of(court_id=court.pk, active_only=False).filter(code=code).first()
    if event is None:
        raise EventNotFound(f"{court.short_name} has no event {code}.")
    return _event_form(request, court, code=code, initial=model_to_dict(event))


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def add_event(request: HttpRequest, court_id: str) -> HttpResponse:
    court = _clerk_court(request, court_id)
    return _event_form(
        request,
        court,
        code=None,
        initial={
            "template": "{modifier}{event}{links}{free_text} filed by {filers}.",
            "is_active": True,
        },
    )


def _event_form(
    request: HttpRequest, court: Court, *, code: str | None, initial: dict
) -> HttpResponse:
    editing = code is not None
    form = EventForm(wizard.posted(request), initial=initial, editing=editing)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        given_code = data.pop("code")
        new_code = code if editing else given_code
        try:
            actions.save_event(
                actor_id=request.account.pk,
                court_id=court.pk,
                code=new_code,
                choices=actions.EventChoices(**data),
                create=not editing,
            )
        except InputInvalid as problems:
            show_on_form(form, problems)
        else:
            messages.success(request, f"Event {new_code} saved.")
            return redirect("docket:event_catalogue", court_id=court.pk)
    return wizard.form_page(request, court, "docket/event_form.html", form, code=code)
