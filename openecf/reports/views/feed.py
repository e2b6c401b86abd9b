"""``/<court>/cgi-bin/rss_outside.pl``: the court's RSS 2.0 feed of recent entries, in CM/ECF's
markup (juriscraper's ``PacerRssFeed`` reads it), and the clerk's page choosing which event
categories it carries (``reports/feed.py``)."""

from __future__ import annotations

from datetime import UTC
from email.utils import format_datetime
from xml.sax.saxutils import escape

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from openecf.core import clock
from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import clerk_court
from openecf.courts.queries import get_court
from openecf.reports.feed import FeedChoice, FeedItem, choose_feed, feed_choice, feed_items


def _rfc822(moment) -> str:
    """``Tue, 05 Mar 2024 14:41:22 GMT``."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _description(item: FeedItem, base: str, court_id: str) -> str:
    """``[Motion to Compel] (<a href="…/doc1/…?caseid=…&de_seq_num=…" >12</a>)``; a bankruptcy
    court's starts ``Type: bk Office: 1 Chapter: 7 Trustee: … ``."""
    case, entry = item.case, item.entry
    head = ""
    if court_id.endswith("b"):
        trustee = f"Trustee: {item.trustee} " if item.trustee else ""
        head = f"Type: {case.kind} Office: {case.office_number} Chapter: {case.chapter or ''} {trustee}"
    link = ""
    if item.document is not None:
        href = (
            f"{base}/{court_id}/doc1/{item.document.pacer_doc_id}"
            f"?caseid={case.caseid}&de_seq_num={entry.id}"
        )
        link = f'(<a href="{escape(href)}" >{entry.entry_number}</a>)'
    return f"{head}[{escape(item.event_name)}] {link}"


def render_feed(*, court, items: list[FeedItem], choice: FeedChoice, base: str, now) -> str:
    court_id = court.pk
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0">',
        "<channel>",
        f"<title>{escape(court.name)} - Recent Entries</title>",
        f"<link>{escape(base)}/{court_id}/</link>",
        f"<description>Docket entries of type: {escape(choice.shown)}</description>",
        f"<lastBuildDate>{_rfc822(now)}</lastBuildDate>",
    ]
    for item in items:
        report = f"{base}/{court_id}/cgi-bin/DktRpt.pl?{item.case.caseid}"
        lines += [
            "<item>",
            f"<title>{escape(item.case.case_number)} {escape(item.case.title)}</title>",
            f"<link>{escape(report)}</link>",
            f"<description>{escape(_description(item, base, court_id))}</description>",
            f'<guid isPermaLink="true">{escape(f"{report}&{item.entry.id}")}</guid>',
            f"<pubDate>{_rfc822(item.entry.entered_at)}</pubDate>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


@domain_errors_as_pages
@require_GET
def rss_outside(request: HttpRequest, court_id: str) -> HttpResponse:
    """The feed: public, no sign-in, the same for everyone (sealed entries never appear)."""
    court = get_court(court_id)
    now = clock.now()
    body = render_feed(
        court=court,
        items=feed_items(court=court, now=now),
        choice=feed_choice(court_id=court.pk),
        base=request.build_absolute_uri("/").rstrip("/"),
        now=now,
    )
    return HttpResponse(body, content_type="application/rss+xml; charset=utf-8")


class FeedSettingForm(forms.Form):
    every_category = forms.TypedChoiceField(
        label="The feed carries",
        choices=[("yes", "Every docket entry"), ("no", "Only entries of the categories below")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    categories = forms.MultipleChoiceField(
        label="Event categories", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, available: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [(c, c) for c in available]


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def feed_setting(request: HttpRequest, court_id: str) -> HttpResponse:
    """The clerk's page: which event categories the court's RSS feed carries."""
    court = clerk_court(request, court_id, what="RSS feed setting")
    choice = feed_choice(court_id=court.pk)
    initial = {
        "every_category": "yes" if choice.every_category else "no",
        "categories": list(choice.categories),
    }
    form = FeedSettingForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        available=choice.available,
    )
    if request.method == "POST" and form.is_valid():
        try:
            choose_feed(
                actor_id=request.account.pk,
                court=court,
                every_category=form.cleaned_data["every_category"],
                categories=form.cleaned_data["categories"],
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(request, "The RSS feed setting is saved.")
            return redirect(reverse("reports:feed_setting", kwargs={"court_id": court.pk}))
    return render(
        request,
        "reports/feed_setting.html",
        {"court": court, "form": form, "choice": choice},
        status=422 if form.errors else 200,
    )
