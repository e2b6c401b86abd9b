"""Manage My Account: authenticator apps and backup codes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from openecf.core import clock
from openecf.core.destinations import safe_next
from openecf.core.errors import DomainError, NotFound
from openecf.core.web import domain_errors_as_pages
from openecf.signon import actions, queries, rules
from openecf.signon.forms import (
    ActivateAppForm,
    EmailCodeForm,
    RenameAppForm,
)
from openecf.signon.views.sessions import _account

# Where to go once a new authenticator app works (``/account/mfa/?next=...``), kept while the
# person goes through the add-app steps.
AFTER_MFA_COOKIE = "openecf_after_mfa"
AFTER_MFA_SECONDS = 30 * 60


def _qr_svg(uri: str) -> str:
    import segno

    return segno.make(uri, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app"
    )


@domain_errors_as_pages
@never_cache
def mfa_page(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    now = clock.now()
    next_path = safe_next(request.GET.get("next"), "")
    response = render(
        request,
        "signon/mfa.html",
        {
            "apps": queries.apps(account.pk),
            "max_apps": rules.MAX_AUTHENTICATOR_APPS,
            "backup_left": queries.backup_codes_left(account.pk),
            "enrolment": queries.enrolment(account.pk, now),
            "required": request.cso_session.must_enrol_mfa,  # type: ignore[attr-defined]
            "prompt": queries.mfa_prompt_for(account, now),
            "rename_form": RenameAppForm(),
            "next": next_path or safe_next(request.COOKIES.get(AFTER_MFA_COOKIE), ""),
        },
    )
    if next_path:  # carried through the add-app steps, followed once the app works
        response.set_cookie(
            AFTER_MFA_COOKIE,
            next_path,
            max_age=AFTER_MFA_SECONDS,
            path="/account/mfa/",
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@domain_errors_as_pages
@never_cache
@require_http_methods(["GET", "POST"])
def mfa_add(request: HttpRequest) -> HttpResponse:
    """Step 1 (POST): e-mail a code. GET shows whichever step the enrolment is at."""
    account = _account(request)
    now = clock.now()
    if request.method == "POST":
        actions.start_app_enrolment(account=account, now=now)
        messages.success(request, f"We e-mailed a security code to {account.email}.")
        return redirect("signon_account:mfa_add")
    return _enrolment_page(request, account, EmailCodeForm(), ActivateAppForm())


def _enrolment_page(request, account, email_form, activate_form, status: int = 200):
    enrolment = queries.enrolment(account.pk, clock.now())
    context = {"enrolment": enrolment, "email_form": email_form, "activate_form": activate_form}
    if enrolment and enrolment.secret:
        uri = rules.otpauth_uri(secret=enrolment.secret, username=account.username)
        context.update({"secret": enrolment.secret, "otpauth_uri": uri, "qr_svg": _qr_svg(uri)})
    return render(request, "signon/mfa_add.html", context, status=status)


@domain_errors_as_pages
@require_POST
def mfa_add_email(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    form = EmailCodeForm(request.POST)
    if form.is_valid():
        try:
            actions.confirm_enrolment_email(
                account=account, code=form.cleaned_data["code"], now=clock.now()
            )
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            return redirect("signon_account:mfa_add")
    return _enrolment_page(request, account, form, ActivateAppForm(), status=400)


@domain_errors_as_pages
@require_POST
def mfa_add_activate(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    form = ActivateAppForm(request.POST)
    if form.is_valid():
        try:
            app = actions.activate_app(account=account, now=clock.now(), **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in ("name", "code") else None, error.message)
        else:
            messages.success(request, f"Added “{app.name}”. Its codes now work at sign-in.")
            next_path = safe_next(request.COOKIES.get(AFTER_MFA_COOKIE), "")
            response = redirect(next_path or "signon_account:mfa")
            response.delete_cookie(AFTER_MFA_COOKIE, path="/account/mfa/", samesite="Lax")
            return response
    return _enrolment_page(request, account, EmailCodeForm(), form, status=400)


@domain_errors_as_pages
@require_POST
def mfa_rename_app(request: HttpRequest, app_id: int) -> HttpResponse:
    account = _account(request)
    form = RenameAppForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the app a name of 40 characters or fewer.")
        return redirect("signon_account:mfa")
    try:
        actions.rename_app(account=account, app_id=app_id, name=form.cleaned_data["name"])
    except NotFound:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Renamed.")
    return redirect("signon_account:mfa")


@domain_errors_as_pages
@require_POST
def mfa_remove_app(request: HttpRequest, app_id: int) -> HttpResponse:
    account = _account(request)
    actions.remove_app(account=account, app_id=app_id)
    messages.success(request, "Removed the authenticator app.")
    return redirect("signon_account:mfa")


@domain_errors_as_pages
@never_cache
@require_POST
def mfa_backup_codes(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    try:
        codes = actions.regenerate_backup_codes(account=account, now=clock.now())
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("signon_account:mfa")
    made = clock.in_zone(clock.now(), settings.TIME_ZONE)
    text = "\r\n".join(
        [
            f"PACER backup codes for {account.username} (account {account.account_number})",
            f"Made {made:%B} {made.day}, {made.year}. Each code works once; newer codes replace "
            "these.",
            "",
            *(f"{number}. {code}" for number, code in enumerate(codes, start=1)),
            "",
        ]
    )
    return render(request, "signon/backup_codes.html", {"codes": codes, "codes_text": text})
