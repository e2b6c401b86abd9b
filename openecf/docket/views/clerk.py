"""The case's docket page, the clerk's corrections of an entry and the review queue.

The docket page is the court's working docket, free for its clerks, judges and the operator,
with the correction and order links. Anyone else who may see the case is sent to CM/ECF's
docket report (``DktRpt.pl``), which shows its cost first and charges the view as PACER does
(attorneys of record and parties too: their free look is the one the notice gives); a sealed
case is missing to them either way (ADR 0005).
The clerk's pages answer 404 to anyone but the court's clerk's office and the operator.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import signed_in_court, standing_of
from openecf.courts.queries import get_court
from openecf.docket import access, actions, queries
from openecf.docket.errors import EntryNotFound
from openecf.docket.forms import CorrectionForm, DeficiencyForm, ReviewTimingForm
from openecf.docket.presentation import docket_row, queue_with_case_numbers
from openecf.documents import facade as documents

ORDER_EVENT = "text-order"
COURT_ENTRY_EVENT = "minute-entry"


def _file_link(court_id: str, case_number: str, event: str = "") -> str:
    """The filing pages' first step with the case (and the event, when given) filled in."""
    given = {"event": event, "case_number": case_number} if event else {"case_number": case_number}
    query = urlencode(given, safe=":")  # 4:18-cv-00123 reads as typed
    return f"{reverse('docket:filing_start', args=[court_id])}?{query}"


@domain_errors_as_pages
def case_docket(request: HttpRequest, court_id: str, caseid: int) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="see a case's docket")
    case = cases.visible_case(standing=standing, caseid=caseid)
    if not access.is_court_user(standing):
        return redirect(f"{reverse('reports:docket_report', args=[court.pk])}?{case.caseid}")
    entries = queries.docket_of(
        caseid=caseid, sees_sealed=True, participant=True, viewer_id=standing.account_id
    )
    return render(
        request,
        "docket/case_docket.html",
        {
            "court": court,
            "standing": standing,
            "case": case,
            "rows": [docket_row(e, court.time_zone) for e in entries],
            "court_user": True,
            "order_link": _file_link(court.pk, case.case_number, ORDER_EVENT),
            "court_entry_link": _file_link(court.pk, case.case_number, COURT_ENTRY_EVENT),
        },
    )


def _correction(form: CorrectionForm) -> actions.Correction:
    data = form.cleaned_data
    return actions.Correction(
        docket_text=data["docket_text"],
        reason=data["reason"],
        links=tuple(data["links"]),
        stricken=data["stricken"],
        sealed=data["sealed"],
        documents=tuple(
            actions.DocumentFlags(
                attachment_number=n,
                sealed=data[f"doc_{n}_sealed"],
                restricted=data[f"doc_{n}_restricted"],
            )
            for n in form.documents
        ),
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def clerk_entry(
    request: HttpRequest, court_id: str, caseid: int, entry_number: int
) -> HttpResponse:
    court = get_court(court_id)
    standing = standing_of(request, court)
    access.require_docket_clerk(standing)
    entry = queries.entry_at(court_id=court.pk, caseid=caseid, entry_number=entry_number)
    case = cases.case(court_id=court.pk, caseid=caseid)
    earlier = [
        e
        for e in queries.docket_of(caseid=caseid, sees_sealed=True, participant=True)
        if e.entry_number < entry_number
    ]
    documents = list(entry.documents.order_by("attachment_number"))
    action = request.POST.get("action", "") if request.method == "POST" else ""
    initial = {
        "docket_text": entry.docket_text,
        "links": list(entry.links.values_list("entry_number", flat=True)),
        "stricken": entry.is_stricken,
        "sealed": entry.sealed,
    }
    form = CorrectionForm(
        request.POST if action == "correct" else None,
        earlier=earlier,
        documents=documents,
        initial=initial,
    )
    deficiency = DeficiencyForm(request.POST if action == "deficient" else None)
    where = {"actor_id": request.account.pk, "court": court, "caseid": caseid}
    try:
        if action == "correct" and form.is_valid():
            changed = actions.correct_entry(
                **where, entry_number=entry_number, correction=_correction(form)
            )
            messages.success(
                request,
                f"Entry {entry_number} corrected." if changed else "Nothing was changed.",
            )
            return redirect("docket:clerk_entry", court.pk, caseid, entry_number)
        if action == "accept":
            actions.accept_entry(**where, entry_number=entry_number)
            messages.success(request, f"Entry {entry_number} accepted.")
            return redirect("docket:review_queue", court.pk)
        if action == "deficient" and deficiency.is_valid():
            actions.mark_deficient(
                **where, entry_number=entry_number, message=deficiency.cleaned_data["message"]
            )
            messages.success(
                request, f"Entry {entry_number} marked deficient; the filer was e-mailed."
            )
            return redirect("docket:review_queue", court.pk)
    except DomainError as error:
        show_on_form(deficiency if action == "deficient" else form, error)
    bad = bool(form.errors or deficiency.errors)
    return render(
        request,
        "docket/clerk_entry.html",
        {
            "court": court,
            "standing": standing,
            "case": case,
            "entry": entry,
            "row": docket_row(entry, court.time_zone),
            "form": form,
            "deficiency": deficiency,
            "revisions": [
                {
                    "replaced_at": clock.format_court_time(r.replaced_at, court.time_zone),
                    "by": f"{r.replaced_by.first_name} {r.replaced_by.last_name}",
                    "docket_text": r.docket_text,
                    "reason": r.reason,
                }
                for r in entry.revisions.select_related("replaced_by").order_by("replaced_at", "pk")
            ],
        },
        status=400 if bad else 200,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def review_queue(request: HttpRequest, court_id: str) -> HttpResponse:
    court = get_court(court_id)
    standing = standing_of(request, court)
    access.require_docket_clerk(standing)
    before = queries.reviews_before(court_id=court.pk)
    timing = ReviewTimingForm(
        request.POST if request.method == "POST" and "review" in request.POST else None,
        initial={"review": "before" if before else "after"},
    )
    if request.method == "POST":
        where = {"actor_id": request.account.pk, "court": court}
        try:
            if "accept" in request.POST:
                caseid, _, number = request.POST["accept"].partition(":")
                actions.accept_entry(**where, caseid=int(caseid), entry_number=int(number))
                messages.success(request, f"Entry {number} accepted.")
                return redirect("docket:review_queue", court.pk)
            if timing.is_valid():
                wanted = timing.cleaned_data["review"] == "before"
                actions.set_review_timing(**where, review_before=wanted)
                messages.success(request, "The review setting is saved.")
                return redirect("docket:review_queue", court.pk)
        except (DomainError, ValueError) as error:
            messages.error(
                request, error.message if isinstance(error, DomainError) else "Choose an entry."
            )
            return redirect("docket:review_queue", court.pk)
    rows = [
        {**docket_row(entry, court.time_zone), "case_number": number}
        for entry, number in queue_with_case_numbers(court.pk)
    ]
    return render(
        request,
        "docket/review_queue.html",
        {"court": court, "standing": standing, "rows": rows, "timing": timing, "before": before},
        status=400 if timing.errors else 200,
    )


@domain_errors_as_pages
def court_document(
    request: HttpRequest, court_id: str, caseid: int, entry_number: int, attachment_number: int
) -> HttpResponse:
    """A document of the docket for court staff (clerks, chambers): the PDF with CM/ECF's
    header on every page, the stored original untouched. Anyone else: 404 (the public's
    view, with its access fees, is the reports' document view)."""
    court, standing = signed_in_court(request, court_id, to="open a document")
    if not access.is_court_user(standing):
        raise EntryNotFound(f"{standing.court_name} has no such document for you.")
    entry = queries.entry_at(court_id=court.pk, caseid=caseid, entry_number=entry_number)
    found = entry.documents.filter(attachment_number=attachment_number).first()
    if found is None:
        raise EntryNotFound(f"Entry {entry_number} has no document {attachment_number}.")
    case = cases.case(court_id=court.pk, caseid=caseid, standing=standing)
    filed = clock.in_zone(entry.filed_at, court.time_zone)
    header = f"Case {case.shown_number} Document {entry.entry_number} Filed {filed:%m/%d/%y}"
    return FileResponse(
        documents.served_pdf(stored_pdf_id=found.stored_pdf_id, header=header),
        content_type="application/pdf",
        filename=f"{court.pk}-{caseid}-{entry_number}-{attachment_number}.pdf",
        as_attachment=False,
    )
