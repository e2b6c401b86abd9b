"""The court side's pages: court login, Utilities, linking, filing check, agents, clerk logins."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from openecf.core import clock
from openecf.core.errors import DomainError, NotFound
from openecf.core.web import domain_errors_as_pages
from openecf.courts.models import Court
from openecf.courts.queries import get_court, is_nextgen
from openecf.ecf import access, actions, queries
from openecf.ecf.forms import (
    AddCourtLoginForm,
    AssociateAgentForm,
    ConfirmLinkForm,
    CourtLoginForm,
    ForgotPasswordForm,
    NewPasswordForm,
    UndoLinkForm,
)
from openecf.ecf.models import CourtLogin

LINK_TOKEN_SALT = "ecf.link-preview"
LINK_TOKEN_MAX_AGE = 15 * 60
COURT_COOKIE_SALT = "ecf.court-login"


def court_cookie_name(court: Court) -> str:
    return f"ECF_{court.pk}"


def address_of(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


def court_login_of(request: HttpRequest, court: Court) -> CourtLogin | None:
    """The court login signed in at this court before go-live (its own cookie), if any."""
    key = request.get_signed_cookie(court_cookie_name(court), default=None, salt=COURT_COOKIE_SALT)
    return queries.court_session_login(court, key)


def redaction_acknowledged(request: HttpRequest) -> bool | None:
    """Whether the sign-on session accepted the redaction agreement (None: not signed in)."""
    session = getattr(request, "cso_session", None)
    return None if session is None else bool(session.redaction_acknowledged)


def _context(request: HttpRequest, court: Court, **extra) -> dict:
    return {
        "court": court,
        "nextgen": is_nextgen(court),
        "go_live_text": (
            clock.format_court_time(court.nextgen_go_live, court.time_zone)
            if court.nextgen_go_live
            else ""
        ),
        "is_clerk": access.is_court_clerk(request.account, court),
        **extra,
    }


def _form_page(
    request: HttpRequest, court: Court, template: str, form: Form, **extra
) -> HttpResponse:
    """A court page with a form on it: 400 while the form shows errors."""
    return render(
        request,
        template,
        _context(request, court, form=form, **extra),
        status=400 if form.errors else 200,
    )


def _show(form: Form, error: DomainError) -> None:
    """Put a refusal on the field it names, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


# ---------------------------------------------------------------- court login page


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
                court=court,
                login=form.cleaned_data["login"],
                password=form.cleaned_data["password"],
                address=address_of(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            response = redirect(f"/{court.pk}/file/")
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
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.reset_court_password(
                court=court, token=token, new_password=form.cleaned_data["password"]
            )
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(
                request, f"The password of the CM/ECF login {record.login} has been changed."
            )
            return redirect(f"/{court.pk}/cgi-bin/login.pl")
    return _form_page(request, court, "ecf/reset.html", form)


@require_POST
def logout_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    key = request.get_signed_cookie(court_cookie_name(court), default=None, salt=COURT_COOKIE_SALT)
    if key:
        actions.sign_out_court_login(court=court, key=key)
    response = redirect(f"/{court.pk}/")
    response.delete_cookie(court_cookie_name(court), path=f"/{court.pk}/")
    return response


# ---------------------------------------------------------------- utilities and linking


@domain_errors_as_pages
def utilities(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    account = request.account
    extra: dict = {}
    if account is not None:
        extra = {
            "linked": queries.linked_login(account.pk, court),
            "privileges": queries.privileges_of(account.pk, court),
            "check": queries.can_file(
                account, court, redaction_acknowledged=redaction_acknowledged(request)
            ),
            "agents": queries.agents_of(court, account.pk),
            "principals": queries.principals_of(court, account.pk),
        }
    return render(request, "ecf/utilities.html", _context(request, court, **extra))


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def link_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    access.require_signed_in(request.account)
    refusal = None
    try:
        actions.link_refusal_before_password(account=request.account, court=court)
    except DomainError as error:
        refusal = error
    if refusal is not None:
        return render(
            request,
            "ecf/link_refused.html",
            _context(request, court, refusal=refusal),
            status=refusal.status,
        )
    if request.method == "POST" and "token" in request.POST:
        return _confirm_link(request, court)
    form = CourtLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.preview_link(
                account=request.account,
                court=court,
                login=form.cleaned_data["login"],
                password=form.cleaned_data["password"],
                address=address_of(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            login = queries.find_login(court, record.login)
            token = signing.dumps(
                {"court": court.pk, "login": login.pk, "account": request.account.pk},
                salt=LINK_TOKEN_SALT,
            )
            confirm = ConfirmLinkForm(initial={"token": token})
            return render(
                request,
                "ecf/link_confirm.html",
                _context(request, court, record=record, form=confirm),
            )
    return _form_page(request, court, "ecf/link.html", form)


def _confirm_link(request: HttpRequest, court: Court) -> HttpResponse:
    form = ConfirmLinkForm(request.POST)
    try:
        claim = signing.loads(
            request.POST["token"], salt=LINK_TOKEN_SALT, max_age=LINK_TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        messages.error(
            request, "That confirmation expired: enter the CM/ECF login and password again."
        )
        return redirect(f"/{court.pk}/utilities/link/")
    if claim.get("court") != court.pk or claim.get("account") != request.account.pk:
        messages.error(request, "That confirmation is not for you: enter the CM/ECF login again.")
        return redirect(f"/{court.pk}/utilities/link/")
    record = CourtLogin.objects.filter(pk=claim["login"], court=court).first()
    if form.is_valid():
        try:
            actions.link_verified_court_login(
                account=request.account, court=court, court_login_id=claim["login"], confirm=True
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(f"/{court.pk}/utilities/link/done/")
    return render(
        request,
        "ecf/link_confirm.html",
        _context(
            request, court, record=queries.court_record(record) if record else None, form=form
        ),
        status=400,
    )


@domain_errors_as_pages
def link_done(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    access.require_signed_in(request.account)
    linked = queries.linked_login(request.account.pk, court)
    record = queries.court_record(linked) if linked else None
    return render(
        request, "ecf/link_done.html", _context(request, court, record=record, linked=linked)
    )


# ---------------------------------------------------------------- filing


@domain_errors_as_pages
def file_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    court_login = court_login_of(request, court)
    if court_login is not None:
        return render(
            request,
            "ecf/file_menus.html",
            _context(request, court, court_login=court_login, principals=[]),
        )
    check = queries.can_file(
        request.account, court, redaction_acknowledged=redaction_acknowledged(request)
    )
    if not check.allowed:
        return render(
            request, "ecf/file_missing.html", _context(request, court, check=check), status=403
        )
    return render(
        request,
        "ecf/file_menus.html",
        _context(
            request,
            court,
            court_login=None,
            principals=queries.principals_of(court, request.account.pk),
        ),
    )


# ---------------------------------------------------------------- filing agents


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def agents_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    access.require_signed_in(request.account)
    form = AssociateAgentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            association = actions.associate_filing_agent(
                principal=request.account,
                court=court,
                agent_username=form.cleaned_data["agent"],
                receives_notices=form.cleaned_data["receives_notices"],
            )
        except DomainError as error:
            form.add_error("agent" if error.field == "agent" else None, error.message)
        else:
            messages.success(request, f"{association.agent.full_name} now files for you here.")
            return redirect(f"/{court.pk}/utilities/agents/")
    return _form_page(
        request,
        court,
        "ecf/agents.html",
        form,
        agents=queries.agents_of(court, request.account.pk),
        principals=queries.principals_of(court, request.account.pk),
    )


@domain_errors_as_pages
@require_POST
def end_agent(request: HttpRequest, court_id: str, association_id: int) -> HttpResponse:
    court = get_court(court_id)
    access.require_signed_in(request.account)
    actions.end_filing_agent(actor=request.account, court=court, association_id=association_id)
    messages.success(request, "The filing agent association has ended.")
    return redirect(f"/{court.pk}/utilities/agents/")


# ---------------------------------------------------------------- clerk: court logins


@domain_errors_as_pages
def clerk_logins(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    access.require_court_clerk(request.account, court)
    search = request.GET.get("q", "")
    status = request.GET.get("status", "")
    logins = list(queries.court_logins(court, search, status)[:200])
    return render(
        request,
        "ecf/clerk_logins.html",
        _context(request, court, logins=logins, search=search, status=status),
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_add_login(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    access.require_court_clerk(request.account, court)
    form = AddCourtLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.add_court_login(
                actor_id=request.account.pk, court=court, **form.cleaned_data
            )
        except DomainError as error:
            _show(form, error)
        else:
            messages.success(
                request,
                f"CM/ECF login {record.login} added; {record.email} was sent a link to set a password.",
            )
            return redirect(f"/{court.pk}/clerk/logins/{record.pk}/")
    return _form_page(request, court, "ecf/clerk_add_login.html", form)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_login_detail(request: HttpRequest, court_id: str, login_id: int) -> HttpResponse:
    court = get_court(court_id)
    access.require_court_clerk(request.account, court)
    record = (
        CourtLogin.objects.filter(pk=login_id, court=court).select_related("linked_account").first()
    )
    if record is None:
        raise NotFound("There is no such CM/ECF login at this court.")
    undo_form = UndoLinkForm(request.POST if request.POST.get("action") == "unlink" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        actor = request.account.pk
        try:
            if action in ("disable", "enable"):
                actions.set_court_login_disabled(
                    actor_id=actor,
                    court=court,
                    court_login_id=record.pk,
                    disabled=action == "disable",
                )
                messages.success(request, f"{record.login} {action}d.")
                return redirect(request.path)
            if action == "reset":
                actions.clerk_reset_court_password(
                    actor_id=actor, court=court, court_login_id=record.pk
                )
                messages.success(request, f"Password reset: a link was e-mailed to {record.email}.")
                return redirect(request.path)
            if action == "unlink" and undo_form.is_valid():
                actions.undo_link(
                    actor_id=actor,
                    court=court,
                    court_login_id=record.pk,
                    reason=undo_form.cleaned_data["reason"],
                )
                messages.success(
                    request, f"The link of {record.login} was undone; both people were e-mailed."
                )
                return redirect(request.path)
        except DomainError as error:
            if action == "unlink":
                undo_form.add_error(None, error.message)
            else:
                messages.error(request, error.message)
                return redirect(request.path)
    return render(
        request,
        "ecf/clerk_login_detail.html",
        _context(
            request,
            court,
            record=record,
            undo_form=undo_form,
            privileges=record.privileges.order_by("-granted_at"),
        ),
        status=400 if undo_form.errors else 200,
    )
