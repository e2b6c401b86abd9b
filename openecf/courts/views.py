"""A court's own pages: its home page, the clerk's office menu and the court settings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.core import clock
from openecf.core.errors import InputInvalid
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts import access, actions, fees, queries, rules
from openecf.courts.forms import CourtFeesForm, CourtSettingsForm
from openecf.courts.models import Court
from openecf.courts.presentation import court_row


@domain_errors_as_pages
def court_home(request: HttpRequest, court_id: str) -> HttpResponse:
    court = queries.get_court(court_id)
    row = court_row(court, clock.now())
    return render(
        request,
        "courts/home.html",
        {
            "court": court,
            "row": row,
            "offices": court.offices.all(),
            "standing": access.standing_of(request, court),
        },
    )


@domain_errors_as_pages
def clerk_office(request: HttpRequest, court_id: str) -> HttpResponse:
    """The clerk's office menu: where a clerk lands after signing in."""
    court = queries.get_court(court_id)
    standing = access.standing_of(request, court)
    access.require_clerk(standing, what="clerk's office menu")
    return render(
        request,
        "courts/clerk_office.html",
        {"court": court, "row": court_row(court, clock.now()), "standing": standing},
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def court_settings(request: HttpRequest, court_id: str) -> HttpResponse:
    court = queries.get_court(court_id)
    access.require_clerk(access.standing_of(request, court), what="court settings page")
    if request.method == "POST":
        form = CourtSettingsForm(request.POST, court=court)
        if form.is_valid():
            data = form.cleaned_data
            actor = request.account.pk
            try:
                actions.update_court_settings(
                    actor_id=actor,
                    court=court,
                    nextgen_go_live=data["go_live"],
                    pdf_size_limit_mb=data["pdf_size_limit_mb"],
                    clerk_phone=data["clerk_phone"],
                    clerk_email=data["clerk_email"],
                    clerk_help_text=data["clerk_help_text"],
                    offices=data["offices"],
                )
            except InputInvalid as problems:
                show_on_form(form, problems, aliases={"nextgen_go_live": "go_live"})
            else:
                messages.success(request, f"Settings for {court.short_name} saved.")
                return redirect("courts:settings", court_id=court.id)
        return _settings_page(request, court, form=form)
    return _settings_page(request, court)


def _settings_page(
    request: HttpRequest,
    court: Court,
    *,
    form: CourtSettingsForm | None = None,
    fees_form: CourtFeesForm | None = None,
) -> HttpResponse:
    """The settings page: the court's settings, its fees and the history of fee changes."""
    if form is None:
        form = CourtSettingsForm(court=court, initial=_settings_initial(court))
    if fees_form is None:
        fees_form = CourtFeesForm(
            initial=CourtFeesForm.initial_from(fees.fee_schedule(court_id=court.pk))
        )
    return render(
        request,
        "courts/settings.html",
        {
            "court": court,
            "form": form,
            "fees_form": fees_form,
            "fee_history": fees.fee_history(court_id=court.pk),
            "row": court_row(court, clock.now()),
        },
    )


@domain_errors_as_pages
@require_http_methods(["POST"])
def court_fees(request: HttpRequest, court_id: str) -> HttpResponse:
    """The fee part of the settings page: amounts, dues cycle, payment before privilege."""
    court = queries.get_court(court_id)
    access.require_clerk(access.standing_of(request, court), what="court settings page")
    form = CourtFeesForm(request.POST)
    if form.is_valid():
        try:
            actions.update_court_fees(
                actor_id=request.account.pk,
                court_id=court.pk,
                amounts=form.amounts(),
                dues_cycle_years=form.cleaned_data["dues_cycle_years"],
                fee_before_privilege=form.cleaned_data["fee_before_privilege"],
            )
        except InputInvalid as problems:
            show_on_form(form, problems, aliases={k: f"fee_{k}" for k in fees.FeeKind.values})
        else:
            messages.success(request, f"Fees for {court.short_name} saved.")
            return redirect("courts:settings", court_id=court.id)
    return _settings_page(request, court, fees_form=form)


def _settings_initial(court: Court) -> dict[str, object]:
    local = clock.in_zone(court.nextgen_go_live, court.time_zone) if court.nextgen_go_live else None
    return {
        "go_live": local.strftime("%Y-%m-%dT%H:%M") if local else "",
        "pdf_size_limit_mb": court.pdf_size_limit_mb,
        "clerk_phone": court.clerk_phone,
        "clerk_email": court.clerk_email,
        "clerk_help_text": court.clerk_help_text,
        "offices": rules.format_offices(list(court.offices.values_list("number", "name"))),
    }
