"""Manage My Account: settings, password, username, contact, maintenance (billing owns
payments and usage)."""

from __future__ import annotations

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
from openecf.accounts.views.pages import _account, _carried_out, _mma, _session_id, _upgraded
from openecf.core.web import domain_errors_as_pages


@never_cache
@domain_errors_as_pages
def settings_page(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    return _mma(
        request,
        "settings.html",
        {"tab": "settings", "is_filer": facade.is_filer(account)},
    )


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    expired = request.GET.get("expired") == "1"
    if account.is_legacy:
        return _mma(request, "password_legacy.html", {"expired": expired})
    form = PasswordChangeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _carried_out(
            request,
            form,
            actions.change_password,
            success="Your password was changed.",
            account=account,
            current_password=form.cleaned_data["current_password"],
            new_password=form.cleaned_data["new_password"],
            current_session_id=_session_id(request),
        )
    ):
        return redirect("accounts:settings")
    status = 400 if request.method == "POST" else 200
    return _mma(request, "password.html", {"form": form, "expired": expired}, status=status)


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def username(request: HttpRequest) -> HttpResponse:
    account = _upgraded(request)
    form = UsernameChangeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _carried_out(
            request,
            form,
            actions.change_username,
            success="Your username was changed.",
            account=account,
            **form.cleaned_data,
        )
    ):
        return redirect("accounts:settings")
    status = 400 if request.method == "POST" else 200
    return _mma(request, "username.html", {"form": form}, status=status)


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
    account = _upgraded(request)
    contact_form = ContactForm(initial=_contact_initial(account), prefix="contact")
    email_form = EmailChangeForm(prefix="email")
    status = 200
    if request.method == "POST" and request.POST.get("which") == "email":
        email_form = EmailChangeForm(request.POST, prefix="email")
        if email_form.is_valid() and _carried_out(
            request,
            email_form,
            actions.request_email_change,
            success="We sent a link to the new address. Your e-mail address changes when you "
            "open it.",
            account=account,
            new_email=email_form.cleaned_data["email"],
            password=email_form.cleaned_data["password"],
        ):
            return redirect("accounts:contact")
        status = 400
    elif request.method == "POST":
        contact_form = ContactForm(request.POST, prefix="contact")
        if contact_form.is_valid() and _carried_out(
            request,
            contact_form,
            actions.update_contact,
            success="Your contact information was updated.",
            account=account,
            phone=contact_form.cleaned_data["phone"],
            address=contact_form.address(),
        ):
            return redirect("accounts:contact")
        status = 400
    return _mma(
        request,
        "contact.html",
        {"contact_form": contact_form, "email_form": email_form},
        status=status,
    )


@never_cache
@domain_errors_as_pages
@require_GET
def maintenance(request: HttpRequest) -> HttpResponse:
    account = _upgraded(request)
    return _mma(
        request,
        "maintenance.html",
        {"tab": "maintenance", "filing_refusal": facade.can_file_or_link(account)},
    )


@never_cache
@domain_errors_as_pages
@require_GET
def security(request: HttpRequest) -> HttpResponse:
    account = _upgraded(request)
    return _mma(
        request,
        "security.html",
        {"tab": "security", "activity": queries.security_activity(account.pk)},
    )
