"""Central Sign-On pages: /login/ with its pending steps, /logout/, and the MMA pages for
sessions (/account/sessions/) and multi-factor authentication (/account/mfa/)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.errors import DomainError, NotFound, NotSignedIn
from openecf.core.web import domain_errors_as_pages
from openecf.signon import actions, queries, rules
from openecf.signon.forms import (
    ActivateAppForm,
    CodeForm,
    EmailCodeForm,
    LoginForm,
    RedactionForm,
    RenameAppForm,
)
from openecf.signon.models import CentralSession
from openecf.signon.sessions import absolute_timeout, end_all_sessions, end_session

PENDING_COOKIE = "NextGenCSOPending"


def source_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:300]


def set_session_cookie(response: HttpResponse, token: str) -> None:
    """HttpOnly, SameSite=Lax, Secure in production, host-only (no Domain), absolute lifetime."""
    response.set_cookie(
        settings.CSO_COOKIE_NAME,
        token,
        max_age=int(absolute_timeout().total_seconds()),
        path="/",
        secure=settings.CSO_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _set_pending_cookie(response: HttpResponse, raw_id: str) -> None:
    response.set_cookie(
        PENDING_COOKIE,
        raw_id,
        max_age=int(actions.PENDING_LIFETIME.total_seconds()),
        path="/login/",
        secure=settings.CSO_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _clear_pending_cookie(response: HttpResponse) -> None:
    response.delete_cookie(PENDING_COOKIE, path="/login/", samesite="Lax")


# --- Sign in -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = LoginForm(initial={"next": rules.safe_next(request.GET.get("next"), "")})
        return render(request, "signon/login.html", {"form": form})
    form = LoginForm(request.POST)
    if not form.is_valid():
        return render(request, "signon/login.html", {"form": form}, status=400)
    now = clock.now()
    try:
        account = actions.check_password(
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            source_address=source_address(request),
            now=now,
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return render(request, "signon/login.html", {"form": form}, status=error.status)
    pending = actions.begin_pending(
        account=account,
        client_code=form.cleaned_data["client_code"].strip(),
        next_url=form.cleaned_data["next"] or "/",
        source_address=source_address(request),
        user_agent=user_agent(request),
        now=now,
    )
    response = _advance(request, pending.pending, prompt_answered=False, skipped=False)
    if pending.pending.pk and actions.pending_for(pending.raw_id, now):
        _set_pending_cookie(response, pending.raw_id)
    return response


def _advance(
    request: HttpRequest, pending, *, prompt_answered: bool, skipped: bool
) -> HttpResponse:
    """Go to the next step, or, when none is left, start the session and leave."""
    now = clock.now()
    step = actions.next_step(pending=pending, prompt_answered=prompt_answered, now=now)
    if step != rules.Step.DONE:
        return redirect("signon:continue")
    started = actions.finish_pending(
        pending=pending,
        skipped_mfa=skipped,
        chose_enrolment=prompt_answered and not skipped,
        now=now,
    )
    previous = getattr(request, "cso_session", None)
    if previous is not None:  # this browser was signed in (perhaps as someone else): end that
        end_session(session=previous, actor_id=previous.account_id, reason="replaced")
    account = pending.account
    if accounts.password_expired(account, now):
        target = "/account/password/?expired=1"
    elif started.session.must_enrol_mfa or (prompt_answered and not skipped):
        target = "/account/mfa/"
    else:
        target = pending.next_url or "/"
    response = redirect(target)
    set_session_cookie(response, started.token)
    _clear_pending_cookie(response)
    return response


REDACTION_NOTICE_TITLE = "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY"
REDACTION_NOTICE = (
    "All filers must redact: Social Security or taxpayer-identification numbers; dates of "
    "birth; names of minor children; financial account numbers; and, in criminal cases, home "
    "addresses, in compliance with Fed. R. App. P. 25(a)(5), Fed. R. Civ. P. 5.2, Fed. R. Crim. "
    "P. 49.1, or Fed. R. Bankr. P. 9037. This requirement applies to all documents, including "
    "attachments."
)


@never_cache
@require_http_methods(["GET", "POST"])
def login_continue(request: HttpRequest) -> HttpResponse:
    now = clock.now()
    pending = actions.pending_for(request.COOKIES.get(PENDING_COOKIE), now)
    if pending is None:
        messages.error(request, "Your sign-in took too long or was not started. Sign in again.")
        response = redirect("signon:login")
        _clear_pending_cookie(response)
        return response
    step = actions.next_step(pending=pending, prompt_answered=False, now=now)
    if step == rules.Step.DONE:
        return _advance(request, pending, prompt_answered=False, skipped=False)
    form = None
    if step == rules.Step.MFA_CODE:
        form = CodeForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                actions.pass_pending_mfa(pending=pending, code=form.cleaned_data["code"], now=now)
            except DomainError as error:
                form.add_error("code" if error.status != 429 else None, error.message)
            else:
                return _advance(request, pending, prompt_answered=False, skipped=False)
    elif step == rules.Step.REDACTION:
        form = RedactionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            actions.acknowledge_pending_redaction(pending=pending)
            return _advance(request, pending, prompt_answered=False, skipped=False)
    elif step == rules.Step.MFA_PROMPT and request.method == "POST":
        choice = request.POST.get("choice")
        if choice in ("enrol", "skip"):
            return _advance(request, pending, prompt_answered=True, skipped=choice == "skip")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        f"signon/step_{step}.html",
        {
            "form": form,
            "pending_account": pending.account,
            "skips_left": rules.skips_left(pending.account.mfa_skips_used),
            "notice_title": REDACTION_NOTICE_TITLE,
            "notice": REDACTION_NOTICE,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def logout(request: HttpRequest) -> HttpResponse:
    """POST ends the session everywhere (PACER, every court, the API); GET asks to confirm."""
    session = getattr(request, "cso_session", None)
    if request.method == "GET":
        return render(request, "signon/logout.html", {})
    if session is not None:
        end_session(session=session, actor_id=session.account_id, reason="logout")
    response = redirect("/")
    response.delete_cookie(settings.CSO_COOKIE_NAME, path="/", samesite="Lax")
    messages.success(request, "You have signed out of PACER and every court.")
    return response


# --- Manage My Account: sessions ----------------------------------------------------------------


def _account(request: HttpRequest):
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in first.")
    return accounts.require_upgraded(account)


@domain_errors_as_pages
@never_cache
def sessions_page(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    rows = queries.live_sessions(account_id=account.pk, now=clock.now())
    return render(
        request,
        "signon/sessions.html",
        {"sessions": rows, "current_id": request.cso_session.pk},  # type: ignore[attr-defined]
    )


@domain_errors_as_pages
@require_POST
def end_one_session(request: HttpRequest, session_id: int) -> HttpResponse:
    account = _account(request)
    session = CentralSession.objects.filter(
        pk=session_id, account_id=account.pk, ended_at__isnull=True
    ).first()
    if session is None:
        raise NotFound("There is no such active session on your account.")
    end_session(session=session, actor_id=account.pk, reason="ended_from_account")
    if session.pk == request.cso_session.pk:  # type: ignore[attr-defined]
        response = redirect("/")
        response.delete_cookie(settings.CSO_COOKIE_NAME, path="/", samesite="Lax")
        return response
    messages.success(request, "That session has ended.")
    return redirect("signon_account:sessions")


@domain_errors_as_pages
@require_POST
def end_other_sessions(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    ended = end_all_sessions(
        account_id=account.pk,
        actor_id=account.pk,
        reason="ended_from_account",
        keep=request.cso_session.pk,  # type: ignore[attr-defined]
    )
    messages.success(request, f"Ended {ended} other session{'s' if ended != 1 else ''}.")
    return redirect("signon_account:sessions")


# --- Manage My Account: MFA ---------------------------------------------------------------------


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
    return render(
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
        },
    )


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
            app = actions.activate_app(
                account=account,
                name=form.cleaned_data["name"],
                code=form.cleaned_data["code"],
                now=clock.now(),
            )
        except DomainError as error:
            form.add_error(error.field if error.field in ("name", "code") else None, error.message)
        else:
            messages.success(request, f"Added “{app.name}”. Its codes now work at sign-in.")
            return redirect("signon_account:mfa")
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
    return render(request, "signon/backup_codes.html", {"codes": codes})
