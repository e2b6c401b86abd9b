"""Forgot username, forgot password, password reset and reactivation."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from openecf.accounts import actions
from openecf.accounts.errors import (
    LinkNotValid,
)
from openecf.accounts.forms import (
    ForgotPasswordForm,
    ForgotUsernameForm,
    ReactivateForm,
    ResetPasswordForm,
)
from openecf.accounts.views.pages import SAME_ANSWER, _show
from openecf.accounts.views.registration import _link_problem
from openecf.core.errors import DomainError, Throttled
from openecf.core.web import source_address


def _throttled(request: HttpRequest, template: str, form: forms.Form, error: Throttled):
    form.add_error(None, error.message)
    return render(request, template, {"form": form}, status=429)


def _ask_by_email(
    form_class: type[forms.Form],
    template: str,
    send: Callable[..., None],
    *,
    sent: str = SAME_ANSWER,
) -> Callable[[HttpRequest], HttpResponse]:
    """A page that e-mails the account something: ``send`` gets the form's fields and the
    source address, and the answer is the same whether or not an account matched."""

    @never_cache
    @require_http_methods(["GET", "POST"])
    def page(request: HttpRequest) -> HttpResponse:
        form = form_class(request.POST or None)
        if request.method == "POST":
            if not form.is_valid():
                return render(request, template, {"form": form}, status=400)
            try:
                send(**form.cleaned_data, source_address=source_address(request))
            except Throttled as error:
                return _throttled(request, template, form, error)
            return render(request, "accounts/sent.html", {"text": sent})
        return render(request, template, {"form": form})

    return page


forgot_username = _ask_by_email(
    ForgotUsernameForm, "accounts/forgot_username.html", actions.send_username_reminder
)
forgot_password = _ask_by_email(
    ForgotPasswordForm, "accounts/forgot_password.html", actions.send_password_reset
)
reactivate = _ask_by_email(
    ReactivateForm,
    "accounts/reactivate.html",
    actions.send_reactivation_link,
    sent="If the details you entered match an inactive PACER account, we have sent a "
    "reactivation link to its e-mail address.",
)


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest, token: str) -> HttpResponse:
    try:
        account = actions.reset_link_account(token=token)
    except LinkNotValid as error:
        return _link_problem(request, error)
    form = ResetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.reset_password(token=token, new_password=form.cleaned_data["new_password"])
        except LinkNotValid as error:
            return _link_problem(request, error)
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, "Your password was reset. Sign in with the new password.")
            return redirect("signon:login")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/reset.html",
        {"form": form, "for_username": account.username},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reactivate_link(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        return render(request, "accounts/reactivate_confirm.html", {})
    try:
        account = actions.reactivate_account(token=token)
    except LinkNotValid as error:
        return _link_problem(request, error)
    messages.success(request, f"Account {account.username} is active again. Sign in to continue.")
    return redirect("signon:login")
