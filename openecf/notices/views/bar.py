"""The court's public archive of notices, and the clerk's compose → preview → send pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from openecf.core.errors import DomainError, NotFound, PermissionDenied
from openecf.core.web import carried_out, domain_errors_as_pages, show_on_form
from openecf.courts import queries as court_queries
from openecf.courts.access import clerk_court
from openecf.courts.presentation import court_page
from openecf.notices import actions, queries
from openecf.notices.forms import ComposeForm, RemindersForm


@domain_errors_as_pages
def archive(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_queries.get_court(court_id)
    return court_page(request, court, "notices/archive.html", notices=queries.archive(court))


@domain_errors_as_pages
def notice_page(request: HttpRequest, court_id: str, notice_id: int) -> HttpResponse:
    court = court_queries.get_court(court_id)
    return render(
        request,
        "notices/notice.html",
        {"court": court, "notice": queries.sent_notice(court, notice_id)},
    )


def _clerk_page(request, court, compose, reminders, status=200) -> HttpResponse:
    return render(
        request,
        "notices/clerk.html",
        {
            "court": court,
            "compose": compose,
            "reminders_form": reminders,
            "drafts": queries.drafts(court),
            "scheduled": queries.scheduled(court),
            "sent": queries.archive(court)[:20],
        },
        status=status,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_notices(request: HttpRequest, court_id: str) -> HttpResponse:
    """GET: the clerk's list and compose form. POST: keep a draft and show its preview."""
    court = clerk_court(request, court_id, what="clerk's notices page")
    if request.method == "POST":
        form = ComposeForm(request.POST)
        if form.is_valid():
            try:
                notice = actions.draft_notice(
                    court=court, actor_id=request.account.pk, **form.cleaned_data
                )
            except DomainError as error:
                show_on_form(form, error)
            else:
                return redirect("notices:preview", court_id=court.pk, notice_id=notice.pk)
        return _clerk_page(request, court, form, RemindersForm(), status=400)
    return _clerk_page(request, court, ComposeForm(initial={"audience": "all"}), RemindersForm())


@domain_errors_as_pages
def preview(request: HttpRequest, court_id: str, notice_id: int) -> HttpResponse:
    court = clerk_court(request, court_id, what="clerk's notices page")
    notice = queries.clerk_notice(court, notice_id)
    count = (
        notice.recipient_count
        if notice.sent_at
        else queries.recipient_count(court, notice.audience)
    )
    return render(
        request,
        "notices/preview.html",
        {"court": court, "notice": notice, "recipient_count": count},
    )


@domain_errors_as_pages
@require_POST
def send(request: HttpRequest, court_id: str, notice_id: int) -> HttpResponse:
    court = clerk_court(request, court_id, what="clerk's notices page")
    try:
        notice = actions.send_notice(court=court, actor_id=request.account.pk, notice_id=notice_id)
    except DomainError as error:
        if isinstance(error, NotFound | PermissionDenied):
            raise
        messages.error(request, error.message)
        return redirect("notices:preview", court_id=court.pk, notice_id=notice_id)
    messages.success(
        request,
        f"Notice sent to {notice.recipient_count} "
        f"recipient{'' if notice.recipient_count == 1 else 's'} and posted to the archive.",
    )
    return redirect("notices:notice", court_id=court.pk, notice_id=notice.pk)


@domain_errors_as_pages
@require_POST
def cancel(request: HttpRequest, court_id: str, notice_id: int) -> HttpResponse:
    court = clerk_court(request, court_id, what="clerk's notices page")
    try:
        actions.cancel_notice(court=court, actor_id=request.account.pk, notice_id=notice_id)
    except DomainError as error:
        if isinstance(error, NotFound | PermissionDenied):
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, "Cancelled.")
    return redirect("notices:clerk", court_id=court.pk)


@domain_errors_as_pages
@require_POST
def schedule_reminders(request: HttpRequest, court_id: str) -> HttpResponse:
    court = clerk_court(request, court_id, what="clerk's notices page")
    form = RemindersForm(request.POST)
    if form.is_valid() and (
        carried_out(
            request,
            form,
            lambda: actions.schedule_go_live_reminders(
                court=court, actor_id=request.account.pk, **form.cleaned_data
            ),
            lambda created: (
                f"{len(created)} go-live reminder{'' if len(created) == 1 else 's'} scheduled."
            ),
        )
        is not None
    ):
        return redirect("notices:clerk", court_id=court.pk)
    return _clerk_page(request, court, ComposeForm(initial={"audience": "all"}), form, status=400)
