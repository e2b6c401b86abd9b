"""The clerk's fee report (with its CSV) and refunds: the clerk's office only (others: 404)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from openecf.core import clock
from openecf.core.errors import DomainError, NotFound
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.courts.access import require_clerk, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.ecf import fee_report as reports
from openecf.ecf.forms import FeeReportForm, RefundForm
from openecf.ecf.views.pages import _form_page
from openecf.payments import facade as payments


def _clerks_court(request: HttpRequest, court_id: str) -> Court:
    court = get_court(court_id)
    require_clerk(standing_of(request, court), what="fee report")
    return court


@domain_errors_as_pages
@require_GET
def fee_report(request: HttpRequest, court_id: str) -> HttpResponse:
    """Payments by day and by fee, refunds; ``?format=csv`` for every row."""
    court = _clerks_court(request, court_id)
    start, end = reports.this_month(clock.now(), court.time_zone)
    form = FeeReportForm(
        request.GET if "start" in request.GET else None, initial={"start": start, "end": end}
    )
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    report = reports.fee_report(court_id=court.pk, time_zone=court.time_zone, start=start, end=end)
    if request.GET.get("format") == "csv" and not form.errors:
        response = HttpResponse(
            reports.as_csv(report, court.time_zone), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{court.pk}-fees-{start.isoformat()}-{end.isoformat()}.csv"'
        )
        return response
    return _form_page(request, court, "ecf/fee_report.html", form, report=report)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def refund_page(request: HttpRequest, court_id: str) -> HttpResponse:
    """Refund a duplicate or erroneous payment at this court, with the reason kept."""
    court = _clerks_court(request, court_id)
    form = RefundForm(
        request.POST or None, initial={"receipt_number": request.GET.get("receipt", "")}
    )
    if request.method == "POST" and form.is_valid():
        receipt_number = form.cleaned_data["receipt_number"].strip().upper()
        found = payments.payment_by_receipt(receipt_number=receipt_number)
        try:
            if found is None or found.court_id != court.pk:
                raise NotFound(
                    f"{court.short_name} has no payment with receipt {receipt_number}.",
                    field="receipt_number",
                )
            refunded = payments.refund(
                receipt_number=receipt_number,
                amount=form.cleaned_data["amount"],
                reason=form.refund_reason(),
                by_account_id=request.account.pk,
            )
        except DomainError as error:
            show_on_form(form, error)
        else:
            done = f"Refunded ${form.cleaned_data['amount']} of receipt {refunded.receipt_number}."
            messages.success(request, done)
            return redirect("payments:receipt", receipt_number=refunded.receipt_number)
    return _form_page(request, court, "ecf/refund.html", form)
