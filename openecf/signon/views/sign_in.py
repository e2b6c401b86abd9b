"""Sign in: password, second factor, redaction agreement, MFA prompt; sign out."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.destinations import with_next
from openecf.core.errors import DomainError
from openecf.signon import actions, rules
from openecf.signon.forms import (
    CodeForm,
    LoginForm,
    RedactionForm,
)
from openecf.signon.sessions import end_session
from openecf.signon.views.pages import (
    PENDING_COOKIE,
    _clear_pending_cookie,
    _set_pending_cookie,
    set_session_cookie,
    source_address,
    user_agent,
)


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
        next_url=rules.safe_next(form.cleaned_data["next"], "") or reverse("web:start"),
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
        target = with_next("/account/mfa/", pending.next_url or reverse("web:start"))
    else:
        target = pending.next_url or reverse("web:start")
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
    status = 400 if request.method == "POST" else 200
    if step == rules.Step.MFA_CODE:
        form = CodeForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                actions.pass_pending_mfa(pending=pending, code=form.cleaned_data["code"], now=now)
            except DomainError as error:
                form.add_error("code" if error.status != 429 else None, error.message)
                status = error.status
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
