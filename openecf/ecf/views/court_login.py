"""The court's own login page before go-live, its forgotten password, and logout."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from openecf.core import clock
from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.models import Court
from openecf.courts.queries import get_court, is_nextgen
from openecf.ecf import actions, queries
from openecf.ecf.access import COURT_COOKIE_SALT, court_cookie_name, court_login_of
from openecf.ecf.forms import (
    CourtLoginForm,
    ForgotPasswordForm,
    NewPasswordForm,
)
from openecf.ecf.views.pages import (
    _context,
    _form_page,
    address_of,
)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def login_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    if "reset" in request.GET:
        return _reset_password(request, court)
    if "forgot" in request.GET:
        return _forgot_password(request, court)
    if is_nextgen(court):
        return render(request, "ecf/login_nextgen.html", _context(request, court))
    signed_in_as = court_login_of(request, court)
    form = CourtLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record, key = actions.sign_in_court_login(
                court=court, address=address_of(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            response = redirect("ecf:file", court_id=court.pk)
            response.set_signed_cookie(
                court_cookie_name(court),
                key,
                salt=COURT_COOKIE_SALT,
                httponly=True,
                samesite="Lax",
                secure=getattr(settings, "CSO_COOKIE_SECURE", False),
                path=f"/{court.pk}/",
                max_age=int(actions.COURT_SESSION_LIFETIME.total_seconds()),
            )
            messages.success(request, f"Signed in to {court.short_name} as {record.login}.")
            return response
    return _form_page(request, court, "ecf/login_legacy.html", form, signed_in_as=signed_in_as)


def _forgot_password(request: HttpRequest, court: Court) -> HttpResponse:
    form = ForgotPasswordForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        actions.request_court_password_reset(court=court, login=form.cleaned_data["login"])
        sent = True
    return render(request, "ecf/forgot.html", _context(request, court, form=form, sent=sent))


def _reset_password(request: HttpRequest, court: Court) -> HttpResponse:
    token = request.GET.get("reset", "")
    state = queries.reset_link_state(court, token, clock.now())
    if state != "live":  # used, expired or unknown: say so instead of showing the form
        return render(
            request,
            "ecf/reset_unusable.html",
            _context(request, court, state=state),
            status=400,
        )
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.reset_court_password(
                court=court, token=token, new_password=form.cleaned_data["password"]
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(
                request, f"The password of the CM/ECF login {record.login} has been changed."
            )
            return redirect("ecf:login", court_id=court.pk)
    return _form_page(request, court, "ecf/reset.html", form)


@require_POST
def logout_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    key = request.get_signed_cookie(court_cookie_name(court), default=None, salt=COURT_COOKIE_SALT)
    if key:
        actions.sign_out_court_login(court=court, key=key)
    response = redirect("courts:home", court_id=court.pk)
    response.delete_cookie(court_cookie_name(court), path=f"/{court.pk}/")
    return response
