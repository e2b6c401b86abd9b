"""Pages of Notices of Electronic Filing: "My notices" in Manage My Account, a person's
noticing settings at a court (Utilities), the clerk's list of undeliverable notices and the
court's own noticing lists (chambers). A
notice's document link (its free look) is answered by the document view of the reports
(``reports:document``), which asks ``notices.facade.use_free_look``."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.core import clock
from openecf.core.errors import DomainError, InputInvalid, NotSignedIn
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts import queries as court_queries
from openecf.courts.access import clerk_court, require_signed_in, standing_of
from openecf.notices import actions, queries
from openecf.notices.actions.court_lists import add_court_address, end_court_address
from openecf.notices.forms import CourtAddressForm, NoticingForm
from openecf.notices.models import NoticingSettings

MY_NOTICES_DAYS = 90


@domain_errors_as_pages
def my_notices(request: HttpRequest) -> HttpResponse:
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in to read your notices.")
    since = clock.now() - timedelta(days=MY_NOTICES_DAYS)
    return render(
        request,
        "notices/my_notices.html",
        {"me": account, "tab": "notices", "rows": queries.my_notices(account.pk, since=since)},
    )


@domain_errors_as_pages
def my_notice(request: HttpRequest, notice_id: int) -> HttpResponse:
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in to read your notices.")
    row = queries.my_notice(account.pk, notice_id)
    text = row.email.body_text if row.email else row.notice.body_text
    return render(
        request,
        "notices/my_notice.html",
        {"me": account, "tab": "notices", "row": row, "text": text},
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def noticing(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_queries.get_court(court_id)
    standing = standing_of(request, court)
    require_signed_in(standing, to="choose how you get notices")
    assert standing.account_id is not None
    current = NoticingSettings.objects.filter(
        court_id=court.pk, account_id=standing.account_id
    ).first()
    initial = {
        "secondary_emails": "\n".join(current.secondary_emails) if current else "",
        "daily_summary": bool(current and current.daily_summary),
    }
    form = NoticingForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_noticing_settings(
                court_id=court.pk,
                account_id=standing.account_id,
                secondary_emails=form.cleaned_data["secondary_emails"].split(),
                daily_summary=form.cleaned_data["daily_summary"],
            )
            saved = True
        except InputInvalid as error:
            show_on_form(form, error)
    status = 422 if form.errors else 200
    return render(
        request,
        "notices/noticing.html",
        {"court": court, "form": form, "saved": saved},
        status=status,
    )


@domain_errors_as_pages
def undeliverable(request: HttpRequest, court_id: str) -> HttpResponse:
    court = clerk_court(request, court_id, what="list of undeliverable notices")
    return render(
        request,
        "notices/undeliverable.html",
        {"court": court, "rows": queries.undeliverable(court.pk)[:200]},
    )


LISTS = "court's noticing lists"


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def court_lists(request: HttpRequest, court_id: str) -> HttpResponse:
    """The court's own noticing lists: add an address (chambers or court-wide), see them all."""
    court = clerk_court(request, court_id, what=LISTS)
    judges = court_queries.judges(court.pk)
    form = CourtAddressForm(request.POST or None, judges=judges)
    if request.method == "POST" and form.is_valid():
        try:
            row = add_court_address(
                court_id=court.pk,
                actor_id=request.account.pk,  # type: ignore[attr-defined]
                **form.cleaned_data,
            )
            return redirect(f"{request.path}?added={row.pk}")
        except DomainError as error:
            show_on_form(form, error)
    added = request.GET.get("added", "")
    names = dict(judges)
    rows = list(queries.court_addresses(court.pk))
    for row in rows:
        row.judge_name = names.get(row.judge_account_id or 0, "")  # type: ignore[attr-defined]
    return render(
        request,
        "notices/court_lists.html",
        {
            "court": court,
            "form": form,
            "rows": rows,
            "added": int(added) if added.isdigit() else None,
        },
        status=422 if form.errors else 200,
    )


@domain_errors_as_pages
@require_http_methods(["POST"])
def end_court_list(request: HttpRequest, court_id: str, address_id: int) -> HttpResponse:
    court = clerk_court(request, court_id, what=LISTS)
    end_court_address(court_id=court.pk, actor_id=request.account.pk, address_id=address_id)  # type: ignore[attr-defined]
    return redirect("notices:court_lists", court_id=court.pk)
