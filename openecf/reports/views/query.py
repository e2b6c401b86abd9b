"""``/<court>/cgi-bin/iquery.pl``: CM/ECF's Query. Find a case by number (full or partial) or
by a party's name; several matches are listed to choose from; one case shows its summary
and the menu of its reports. ``possible_case_numbers.pl`` answers a number with the matching
cases in CM/ECF's XML. Sealed cases are missing for whoever may not see them."""

from __future__ import annotations

from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.cases import facade as cases
from openecf.core.errors import NotSignedIn
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import Standing, signed_in_court, standing_of
from openecf.courts.queries import get_court
from openecf.docket import facade as docket
from openecf.reports import rules
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.forms import CaseQueryForm
from openecf.reports.query_string import caseid_of


def last_filing(access: RecordAccess, zone: str):
    """The date of the newest entry this person may see (a sealed one tells nothing)."""
    only = access.record_filter(rules.Criteria(newest_first=True), zone=zone)
    newest = docket.record_entries(caseid=access.case.caseid, only=only, limit=1)
    return newest[0].filed_at if newest else None


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def case_query(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="query a case")
    caseid = caseid_of(request.META.get("QUERY_STRING", ""), request.POST)
    if caseid is not None:
        access = record_access(standing, caseid)
        return render(
            request,
            "reports/case_summary.html",
            {
                "court": court,
                "case": access.case,
                "judge": cases.judge_name(access.case),
                "referred": cases.referred_judge_name(access.case),
                "last_filing": last_filing(access, court.time_zone),
                "zone": court.time_zone,
            },
        )
    data = request.POST if request.method == "POST" else request.GET
    form = CaseQueryForm(data if ("case_num" in data or "party_name" in data) else None)
    found: list[cases.Case] | None = None
    if form.is_valid():
        found = _matches(court.pk, standing, form.cleaned_data)
        if len(found) == 1:
            return redirect(_query_path(court.pk, found[0].caseid))
        if not found:
            form.add_error(
                None, f"{court.short_name} has no case that matches: check the number or name."
            )
    return render(
        request,
        "reports/query.html",
        {"court": court, "form": form, "found": found},
        status=422 if form.errors else 200,
    )


def _query_path(court_id: str, caseid: int) -> str:
    return f"{reverse('reports:case_query', kwargs={'court_id': court_id})}?{caseid}"


def _matches(court_id: str, standing: Standing, data: dict) -> list[cases.Case]:
    if data["case_num"]:
        found = cases.find_cases(court_id=court_id, number=data["case_num"], standing=standing)
        if data["party_name"]:
            named = {
                c.caseid
                for c in cases.find_cases_by_party(
                    court_id=court_id, name=data["party_name"], standing=standing
                )
            }
            found = [c for c in found if c.caseid in named]
        return found
    return cases.find_cases_by_party(court_id=court_id, name=data["party_name"], standing=standing)


@domain_errors_as_pages
def possible_case_numbers(request: HttpRequest, court_id: str) -> HttpResponse:
    """``possible_case_numbers.pl?<number>``: the matching cases in CM/ECF's XML."""
    court = get_court(court_id)
    standing = standing_of(request, court)
    if not standing.is_signed_in:
        raise NotSignedIn("Sign in with your PACER account to look up case numbers.")
    number = unquote(request.META.get("QUERY_STRING", "").split("&", 1)[0])[:40]
    found = cases.find_cases(court_id=court.pk, number=number, standing=standing) if number else []
    lines = [f"<request number={quoteattr(number)}>"]
    for case in found:
        closed = f" (closed {rules.mdy(case.date_terminated)})" if case.date_terminated else ""
        lines.append(
            f'<case number={quoteattr(_short_number(case))} id="{case.caseid}" '
            f"title={quoteattr(f'{case.shown_number} {case.title}{closed}')}/>"
        )
    if not found:
        lines.append(f"<message text={quoteattr(f'Cannot find case {number}')}/>")
    lines.append("</request>")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/xml; charset=utf-8")


def _short_number(case: cases.Case) -> str:
    """``4:26-cv-12``: CM/ECF's number attribute (sequence without leading zeros)."""
    head, _, sequence = case.case_number.rpartition("-")
    return f"{head}-{int(sequence)}" if sequence.isdigit() and head else case.case_number
