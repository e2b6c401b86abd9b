"""What every account page shares: the signed-in account and showing a refusal on a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from openecf.accounts import facade
from openecf.accounts.models import Account
from openecf.core.errors import DomainError, NotSignedIn
from openecf.core.web import show_on_form

UPGRADE_SALT = "openecf.accounts.upgrade"
UPGRADE_CARRY_SECONDS = 3600
SAME_ANSWER = (
    "If the details you entered match a PACER account, we have sent an e-mail to its address. "
    "Check your inbox (and spam folder)."
)


def _account(request: HttpRequest) -> Account:
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in first.")
    return account


def _session_id(request: HttpRequest) -> int | None:
    """The Central Sign-On session making this request (kept when the password changes)."""
    session = getattr(request, "cso_session", None)
    return session.pk if session is not None else None


def _upgraded(request: HttpRequest) -> Account:
    return facade.require_upgraded(_account(request))


# The action's field names where the account forms use others.
FIELD_ALIASES = {"zip_code": "zip", "security_questions": "answer_2"}


def _show(form: forms.Form, error: DomainError) -> None:
    """Put a domain refusal on the form (the one core helper, with the account forms' names)."""
    show_on_form(form, error, aliases=FIELD_ALIASES)


def _carried_out(
    request: HttpRequest,
    form: forms.Form,
    carry_out: Callable[[dict[str, Any]], object],
    /,
    *,
    success: str,
) -> bool:
    """Carry out the valid form (``carry_out`` gets its cleaned data): True once done
    (``success`` shown next page), False when refused (the refusal is on the form)."""
    try:
        carry_out(form.cleaned_data)
    except DomainError as error:
        _show(form, error)
        return False
    messages.success(request, success)
    return True


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    template: str,
    carry_out: Callable[[dict[str, Any]], object],
    /,
    *,
    success: str,
    **context: Any,
) -> HttpResponse:
    """A Manage My Account page with one form: a valid POST that is carried out goes back to
    the settings; any other POST shows the page again with 400."""
    posted = request.method == "POST"
    if posted and form.is_valid() and _carried_out(request, form, carry_out, success=success):
        return redirect("accounts:settings")
    return _mma(request, template, {"form": form, **context}, status=400 if posted else 200)


def _tab(request: HttpRequest, tab: str, **context: Any) -> HttpResponse:
    """A tab of Manage My Account; its template is named after it."""
    return _mma(request, f"{tab}.html", {"tab": tab, **context})


def _mma(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    account = _account(request)
    context = {"me": account, "tab": context.get("tab", "settings"), **context}
    return render(request, f"accounts/{template}", context, status=status)
