"""The clerk's office: the court's CM/ECF logins."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.core.errors import DomainError, NotFound
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import clerk_court
from openecf.ecf import actions, queries
from openecf.ecf.forms import (
    AddCourtLoginForm,
    UndoLinkForm,
)
from openecf.ecf.models import CourtLogin
from openecf.ecf.views.pages import _context, _form_page


@domain_errors_as_pages
def clerk_logins(request: HttpRequest, court_id: str) -> HttpResponse:
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    search = request.GET.get("q", "")
    status = request.GET.get("status", "")
    logins = list(queries.court_logins(court, search, status)[:200])
    return render(
        request,
        "ecf/clerk_logins.html",
        _context(request, court, logins=logins, search=search, status=status),
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_add_login(request: HttpRequest, court_id: str) -> HttpResponse:
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    form = AddCourtLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.add_court_login(
                actor_id=request.account.pk, court=court, **form.cleaned_data
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(
                request,
                f"CM/ECF login {record.login} added; {record.email} was sent a link to set a password.",
            )
            return redirect("ecf:clerk_login", court_id=court.pk, login_id=record.pk)
    return _form_page(request, court, "ecf/clerk_add_login.html", form)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_login_detail(request: HttpRequest, court_id: str, login_id: int) -> HttpResponse:
    court = clerk_court(request, court_id, what="CM/ECF logins page")
    record = (
        CourtLogin.objects.filter(pk=login_id, court=court).select_related("linked_account").first()
    )
    if record is None:
        raise NotFound("There is no such CM/ECF login at this court.")
    undo_form = UndoLinkForm(request.POST if request.POST.get("action") == "unlink" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        actor = request.account.pk
        try:
            if action in ("disable", "enable"):
                actions.set_court_login_disabled(
                    actor_id=actor,
                    court=court,
                    court_login_id=record.pk,
                    disabled=action == "disable",
                )
                messages.success(request, f"{record.login} {action}d.")
                return redirect(request.path)
            if action == "reset":
                actions.clerk_reset_court_password(
                    actor_id=actor, court=court, court_login_id=record.pk
                )
                messages.success(request, f"Password reset: a link was e-mailed to {record.email}.")
                return redirect(request.path)
            if action == "unlink" and undo_form.is_valid():
                actions.undo_link(
                    actor_id=actor,
                    court=court,
                    court_login_id=record.pk,
                    reason=undo_form.cleaned_data["reason"],
                )
                messages.success(
                    request, f"The link of {record.login} was undone; both people were e-mailed."
                )
                return redirect(request.path)
        except DomainError as error:
            if action == "unlink":
                undo_form.add_error(None, error.message)
            else:
                messages.error(request, error.message)
                return redirect(request.path)
    return render(
        request,
        "ecf/clerk_login_detail.html",
        _context(
            request,
            court,
            record=record,
            undo_form=undo_form,
            privileges=record.privileges.order_by("-granted_at"),
        ),
        status=400 if undo_form.errors else 200,
    )
