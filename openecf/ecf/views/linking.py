"""Utilities and linking a CM/ECF login to a PACER account."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import require_signed_in, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.ecf import access, actions, queries
from openecf.ecf.forms import (
    ConfirmLinkForm,
    CourtLoginForm,
)
from openecf.ecf.models import CourtLogin
from openecf.ecf.views.pages import (
    LINK_TOKEN_MAX_AGE,
    LINK_TOKEN_SALT,
    _context,
    _form_page,
    address_of,
)


@domain_errors_as_pages
def utilities(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    account = request.account
    extra: dict = {}
    if account is not None:
        extra = {
            "linked": queries.linked_login(account_id=account.pk, court_id=court.pk),
            "privileges": queries.privileges_of(account_id=account.pk, court_id=court.pk),
            "check": access.filing_check_of(request, court),
            "agents": queries.agents_of(court_id=court.pk, principal_id=account.pk),
            "principals": queries.principals_of(court_id=court.pk, agent_id=account.pk),
            "fee_due": court.fee_before_privilege
            and queries.owes_fees_at(account_id=account.pk, court_id=court.pk),
        }
    return render(request, "ecf/utilities.html", _context(request, court, **extra))


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def link_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    require_signed_in(standing_of(request, court), to="link a CM/ECF login at this court")
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
                address=address_of(request),
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            login = queries.find_login(court_id=court.pk, login=record.login)
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
        return redirect("ecf:link", court_id=court.pk)
    if claim.get("court") != court.pk or claim.get("account") != request.account.pk:
        messages.error(request, "That confirmation is not for you: enter the CM/ECF login again.")
        return redirect("ecf:link", court_id=court.pk)
    record = CourtLogin.objects.filter(pk=claim["login"], court=court).first()
    if form.is_valid():
        try:
            actions.link_verified_court_login(
                account=request.account, court=court, court_login_id=claim["login"], confirm=True
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("ecf:link_done", court_id=court.pk)
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
    require_signed_in(standing_of(request, court), to="link a CM/ECF login at this court")
    linked = queries.linked_login(account_id=request.account.pk, court_id=court.pk)
    record = queries.court_record(linked) if linked else None
    check = access.filing_check_of(request, court)
    return render(
        request,
        "ecf/link_done.html",
        _context(request, court, record=record, linked=linked, check=check),
    )
