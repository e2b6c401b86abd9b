"""PACER account pages: registration, Manage My Account, upgrade, forgot username/password."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from openecf.accounts import actions, facade, queries
from openecf.accounts.actions import Address
from openecf.accounts.errors import (
    AccountInputInvalid,
    AccountMayAlreadyExist,
    LinkNotValid,
)
from openecf.accounts.forms import (
    ContactForm,
    EmailChangeForm,
    ForgotPasswordForm,
    ForgotUsernameForm,
    PasswordChangeForm,
    ReactivateForm,
    RegistrationForm,
    ResetPasswordForm,
    UpgradeAddressForm,
    UpgradePersonForm,
    UpgradeSecurityForm,
    UsernameChangeForm,
)
from openecf.accounts.links import base_url, source_address
from openecf.accounts.models import Account
from openecf.core.errors import DomainError, NotSignedIn, Throttled
from openecf.core.web import domain_errors_as_pages

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


def _show(form: forms.Form, error: DomainError) -> None:
    """Put a domain refusal on the form: each problem on its field, the rest on top."""
    problems = error.problems if isinstance(error, AccountInputInvalid) else {}
    if not problems:
        problems = {error.field or "": [error.message]}
    aliases = {"zip_code": "zip", "security_questions": "answer_2"}
    for field, sentences in problems.items():
        name = aliases.get(field, field)
        for sentence in sentences:
            form.add_error(name if name in form.fields else None, sentence)


def _mma(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    account = _account(request)
    context = {"me": account, "tab": context.get("tab", "settings"), **context}
    return render(request, f"accounts/{template}", context, status=status)


# --- registration and e-mail links ----------------------------------------------------------


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
            base_url=base_url(request),
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


# --- Manage My Account ----------------------------------------------------------------------


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
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_password(
                account=account,
                current_password=form.cleaned_data["current_password"],
                new_password=form.cleaned_data["new_password"],
                current_session_id=_session_id(request),
            )
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, "Your password was changed.")
            return redirect("/account/")
    status = 400 if request.method == "POST" else 200
    return _mma(request, "password.html", {"form": form, "expired": expired}, status=status)


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def username(request: HttpRequest) -> HttpResponse:
    account = _upgraded(request)
    form = UsernameChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_username(
                account=account,
                password=form.cleaned_data["password"],
                new_username=form.cleaned_data["new_username"],
            )
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(request, "Your username was changed.")
            return redirect("/account/")
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
        if email_form.is_valid():
            try:
                actions.request_email_change(
                    account=account,
                    new_email=email_form.cleaned_data["email"],
                    password=email_form.cleaned_data["password"],
                    base_url=base_url(request),
                )
            except DomainError as error:
                _show(email_form, error)
            else:
                messages.success(
                    request,
                    "We sent a link to the new address. Your e-mail address changes when you "
                    "open it.",
                )
                return redirect("/account/contact/")
        status = 400
    elif request.method == "POST":
        contact_form = ContactForm(request.POST, prefix="contact")
        if contact_form.is_valid():
            try:
                actions.update_contact(
                    account=account,
                    phone=contact_form.cleaned_data["phone"],
                    address=contact_form.address(),
                )
            except DomainError as error:
                _show(contact_form, error)
            else:
                messages.success(request, "Your contact information was updated.")
                return redirect("/account/contact/")
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
def payments(request: HttpRequest) -> HttpResponse:
    _account(request)
    return _mma(request, "payments.html", {"tab": "payments"})


@never_cache
@domain_errors_as_pages
@require_GET
def usage(request: HttpRequest) -> HttpResponse:
    _upgraded(request)
    return _mma(request, "usage.html", {"tab": "usage"})


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


# --- legacy upgrade: Person, Address, Security, complete ------------------------------------


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
        return redirect("/account/")
    step = request.POST.get("step", "person") if request.method == "POST" else "person"
    if step not in ("person", "address", "security"):
        step = "person"
    carried = _carried(request) if request.method == "POST" else {}
    if carried.get("account") not in (None, account.pk):
        carried = {}
    posted = request.method == "POST"
    if step in ("address", "security") and not carried.get("date_of_birth"):
        step, carried, posted = "person", {}, False  # start over: the carry is gone or forged
    context: dict = {"tab": "settings"}
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
                return _upgrade_step(request, "address", address_form, _carry(account, values))
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
                    request, "security", UpgradeSecurityForm(), _carry(account, values)
                )
        return _upgrade_step(request, "address", address_form, request.POST["carried"], status=400)
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
            return redirect("/account/upgrade/complete/")
    return _upgrade_step(request, "security", security_form, request.POST["carried"], status=400)


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
        return redirect("/account/upgrade/")
    return _mma(request, "upgrade_complete.html", {})


# --- forgot username / password, reset, reactivation ----------------------------------------


def _throttled(request: HttpRequest, template: str, form: forms.Form, error: Throttled):
    form.add_error(None, error.message)
    return render(request, template, {"form": form}, status=429)


def _ask_by_email(
    request: HttpRequest,
    form: forms.Form,
    template: str,
    send: Callable[[dict], None],
    *,
    sent: str = SAME_ANSWER,
) -> HttpResponse:
    """A page that e-mails the account something: the same answer whether or not one matched."""
    if request.method == "POST":
        if not form.is_valid():
            return render(request, template, {"form": form}, status=400)
        try:
            send(form.cleaned_data)
        except Throttled as error:
            return _throttled(request, template, form, error)
        return render(request, "accounts/sent.html", {"text": sent})
    return render(request, template, {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def forgot_username(request: HttpRequest) -> HttpResponse:
    return _ask_by_email(
        request,
        ForgotUsernameForm(request.POST or None),
        "accounts/forgot_username.html",
        lambda data: actions.send_username_reminder(
            email=data["email"],
            account_number=data["account_number"],
            date_of_birth=data["date_of_birth"],
            source_address=source_address(request),
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def forgot_password(request: HttpRequest) -> HttpResponse:
    return _ask_by_email(
        request,
        ForgotPasswordForm(request.POST or None),
        "accounts/forgot_password.html",
        lambda data: actions.send_password_reset(
            email=data["email"],
            username=data["username"],
            account_number=data["account_number"],
            date_of_birth=data["date_of_birth"],
            base_url=base_url(request),
            source_address=source_address(request),
        ),
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
            return redirect("/login/")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/reset.html",
        {"form": form, "for_username": account.username},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reactivate(request: HttpRequest) -> HttpResponse:
    return _ask_by_email(
        request,
        ReactivateForm(request.POST or None),
        "accounts/reactivate.html",
        lambda data: actions.send_reactivation_link(
            email=data["email"],
            username=data["username"],
            account_number=data["account_number"],
            base_url=base_url(request),
            source_address=source_address(request),
        ),
        sent="If the details you entered match an inactive PACER account, we have sent a "
        "reactivation link to its e-mail address.",
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
    return redirect("/login/")
