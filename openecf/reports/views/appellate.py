"""A court of appeals' docket report at appellate CM/ECF's address:
``/<court>/n/beam/servlet/TransportRoom?servlet=CaseSummary.jsp&caseNum=18-0001`` (and
``/cmecf/servlet/TransportRoom``, the Fifth, Seventh and Eleventh Circuits' spelling).

Without ``caseNum``: a case-number box. With it: the report's options (originating court,
parties and attorneys, entries, a date range) and what the report costs. The options'
"Run Docket Report" (``actionType``, as juriscraper sends it) charges the view through
``billing.facade.charge`` and streams the docket (``reports.appellate_sheet``), entries read
500 at a time; the form's ``CSRF`` key makes a reload answer the same receipt without a second
charge. A district or bankruptcy court answers that its report is ``DktRpt.pl``; an appellate
court's ``DktRpt.pl?<caseid>`` leads here. Every step asks ``reports.access.record_access``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

from django import forms
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from openecf.billing import facade as billing
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.forms import UswdsForm
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import require_signed_in, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.docket import facade as docket
from openecf.reports import appellate_sheet, rules, sheet
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.query_string import case_summary
from openecf.reports.views.docket import ENTRIES_MARK, entry_pages

RUN = "Run Docket Report"
YES = [("Y", "Yes"), ("N", "No")]
DATES = ["%m/%d/%Y"]
# The options a person starts from: every section of the report.
EVERYTHING = {"incOrigDkt": "Y", "incPtyAty": "Y", "incDktEntries": "Y"}


class AppellateCriteriaForm(UswdsForm):
    """Appellate CM/ECF's docket report options, with its own field names."""

    incOrigDkt = forms.TypedChoiceField(  # noqa: N815 (CM/ECF's names)
        label="Include originating court information", choices=YES, required=False, initial="Y"
    )
    incPtyAty = forms.TypedChoiceField(  # noqa: N815
        label="Include parties and attorneys", choices=YES, required=False, initial="Y"
    )
    incDktEntries = forms.TypedChoiceField(  # noqa: N815
        label="Include docket entries", choices=YES, required=False, initial="Y"
    )
    dateFrom = forms.DateField(  # noqa: N815
        label="Entries filed from", required=False, input_formats=DATES, help_text="MM/DD/YYYY"
    )
    dateTo = forms.DateField(  # noqa: N815
        label="to", required=False, input_formats=DATES, help_text="MM/DD/YYYY"
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("dateFrom"), data.get("dateTo")
        if start and end and start > end:
            self.add_error("dateTo", "The end date is before the start date: swap them.")
        return data

    def criteria(self) -> rules.Criteria:
        data = self.cleaned_data
        return rules.Criteria(
            date_from=data.get("dateFrom"),
            date_to=data.get("dateTo"),
            parties=data.get("incPtyAty") == "Y",
        )


class CaseNumberForm(UswdsForm):
    caseNum = forms.CharField(  # noqa: N815
        label="Case number", max_length=40, help_text="In full or in part: 18-1234 or 18-12."
    )


def report_path(court_id: str) -> str:
    return reverse("reports:appellate_docket", kwargs={"court_id": court_id})


@domain_errors_as_pages
@require_GET
def appellate_docket(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    if court.kind != Court.Kind.APPELLATE:
        docket_report = reverse("reports:docket_report", kwargs={"court_id": court.pk})
        raise NotFound(
            f"{court.short_name} is not a court of appeals: its docket report is at "
            f"{docket_report}."
        )
    standing = standing_of(request, court)
    require_signed_in(standing, to="run a docket report")
    servlet = request.GET.get("servlet", "CaseSummary.jsp")
    if servlet != "CaseSummary.jsp":
        raise NotFound(
            f"This address serves the docket report (servlet=CaseSummary.jsp), not {servlet!r}."
        )
    if not request.GET.get("caseNum", "").strip():
        return _which_case(request, court, CaseNumberForm())
    number_form = CaseNumberForm(request.GET)
    if not number_form.is_valid():
        return _which_case(request, court, number_form)
    number = number_form.cleaned_data["caseNum"].strip()
    found = cases.find_cases(court_id=court.pk, number=number, standing=standing)
    chosen = [c for c in found if number in (c.case_number, c.shown_number)] or found
    if not found:
        raise cases.CaseNotFound(f"{court.short_name} has no case numbered {number}.")
    if len(chosen) > 1:
        return _which_case(request, court, number_form, found)
    access = record_access(standing, chosen[0].caseid)
    running = request.GET.get("actionType", "").replace("+", " ") == RUN
    chosen = running or "fullDocketReport" in request.GET
    form = AppellateCriteriaForm(request.GET if chosen else EVERYTHING)
    if not form.is_valid() or not running:
        return _criteria(request, court, access, form)
    return _run(request, court, access, form)


def _which_case(
    request: HttpRequest,
    court: Court,
    form: CaseNumberForm,
    found: list[cases.Case] | None = None,
) -> HttpResponse:
    links = [(f"{report_path(court.pk)}?{case_summary(c.case_number)}", c) for c in found or []]
    return render(
        request,
        "reports/appellate_which_case.html",
        {"court": court, "form": form, "found": links, "path": report_path(court.pk)},
        status=422 if form.errors else 200,
    )


def _origin(court: Court, access: RecordAccess) -> appellate_sheet.Origin | None:
    case = access.case
    if not case.origin_court_id:
        return None
    try:
        origin_court = get_court(case.origin_court_id)
        lower = cases.case(court_id=origin_court.pk, caseid=case.origin_caseid or 0)
    except (NotFound, cases.CaseNotFound):
        lower = None
    if lower is None or (lower.sealed and not access.court_user):
        return appellate_sheet.Origin(
            court_id=case.origin_court_id,
            court_name="",
            office_number=0,
            caseid=None,
            case_number=case.origin_case_number,
        )
    notice = None
    if case.origin_entry_number is not None:
        found = docket.record_entries(
            caseid=lower.caseid,
            only=docket.RecordFilter(
                sealed=False,
                restricted=True,
                number_from=case.origin_entry_number,
                number_to=case.origin_entry_number,
            ),
            limit=1,
        )
        if found:
            notice = clock.in_zone(found[0].filed_at, origin_court.time_zone).date()
    return appellate_sheet.Origin(
        court_id=origin_court.pk,
        court_name=origin_court.name,
        office_number=lower.office_number,
        caseid=lower.caseid,
        case_number=case.origin_case_number or lower.shown_number,
        judge=cases.judge_name(lower),
        date_filed=lower.date_filed,
        date_disposed=lower.date_terminated,
        notice_filed=notice,
    )


def _head(court: Court, access: RecordAccess, form: AppellateCriteriaForm) -> str:
    data = form.cleaned_data
    origin = _origin(court, access) if data.get("incOrigDkt") == "Y" else None
    head = appellate_sheet.heading(court.name, access.case, origin)
    if data.get("incPtyAty") == "Y":
        head += appellate_sheet.parties_table(
            cases.parties(caseid=access.case.caseid), terminated=True
        )
    return head


def _priced(
    court: Court, access: RecordAccess, form: AppellateCriteriaForm
) -> tuple[str, docket.RecordFilter, int]:
    """The report's heading, its entries' filter and its billable size in bytes."""
    head = _head(court, access, form)
    only = access.record_filter(form.criteria(), zone=court.time_zone)
    size = (
        docket.record_size(caseid=access.case.caseid, only=only)
        if form.cleaned_data.get("incDktEntries") == "Y"
        else docket.RecordSize(entries=0, text_chars=0)
    )
    size_bytes = rules.report_size(
        head_chars=len(strip_tags(head)), entries=size.entries, text_chars=size.text_chars
    )
    return head, only, size_bytes


def _criteria(
    request: HttpRequest, court: Court, access: RecordAccess, form: AppellateCriteriaForm
) -> HttpResponse:
    """The options, with what the report costs as they stand (nothing is charged here)."""
    quote = None
    if form.is_valid():
        _head_html, _only, size_bytes = _priced(court, access, form)
        assert access.standing.account_id is not None
        quote = billing.quote(
            account_id=access.standing.account_id,
            court_id=court.pk,
            kind=billing.AccessKind.DOCKET_REPORT,
            size_bytes=size_bytes,
            standing=access.standing,
        )
    return render(
        request,
        "reports/appellate_criteria.html",
        {
            "court": court,
            "case": access.case,
            "form": form,
            "quote": quote,
            "path": report_path(court.pk),
            "csrf_key": f"csrf_{secrets.token_hex(12)}",
        },
        status=422 if form.errors else 200,
    )


def _run(
    request: HttpRequest, court: Court, access: RecordAccess, form: AppellateCriteriaForm
) -> HttpResponse:
    key = request.GET.get("CSRF", "") or f"csrf_{secrets.token_hex(12)}"
    nonce = key.removeprefix("csrf_")
    if not (nonce.isalnum() and 0 < len(nonce) <= 40):
        raise InputInvalid({"CSRF": "This report link is damaged: run the report again."})
    head, only, size_bytes = _priced(court, access, form)
    assert access.standing.account_id is not None
    receipt = billing.charge(
        view_key=f"{court.pk}:dkt:{access.case.caseid}:{access.standing.account_id}:{nonce}",
        account_id=access.standing.account_id,
        court_id=court.pk,
        kind=billing.AccessKind.DOCKET_REPORT,
        size_bytes=size_bytes,
        description="Docket Report",
        criteria=rules.criteria_text(access.case.shown_number, form.criteria()),
        client_code=billing.client_code_of(request),
        standing=access.standing,
        username=request.account.username,
    )
    chrome = render_to_string(
        "reports/docket_report.html",
        {
            "court": court,
            "case": access.case,
            "head": head,
            "receipt": sheet.receipt(receipt, court.time_zone),
            "mark": ENTRIES_MARK,
        },
        request=request,
    )
    before, after = chrome.split(ENTRIES_MARK, 1)
    entries = form.cleaned_data.get("incDktEntries") == "Y"
    return StreamingHttpResponse(
        _streamed(before, after, access, only, court, entries=entries), content_type="text/html"
    )


def _streamed(
    before: str,
    after: str,
    access: RecordAccess,
    only: docket.RecordFilter,
    court: Court,
    *,
    entries: bool,
) -> Iterator[str]:
    """The page, its entries read and written ``PAGE`` at a time: memory stays flat."""
    yield before
    if entries:
        yield appellate_sheet.ENTRIES_START
        for page in entry_pages(access, only):
            yield appellate_sheet.entry_rows(access, page, court_id=court.pk, zone=court.time_zone)
        yield appellate_sheet.ENTRIES_END
    yield after
