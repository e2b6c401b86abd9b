"""The office manager's NextGen readiness page, its CSV export and "remind the ones not ready"."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from openecf.core.errors import NotSignedIn
from openecf.core.web import domain_errors_as_pages, say_how_it_went
from openecf.firms import facade as firms
from openecf.readiness import access, actions, queries, rules
from openecf.readiness.forms import ChooseCourtsForm


def _sorted_report(request: HttpRequest, firm: firms.FirmSummary):
    report = queries.report_for(firm)
    key, descending = rules.parse_sort(
        request.GET.get("sort", ""), [c.court_id for c in report.courts]
    )
    return report, key, descending, rules.sort_rows(report.rows, key, descending)


@domain_errors_as_pages
def readiness(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    report, key, descending, rows = _sorted_report(request, firm)
    columns = [
        ("name", "Name"),
        ("username", "Username"),
        ("account_number", "Account number"),
        ("individual", "Individual"),
        ("upgraded", "Upgraded"),
        ("mfa", "MFA enrolled"),
        *[(f"court:{c.court_id}", c.court_id) for c in report.courts],
        ("ready", "Ready"),
        ("next_step", "Next step"),
    ]
    headers = [
        {
            "key": k,
            "label": label,
            "sorted": k == key,
            "descending": k == key and descending,
            "link": f"?sort=-{k}" if k == key and not descending else f"?sort={k}",
        }
        for k, label in columns
    ]
    table = [
        {
            "row": row,
            "courts": [rules.court_cell(row.member, c.court_id) for c in report.courts],
        }
        for row in rows
    ]
    form = ChooseCourtsForm(initial={"courts": " ".join(firm.readiness_court_ids)})
    return render(
        request,
        "readiness/readiness.html",
        {
            "firm": firm,
            "report": report,
            "headers": headers,
            "table": table,
            "sort": f"{'-' if descending else ''}{key}",
            "form": form,
        },
    )


@domain_errors_as_pages
def readiness_csv(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    report, _key, _descending, rows = _sorted_report(request, firm)
    slug = re.sub(r"[^a-z0-9]+", "-", firm.name.lower()).strip("-") or "firm"
    response = HttpResponse(
        rules.csv_text(rows, report.courts), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="nextgen-readiness-{slug}.csv"'
    return response


@domain_errors_as_pages
@require_POST
def choose_courts(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    form = ChooseCourtsForm(request.POST)
    if form.is_valid():
        say_how_it_went(
            request,
            lambda: firms.choose_readiness_courts(
                firm_id=firm.firm_id,
                actor_id=request.account.pk,
                court_ids=form.cleaned_data["courts"],
            ),
            lambda chosen: f"Courts checked: {', '.join(chosen.readiness_court_ids) or 'none'}.",
        )
    else:
        messages.error(request, "Enter court ids separated by spaces, e.g. mowd mowb.")
    return redirect("readiness:readiness")


@domain_errors_as_pages
@require_POST
def remind(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_administrator(request.account)
    result = actions.remind_not_ready(firm=firm, actor_id=request.account.pk)
    if result.reminded:
        text = (
            f"Reminded {len(result.reminded)} "
            f"{'member who is' if len(result.reminded) == 1 else 'members who are'} not ready; "
            "each was e-mailed "
            "a personal checklist."
        )
    else:
        text = "Nobody was reminded."
    if result.already_reminded:
        text += (
            f" {len(result.already_reminded)} "
            f"{'member' if len(result.already_reminded) == 1 else 'members'} not ready "
            f"{'was' if len(result.already_reminded) == 1 else 'were'} already reminded in the "
            "last 24 hours."
        )
    messages.success(request, text)
    return redirect("readiness:readiness")


@domain_errors_as_pages
def your_courts(request: HttpRequest) -> HttpResponse:
    """A person's own courts, each with what it still needs: where an attorney lands."""
    if request.account is None:
        raise NotSignedIn("Sign in to see your courts.")
    mine = queries.personal_readiness(request.account)
    return render(request, "readiness/your_courts.html", {"mine": mine})
