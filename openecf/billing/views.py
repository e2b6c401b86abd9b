"""Billing pages: Manage My Account → Usage and Payments, invoices (page and PDF), client
code and exemptions, and the office manager's firm usage."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from openecf.billing import access, actions, queries, rules
from openecf.billing.forms import (
    ClientCodeForm,
    ClientCodeRuleForm,
    FirmUsageForm,
    PayInvoiceForm,
    UsageFilterForm,
    usage_filter,
)
from openecf.billing.models import AccessCharge, Exemption
from openecf.billing.presentation import statement_lines_text
from openecf.core import clock
from openecf.core.errors import DomainError, InputInvalid, NotFound
from openecf.core.pdf import text_pdf
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.firms import facade as firms
from openecf.payments import facade as payments

USAGE_COLUMNS = [
    "Date",
    "Court",
    "Username",
    "Client code",
    "Description",
    "Criteria",
    "Pages",
    "Cost",
]


def _mma(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    return render(request, f"billing/{template}", {"me": request.account, **context}, status=status)


def _csv(name: str, rows: Iterable[AccessCharge]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(USAGE_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.at.astimezone(rules.PACER_ZONE).strftime("%Y-%m-%d %H:%M:%S"),
                row.court_id or "",
                row.username,
                row.client_code,
                row.description,
                row.criteria,
                row.pages,
                f"{row.amount:.2f}",
            ]
        )
    return response


def _filtered(form: UsageFilterForm) -> queries.UsageFilter:
    if not form.is_valid():
        raise InputInvalid({name: list(errors) for name, errors in form.errors.items()})
    return usage_filter(**form.cleaned_data)


@never_cache
@domain_errors_as_pages
@require_GET
def usage(request: HttpRequest) -> HttpResponse:
    account = access.require_usage_reader(request.account)
    form = UsageFilterForm(request.GET or None)
    try:
        filters = _filtered(form) if request.GET else queries.UsageFilter()
    except InputInvalid as error:
        show_on_form(form, error)
        return _mma(request, "usage.html", {"tab": "usage", "form": form, "rows": []}, status=400)
    rows = queries.usage(filters, now=clock.now(), account_id=account.pk)
    if request.GET.get("format") == "csv":
        return _csv("pacer-usage", rows)
    return _mma(request, "usage.html", {"tab": "usage", "form": form, "rows": rows[:500]})


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def client_code(request: HttpRequest) -> HttpResponse:
    account = access.require_usage_reader(request.account)
    session = request.cso_session  # type: ignore[attr-defined]
    from openecf.billing import facade

    form = ClientCodeForm(
        request.POST or None, initial={"client_code": facade.client_code_of(request)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            code = actions.set_client_code(
                session_id=session.pk, account_id=account.pk,
                client_code=form.cleaned_data["client_code"],
            )  # fmt: skip
        except DomainError as error:
            show_on_form(form, error)
        else:
            messages.success(
                request, f"Client code set to “{code}”." if code else "Client code cleared."
            )
            return redirect("billing:client_code")
    exemptions = Exemption.objects.filter(account_id=account.pk).select_related("court")
    status = 400 if request.method == "POST" else 200
    return _mma(
        request, "client_code.html",
        {"tab": "usage", "form": form, "exemptions": exemptions, "today": rules.pacer_day(clock.now())},
        status=status,
    )  # fmt: skip


@domain_errors_as_pages
@require_POST
def switch_exemption(request: HttpRequest, exemption_id: int) -> HttpResponse:
    account = access.require_usage_reader(request.account)
    enabled = request.POST.get("enabled") == "1"
    actions.switch_exemption(account_id=account.pk, exemption_id=exemption_id, enabled=enabled)
    messages.success(
        request,
        "Exemption switched on." if enabled else "Exemption switched off: views are billed.",
    )
    return redirect("billing:client_code")


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def payments_page(request: HttpRequest) -> HttpResponse:
    account = access.require_account(request.account)
    now = clock.now()
    actions.record_invoice_payments(account_id=account.pk)
    statements = list(queries.statements_of(account.pk, now=now))
    payable = next((s for s in statements if s.kind == "invoice"), None)
    owed = queries.owed_through(account.pk, payable.quarter) if payable else queries.ZERO
    methods = payments.stored_methods(payer_id=account.pk, now=now)
    form = PayInvoiceForm(
        request.POST or None,
        methods=[(m.id, f"{m.label} (expired)" if m.expired else m.label) for m in methods],
    )
    if request.method == "POST" and form.is_valid():
        if payable is None or owed <= 0:
            raise NotFound("There is no invoice to pay.")
        try:
            paid = actions.pay_invoice(
                account_id=account.pk, statement_id=payable.pk, **_method_or_card(form.cleaned_data)
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            show_on_form(form, error)
        else:
            messages.success(
                request,
                f"Thank you: your payment of ${owed} for {payable.quarter} is recorded, receipt "
                f"{paid.receipt_number} (in Payment history).",
            )
            return redirect("billing:payments")
    suspension = queries.suspension_of(account.pk, now=now)
    paid = {  # invoices with nothing owed any more, payments counted
        s.pk
        for s in statements
        if s.kind == "invoice" and queries.owed_through(account.pk, s.quarter) <= 0
    }
    return _mma(
        request, "payments.html",
        {"tab": "payments", "statements": statements, "payable": payable if owed > 0 else None,
         "paid": paid, "firm": firms.live_membership_of(account_id=account.pk),
         "owed": owed, "balance": queries.balance(account.pk), "form": form, "suspension": suspension},
        status=400 if request.method == "POST" else 200,
    )  # fmt: skip


def _method_or_card(data: dict) -> dict:
    if data.get("method_id"):
        return {"method_id": data["method_id"]}
    return {
        "card": payments.Card(
            number=(data.get("number") or "").replace(" ", ""),
            exp_month=data.get("exp_month") or 0,
            exp_year=data.get("exp_year") or 0,
            cvc=data.get("cvc") or "",
            name=data.get("name") or "",
        )
    }


@never_cache
@domain_errors_as_pages
@require_GET
def statement(request: HttpRequest, statement_id: int) -> HttpResponse:
    found = access.statement_for(request.account, statement_id)
    return _mma(
        request, "statement.html",
        {"tab": "payments", "statement": found, "lines": queries.statement_lines(found)},
    )  # fmt: skip


@never_cache
@domain_errors_as_pages
@require_GET
def statement_pdf(request: HttpRequest, statement_id: int) -> HttpResponse:
    found = access.statement_for(request.account, statement_id)
    title = f"PACER {found.get_kind_display()} {found.quarter}"
    body = text_pdf(
        statement_lines_text(found, request.account, queries.statement_lines(found)), title=title
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pacer-{found.kind}-{found.quarter}.pdf"'
    return response


@never_cache
@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def firm_usage(request: HttpRequest) -> HttpResponse:
    firm = access.require_firm_paa(request.account)
    rule_form = ClientCodeRuleForm(
        request.POST or None, initial={"required": firm.client_code_required}
    )
    if request.method == "POST" and rule_form.is_valid():
        firms.set_client_code_rule(
            firm_id=firm.firm_id,
            actor_id=request.account.pk,
            required=rule_form.cleaned_data["required"],
        )
        messages.success(request, "Client code rule saved.")
        return redirect("billing:firm_usage")
    form = FirmUsageForm(request.GET or None)
    try:
        filters = _filtered(form) if request.GET else queries.UsageFilter()
    except InputInvalid as error:
        show_on_form(form, error)
        context = {"firm": firm, "form": form, "rule_form": rule_form, "rows": [], "totals": []}
        return render(request, "billing/firm_usage.html", context, status=400)
    rows = queries.usage(filters, now=clock.now(), billed_to_id=firm.paa_account_id)
    if request.GET.get("format") == "csv":
        return _csv("firm-pacer-usage", rows)
    return render(
        request, "billing/firm_usage.html",
        {"firm": firm, "form": form, "rule_form": rule_form, "rows": rows[:500],
         "totals": queries.usage_totals(rows)},
    )  # fmt: skip
