"""Registration and the e-mailed verification link."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from openecf.accounts import actions
from openecf.accounts.errors import (
    AccountMayAlreadyExist,
    LinkNotValid,
)
from openecf.accounts.forms import (
    RegistrationForm,
)
from openecf.accounts.views.pages import _show
from openecf.core.errors import DomainError
from openecf.core.web import source_address


def _link_problem(request: HttpRequest, error: LinkNotValid) -> HttpResponse:
    """An e-mailed link that has expired or was already used."""
    return render(request, "accounts/link_problem.html", {"text": error.message}, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = RegistrationForm(initial={"purpose": request.GET.get("purpose", "")})
        return render(request, "accounts/register.html", {"form": form})
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/register.html", {"form": form}, status=400)
    c = form.cleaned_data
    try:
        registration = actions.register_account(
            username=c["username"],
            password=c["password"],
            email=c["email"],
            first_name=c["first_name"],
            last_name=c["last_name"],
            date_of_birth=c["date_of_birth"],
            purpose=c["purpose"],
            phone=c["phone"],
            address=form.address(),
            security_questions=form.security_questions(),
            continue_if_may_exist=bool(c.get("continue_if_may_exist")),
            source_address=source_address(request),
        )
    except AccountMayAlreadyExist as warning:
        data = request.POST.copy()
        data["continue_if_may_exist"] = "True"
        again = RegistrationForm(data)
        for name in ("password", "password_again"):
            again.fields[name].widget.render_value = True
        again.is_valid()
        return render(
            request, "accounts/register.html", {"form": again, "may_exist": warning.message}
        )
    except DomainError as error:
        _show(form, error)
        return render(request, "accounts/register.html", {"form": form}, status=400)
    return render(
        request,
        "accounts/register_done.html",
        {"registered": registration.account, "held": registration.held_for_review},
        status=201,
    )


@never_cache
@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    try:
        what, account = actions.use_email_link(token=token)
    except LinkNotValid as error:
        return _link_problem(request, error)
    return render(request, "accounts/verified.html", {"what": what, "verified": account})
