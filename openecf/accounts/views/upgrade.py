"""The legacy upgrade wizard: Person, Address, Security, complete."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from openecf.accounts import actions
from openecf.accounts.actions import Address
from openecf.accounts.forms import (
    UpgradeAddressForm,
    UpgradePersonForm,
    UpgradeSecurityForm,
)
from openecf.accounts.models import Account
from openecf.accounts.views.manage import _contact_initial
from openecf.accounts.views.pages import (
    UPGRADE_CARRY_SECONDS,
    UPGRADE_SALT,
    _account,
    _mma,
    _session_id,
    _show,
)
from openecf.core.destinations import safe_next, with_next
from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages


def _carried(request: HttpRequest) -> dict:
    try:
        return signing.loads(
            request.POST.get("carried", ""), salt=UPGRADE_SALT, max_age=UPGRADE_CARRY_SECONDS
        )
    except signing.BadSignature:
        return {}


def _carry(account: Account, values: dict) -> str:
    return signing.dumps({**values, "account": account.pk}, salt=UPGRADE_SALT)


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def upgrade(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    if account.is_upgraded:
        messages.info(request, "Your account is already an Upgraded PACER Account.")
        return redirect("accounts:settings")
    step = request.POST.get("step", "person") if request.method == "POST" else "person"
    if step not in ("person", "address", "security"):
        step = "person"
    carried = _carried(request) if request.method == "POST" else {}
    if carried.get("account") not in (None, account.pk):
        carried = {}
    posted = request.method == "POST"
    if step in ("address", "security") and not carried.get("date_of_birth"):
        step, carried, posted = "person", {}, False  # start over: the carry is gone or forged
    next_path = safe_next(request.POST.get("next") or request.GET.get("next"), "")
    context: dict = {"tab": "settings", "next": next_path}
    if step == "person":
        initial = {"date_of_birth": account.date_of_birth, "user_type": "individual"}
        form = UpgradePersonForm(request.POST if posted else None, initial=initial)
        if posted and form.is_valid():
            try:
                actions.check_upgrade_person(
                    account=account,
                    date_of_birth=form.cleaned_data["date_of_birth"],
                    user_type=form.cleaned_data["user_type"],
                )
            except DomainError as error:
                _show(form, error)
            else:
                values = {
                    "date_of_birth": form.cleaned_data["date_of_birth"].isoformat(),
                    "user_type": form.cleaned_data["user_type"],
                }
                address_form = UpgradeAddressForm(initial=_contact_initial(account))
                return _upgrade_step(
                    request, "address", address_form, _carry(account, values), next=next_path
                )
        status = 400 if posted else 200
        return _upgrade_step(request, "person", form, "", status=status, **context)
    if step == "address":
        address_form = UpgradeAddressForm(request.POST)
        if address_form.is_valid():
            try:
                actions.check_address(address=address_form.address())
            except DomainError as error:
                _show(address_form, error)
            else:
                address = address_form.cleaned_data
                values = {**carried, **{k: address[k] for k in UpgradeAddressForm.base_fields}}
                return _upgrade_step(
                    request,
                    "security",
                    UpgradeSecurityForm(),
                    _carry(account, values),
                    next=next_path,
                )
        return _upgrade_step(
            request, "address", address_form, request.POST["carried"], status=400, next=next_path
        )
    security_form = UpgradeSecurityForm(request.POST)
    if security_form.is_valid():
        try:
            actions.upgrade_legacy_account(
                account=account,
                date_of_birth=date.fromisoformat(carried["date_of_birth"]),
                user_type=carried["user_type"],
                address=Address(
                    street=carried["street"],
                    city=carried["city"],
                    state=carried["state"],
                    zip_code=carried["zip"],
                    county=carried["county"],
                ),
                username=security_form.cleaned_data["username"],
                password=security_form.cleaned_data["password"],
                security_questions=security_form.security_questions(),
                current_session_id=_session_id(request),
            )
        except DomainError as error:
            _show(security_form, error)
        else:
            return redirect(with_next(reverse("accounts:upgrade_complete"), next_path))
    return _upgrade_step(
        request, "security", security_form, request.POST["carried"], status=400, next=next_path
    )


def _upgrade_step(
    request: HttpRequest, step: str, form: forms.Form, carried: str, *, status: int = 200, **extra
) -> HttpResponse:
    steps = [("person", "Person"), ("address", "Address"), ("security", "Security")]
    return _mma(
        request,
        "upgrade.html",
        {"step": step, "steps": steps, "form": form, "carried": carried, **extra},
        status=status,
    )


@never_cache
@domain_errors_as_pages
@require_GET
def upgrade_complete(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    if account.is_legacy:
        return redirect("accounts:upgrade")
    return _mma(
        request,
        "upgrade_complete.html",
        {"next": safe_next(request.GET.get("next"), "")},
    )
