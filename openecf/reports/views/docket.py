"""``/<court>/cgi-bin/DktRpt.pl``: the docket report, as CM/ECF serves it.

``DktRpt.pl`` alone asks for a case number; ``DktRpt.pl?<caseid>`` shows the criteria form; its
POST shows the cost (pages and dollars) with a "View Report" button, unless the view is free;
that button charges the view once (its key is in the form, so a reload is not charged again)
and streams the docket sheet, the PACER receipt at its foot. Every step asks
``reports.access.record_access``: a sealed case is missing to whoever may not see it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.decorators.http import require_http_methods

from openecf.billing import facade as billing
from openecf.cases import facade as cases
from openecf.core.errors import InputInvalid
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import Standing, signed_in_court, standing_of
from openecf.courts.models import Court
from openecf.docket import facade as docket
from openecf.reports import bankruptcy_sheet, rules, sheet
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.forms import CaseNumberForm, DocketCriteriaForm
from openecf.reports.query_string import case_summary, caseid_of

_Entry = TypeVar("_Entry")
ENTRIES_MARK = "<!--openecf:docket-entries-->"
PAGE = 250  # entries written and sent at a time (read from one query, in chunks)


def sheet_facts(court: Court, case: cases.Case) -> sheet.SheetFacts:
    kind_line = {
        "district": "U.S. District Court",
        "bankruptcy": "U.S. Bankruptcy Court",
        "appellate": "U.S. Court of Appeals",
    }[court.kind]
    name = court.name.split(" for the ", 1)[-1]
    offices = dict(cases.offices(court_id=court.pk))
    office = offices.get(case.office_number, "")
    if "(" in office:  # "Western Division (Kansas City)": CM/ECF names the city
        office = office.split("(", 1)[1].rstrip(")")
    where = f"{name} ({office})" if office and office != "Main office" else name
    return sheet.SheetFacts(
        court_id=court.pk,
        court_lines=(kind_line, where),
        zone=court.time_zone,
        judge=cases.judge_name(case),
        referred_judge=cases.referred_judge_name(case),
        bankruptcy=court.kind == "bankruptcy",
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def docket_report(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="run a docket report")
    caseid = caseid_of(request.META.get("QUERY_STRING", ""), request.POST)
    if court.kind == Court.Kind.APPELLATE:
        return _appellate(court, standing, caseid)
    if caseid is None:
        return _which_case(request, court)
    access = record_access(standing, caseid)
    form = DocketCriteriaForm(request.POST if request.method == "POST" else None)
    page = {"court": court, "case": access.case, "form": form}
    if request.method == "GET" or not form.is_valid():
        status = 422 if form.errors else 200
        return render(request, "reports/docket_criteria.html", page, status=status)
    criteria = form.criteria()
    report = billable_report(court, access, criteria)
    facts, head, only, size_bytes = report.facts, report.head, report.only, report.size_bytes
    assert standing.account_id is not None
    nonce = request.POST.get("view", "")
    # "View Report" (its key in the form) goes straight to the charge, which prices the view
    # itself: pricing it twice was most of what a charge added to the report.
    quote = (
        None
        if nonce
        else billing.quote(
            account_id=standing.account_id,
            court_id=court.pk,
            kind=billing.AccessKind.DOCKET_REPORT,
            size_bytes=size_bytes,
            standing=standing,
        )
    )
    if quote is not None and quote.amount > 0:
        return render(
            request,
            "reports/docket_confirm.html",
            {
                **page,
                "quote": quote,
                "view": secrets.token_hex(12),
                "entries": report.entries,
                "carried": [(k, v) for k, v in request.POST.items() if k in form.fields],
            },
        )
    nonce = nonce or secrets.token_hex(12)
    if not (nonce.isalnum() and len(nonce) <= 40):
        raise InputInvalid({"view": "This report link is damaged: run the report again."})
    receipt = charge_docket_report(
        request,
        access,
        criteria,
        account_id=standing.account_id,
        nonce=nonce,
        size_bytes=size_bytes,
    )
    chrome = render_to_string(
        "reports/docket_report.html",
        {
            **page,
            "head": head,
            "receipt": sheet.receipt(receipt, court.time_zone),
            "mark": ENTRIES_MARK,
        },
        request=request,
    )
    before, after = chrome.split(ENTRIES_MARK, 1)
    return StreamingHttpResponse(
        _streamed(before, after, access, only, facts, criteria), content_type="text/html"
    )


def docket_key(court_id: str, caseid: int, account_id: int, nonce: str) -> str:
    """The view's key in billing: one charge per docket report view (page or API walk)."""
    return f"{court_id}:dkt:{caseid}:{account_id}:{nonce}"


def charge_docket_report(
    request: HttpRequest,
    access: RecordAccess,
    criteria: rules.Criteria,
    *,
    account_id: int,
    nonce: str,
    size_bytes: int,
) -> billing.Receipt:
    """Charge the person for a docket report of ``size_bytes`` (once per view, ``nonce``).

    Billing gets the viewer's standing (``access.standing``, computed once per request) and
    username, so it reads neither the court, its staff nor the account again."""
    case = access.case
    return billing.charge(
        view_key=docket_key(case.court_id, case.caseid, account_id, nonce),
        account_id=account_id,
        court_id=case.court_id,
        kind=billing.AccessKind.DOCKET_REPORT,
        size_bytes=size_bytes,
        description="Docket Report",
        criteria=rules.criteria_text(case.shown_number, criteria),
        client_code=billing.client_code_of(request),
        standing=access.standing,
        username=request.account.username,
    )


@dataclass(frozen=True)
class BillableReport:
    """What a docket report shows and what it costs: its heading, its filter, its size."""

    facts: sheet.SheetFacts
    head: str
    only: docket.RecordFilter
    entries: int
    size_bytes: int


def billable_report(court: Court, access: RecordAccess, criteria: rules.Criteria) -> BillableReport:
    """The report's heading and billable size (its data, not its markup: one SQL query)."""
    facts = sheet_facts(court, access.case)
    head = _head(facts, access, criteria)
    only = access.record_filter(criteria, zone=court.time_zone)
    size = docket.record_size(caseid=access.case.caseid, only=only)
    size_bytes = rules.report_size(
        head_chars=len(strip_tags(head)), entries=size.entries, text_chars=size.text_chars
    )
    return BillableReport(facts, head, only, size.entries, size_bytes)


def _head(facts: sheet.SheetFacts, access: RecordAccess, criteria: rules.Criteria) -> str:
    layout = bankruptcy_sheet if facts.bankruptcy else sheet
    if facts.bankruptcy:
        head = bankruptcy_sheet.heading(facts, access.case, lead_title=_lead_title(access))
    else:
        head = sheet.heading(facts, access.case)
    if criteria.parties:
        parties = cases.parties(caseid=access.case.caseid)
        head += layout.parties_table(access.case, parties, terminated=criteria.terminated)
    return head


def _lead_title(access: RecordAccess) -> str:
    """An adversary proceeding's lead bankruptcy case's title, if the person may see it."""
    if access.case.lead_caseid is None:
        return ""
    try:
        lead = cases.case(
            court_id=access.case.court_id, caseid=access.case.lead_caseid, standing=access.standing
        )
    except cases.CaseNotFound:
        return ""
    return lead.title


def _streamed(
    before: str,
    after: str,
    access: RecordAccess,
    only: docket.RecordFilter,
    facts: sheet.SheetFacts,
    criteria: rules.Criteria,
) -> Iterator[str]:
    """The page, its entries from one query read in chunks, written and sent ``PAGE`` at a
    time: memory stays flat."""
    yield before
    yield sheet.entries_start(
        access.case,
        court_id=facts.court_id,
        multi_docs=criteria.multi_docs,
        bankruptcy=facts.bankruptcy,
    )
    rows = docket.record_row_stream(caseid=access.case.caseid, only=only)
    for entries in pages(rows):
        yield sheet.entry_rows(
            access,
            entries,
            court_id=facts.court_id,
            zone=facts.zone,
            multi_docs=criteria.multi_docs,
            bankruptcy=facts.bankruptcy,
        )
    yield sheet.entries_end(multi_docs=criteria.multi_docs)
    yield after


def entry_pages(
    access: RecordAccess, only: docket.RecordFilter
) -> Iterator[list[docket.RecordEntry]]:
    """The entries the report shows, ``PAGE`` at a time, from one query read in chunks."""
    return pages(docket.record_stream(caseid=access.case.caseid, only=only))


def pages(entries: Iterator[_Entry]) -> Iterator[list[_Entry]]:
    """``entries`` in lists of ``PAGE``."""
    while page := list(islice(entries, PAGE)):
        yield page


def _appellate(court: Court, standing: Standing, caseid: int | None) -> HttpResponse:
    """``DktRpt.pl`` at a court of appeals: its docket report is appellate CM/ECF's case
    summary (``views.appellate``), for the case when one is named and the person may see it."""
    path = reverse("reports:appellate_docket", kwargs={"court_id": court.pk})
    if caseid is None:
        return redirect(path)
    case = record_access(standing, caseid).case
    return redirect(f"{path}?{case_summary(case.case_number)}")


def _which_case(request: HttpRequest, court: Court) -> HttpResponse:
    """``DktRpt.pl`` without a case: the number box, then the case or the possible cases."""
    standing = standing_of(request, court)
    form = CaseNumberForm(request.GET or None)
    found: list[cases.Case] | None = None
    if form.is_valid():
        found = cases.find_cases(
            court_id=court.pk, number=form.cleaned_data["case_num"], standing=standing
        )
        if len(found) == 1:
            path = reverse("reports:docket_report", kwargs={"court_id": court.pk})
            return redirect(f"{path}?{found[0].caseid}")
        if not found:
            form.add_error("case_num", "No case of this court has that number: check it.")
    status = 422 if form.errors else 200
    path = reverse("reports:docket_report", kwargs={"court_id": court.pk})
    links = [(f"{path}?{case.caseid}", case) for case in found or []]
    return render(
        request,
        "reports/docket_which_case.html",
        {"court": court, "form": form, "found": links},
        status=status,
    )
