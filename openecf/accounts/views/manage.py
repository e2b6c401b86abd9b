"""Manage My Account: settings, password, username, contact, maintenance (billing owns
payments and usage)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from openecf.accounts import actions, facade, queries
from openecf.accounts.forms import (
    ContactForm,
    EmailChangeForm,
    PasswordChangeForm,
    UsernameChangeForm,
)
from openecf.accounts.models import Account
from openecf.accounts.views.pages import (
    _account,
    _carried_out,
    _form_page,
    _mma,
    _session_id,
    _tab,
    _upgraded,
)
from openecf.core.web import domain_errors_as_pages


@never_cache
@domain_errors_as_pages
def settings_page(request: HttpRequest) -> HttpResponse:
    return _tab(request, "settings", is_filer=facade.is_filer(_account(request)))


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    expired = request.GET.get("expired") == "1"
    if account.is_legacy:
        return _mma(request, "password_legacy.html", {"expired": expired})
    return _form_page(
        request,
        PasswordChangeForm(request.POST or None),
        "password.html",
        lambda data: actions.change_password(
            account=account,
            current_password=data["current_password"],
            new_password=data["new_password"],
            current_session_id=_session_id(request),
        ),
        success="Your password was changed.",
        expired=expired,
    )


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def username(request: HttpRequest) -> HttpResponse:
    account = _upgraded(request)
    return _form_page(
        request,
        UsernameChangeForm(request.POST or None),
        "username.html",
        lambda data: actions.change_username(account=account, **data),
        success="Your username was changed.",
    )


def _contact_initial(account: Account) -> dict:
    return {
        "phone": account.phone,
        "street": account.street,
        "city": account.city,
        "state": account.state,
        "zip": account.zip_code,
        "county": account.county,
    }


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """Two forms on one page: the e-mail address (``which=email``) and the rest."""
    account = _upgraded(request)
    posted = request.POST if request.method == "POST" else None
    email_form = EmailChangeForm(prefix="email")
    contact_form = ContactForm(initial=_contact_initial(account), prefix="contact")
    form: forms.Form
    if posted is not None and posted.get("which") == "email":
        form = email_form = EmailChangeForm(posted, prefix="email")
        success = "We sent a link to the new address. Your e-mail address changes when you open it."

        def carry_out(data: dict[str, Any]) -> object:
            return actions.request_email_change(
                account=account, new_email=data["email"], password=data["password"]
            )
    else:
        form = contact_form = ContactForm(
            posted, initial=_contact_initial(account), prefix="contact"
        )
        success = "Your contact information was updated."

        def carry_out(data: dict[str, Any]) -> object:
            return actions.update_contact(
                account=account, phone=data["phone"], address=contact_form.address()
            )

    if (
        posted is not None
        and form.is_valid()
        and _carried_out(request, form, carry_out, success=success)
    ):
        return redirect("accounts:contact")
    return _mma(
        request,
        "contact.html",
        {"contact_form": contact_form, "email_form": email_form},
        status=200 if posted is None else 400,
    )


@never_cache
@domain_errors_as_pages
@require_GET
def maintenance(request: HttpRequest) -> HttpResponse:
    return _tab(request, "maintenance", filing_refusal=facade.can_file_or_link(_upgraded(request)))


@never_cache
@domain_errors_as_pages
@require_GET
def security(request: HttpRequest) -> HttpResponse:
    return _tab(request, "security", activity=queries.security_activity(_upgraded(request).pk))
