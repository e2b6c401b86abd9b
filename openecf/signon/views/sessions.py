"""Manage My Account: the account's signed-in sessions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from openecf.accounts import facade as accounts
from openecf.core import clock
from openecf.core.errors import NotFound, NotSignedIn
from openecf.core.web import domain_errors_as_pages
from openecf.signon import queries
from openecf.signon.models import CentralSession
from openecf.signon.sessions import end_all_sessions, end_session


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
