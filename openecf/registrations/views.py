"""E-file registration pages: the person's (Manage My Account → Maintenance) and the clerk's."""

from __future__ import annotations

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.errors import DomainError, NotFound
from openecf.core.web import carried_out, domain_errors_as_pages, show_on_form
from openecf.courts import queries as court_queries
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.ecf import facade as ecf
from openecf.registrations import access, actions, errors, queries, rules
from openecf.registrations.forms import DecisionForm, RegistrationDetailsForm, RespondForm
from openecf.registrations.models import RegistrationRequest

AUDIENCES = {
    "attorney": (rules.ATTORNEY, "Attorney Admissions / E-File Registration"),
    "non-attorney": (rules.NON_ATTORNEY, "Non-Attorney E-File Registration"),
}


def _certificate_from(upload, limit_mb: int) -> actions.Certificate | None:
    if upload is None:
        return None
    if upload.size > limit_mb * 1024 * 1024:
        return actions.Certificate(upload.name, upload.read(8), size=upload.size)
    return actions.Certificate(upload.name, upload.read())


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def efile(request: HttpRequest, audience: str) -> HttpResponse:
    """A stepped form, one step per submit (works without JavaScript):
    court kind → court → registration type → the court's form and terms."""
    access.require_signed_in(request.account)
    audience_key, title = AUDIENCES[audience]
    params = request.POST if request.method == "POST" else request.GET
    court_kind = params.get("court_kind", "")
    court: Court | None = None
    if params.get("court"):
        court = court_queries.get_court(params["court"])
        court_kind = court.kind
    if court_kind not in Court.Kind.values:
        court_kind = ""
    offered = rules.offered_kinds(court_kind, audience_key) if court else ()
    kind = params.get("kind", "")
    if court and court.kind == "bankruptcy":
        kind = rules.effective_kind(court.kind, kind)
    if kind not in offered:
        kind = ""
    courts = (
        court_queries.courts(court_queries.CourtFilter(kind=court_kind, status="nextgen"))
        if court_kind and not court
        else []
    )
    link_logins = queries.unlinked_logins_like(request.account, court) if court else []
    if (
        court
        and request.account
        and ecf.is_linked(account_id=request.account.pk, court_id=court.pk)
    ):
        link_logins = []
    form = None
    if court and kind:
        form = RegistrationDetailsForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            court=court,
            kind=kind,
            show_link_warning=bool(link_logins),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                registration = actions.submit_registration(
                    account=request.account,
                    court=court,
                    kind=kind,
                    case_number=data.get("case_number", ""),
                    bar_number=data.get("bar_number", ""),
                    bar_state=data.get("bar_state", ""),
                    firm_name=data.get("firm_name", ""),
                    remarks=data.get("remarks", ""),
                    certificate=_certificate_from(data.get("certificate"), court.pdf_size_limit_mb),
                    terms_accepted=data["terms"],
                    link_warning_acknowledged=data.get("link_warning_acknowledged", False),
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(
                    request,
                    f"Your request was sent to {court.short_name}. You will get an e-mail when "
                    "the clerk's office decides it.",
                )
                return redirect("registrations:request", registration_id=registration.pk)
    status = 400 if form is not None and form.errors else 200
    return render(
        request,
        "registrations/efile.html",
        {
            "title": title,
            "audience": audience,
            "refusal": accounts.can_file_or_link(request.account),
            "court_kinds": Court.Kind.choices,
            "court_kind": court_kind,
            "court_kind_label": Court.Kind(court_kind).label if court_kind else "",
            "courts": courts,
            "court": court,
            "kinds": [(k, RegistrationRequest.Kind(k).label) for k in offered],
            "kind": kind,
            "kind_label": RegistrationRequest.Kind(kind).label if kind else "",
            "fee": queries.fee_owed(court.pk, kind) if court and kind else None,
            "link_logins": link_logins,
            "form": form,
        },
        status=status,
    )


@domain_errors_as_pages
def efile_start(request: HttpRequest) -> HttpResponse:
    """``/account/efile/?court=mowd`` (linked from the court's filing check): the attorney form."""
    court_id = request.GET.get("court", "")
    target = reverse("registrations:efile_attorney")
    if court_id:
        court = court_queries.get_court(court_id)
        target += f"?court={court.pk}"
    return redirect(target)


@domain_errors_as_pages
def my_requests(request: HttpRequest) -> HttpResponse:
    access.require_signed_in(request.account)
    return render(
        request,
        "registrations/requests.html",
        {"requests": queries.requests_of(request.account.pk)},
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def my_request(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = access.own_request(request.account, registration_id)
    form = None
    if rules.may_respond(registration.status):
        form = RespondForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
        )
        if request.method == "POST" and form.is_valid():
            try:
                actions.respond_to_request(
                    account=request.account,
                    registration_id=registration.pk,
                    response=form.cleaned_data["response"],
                    certificate=_certificate_from(
                        form.cleaned_data.get("certificate"), registration.court.pdf_size_limit_mb
                    ),
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                messages.success(request, "Your answer was sent to the clerk's office.")
                return redirect("registrations:request", registration_id=registration.pk)
    elif request.method == "POST":
        raise errors.RequestAlreadyDecided(
            f"This request is not waiting for your answer (its status is "
            f"{registration.get_status_display()})."
        )
    return render(
        request,
        "registrations/request.html",
        {"registration": registration, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


@domain_errors_as_pages
def registered_courts(request: HttpRequest) -> HttpResponse:
    access.require_signed_in(request.account)
    return render(
        request,
        "registrations/courts.html",
        {"courts": queries.registered_courts(request.account.pk)},
    )


def _certificate_response(registration: RegistrationRequest) -> HttpResponse:
    if not registration.certificate:
        raise NotFound("This request has no certificate of good standing.")
    return FileResponse(
        default_storage.open(registration.certificate, "rb"),
        content_type="application/pdf",
        filename=registration.certificate_filename or "certificate-of-good-standing.pdf",
    )


@domain_errors_as_pages
def my_certificate(request: HttpRequest, registration_id: int) -> HttpResponse:
    return _certificate_response(access.own_request(request.account, registration_id))


@domain_errors_as_pages
def clerk_queue(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_queries.get_court(court_id)
    access.require_registration_clerk(standing_of(request, court))
    status = request.GET.get("status", "pending")
    if status not in ("pending", "all", *RegistrationRequest.Status.values):
        status = "pending"
    return render(
        request,
        "registrations/clerk_queue.html",
        {
            "court": court,
            "requests": queries.queue_at(court, status),
            "status": status,
            "statuses": [
                ("pending", "Pending"),
                *RegistrationRequest.Status.choices,
                ("all", "All"),
            ],
        },
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_request(request: HttpRequest, court_id: str, registration_id: int) -> HttpResponse:
    court = court_queries.get_court(court_id)
    registration = access.court_request(standing_of(request, court), court, registration_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and carried_out(
            request,
            form,
            lambda: actions.decide_request(
                actor_id=request.account.pk,
                court=court,
                registration_id=registration.pk,
                **form.cleaned_data,
            ),
            lambda decided: (
                f"Request {decided.pk} is now "
                f"{decided.get_status_display().lower()}; {decided.account.full_name} was e-mailed."
            ),
        )
    ):
        return redirect("registrations:clerk_queue", court_id=court.pk)
    return render(
        request,
        "registrations/clerk_request.html",
        {
            "court": court,
            "registration": registration,
            "form": form,
            "fee": queries.fee_owed(court.pk, registration.kind),
            "may_decide": rules.may_decide(registration.status),
            "may_ask": rules.may_ask_for_information(registration.status),
            "now": clock.now(),
        },
        status=400 if form.errors else 200,
    )


@domain_errors_as_pages
def clerk_certificate(request: HttpRequest, court_id: str, registration_id: int) -> HttpResponse:
    court = court_queries.get_court(court_id)
    return _certificate_response(
        access.court_request(standing_of(request, court), court, registration_id)
    )
