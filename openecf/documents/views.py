"""PDF intake pages: the Check PDF Document utility, the public verify page, the PDF rules."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.core.errors import DomainError
from openecf.core.web import domain_errors_as_pages, show_on_form, source_address
from openecf.courts import access
from openecf.courts import queries as court_queries
from openecf.documents import actions, queries, rules
from openecf.documents.forms import CheckPdfForm, PdfRulesForm, VerifyForm
from openecf.documents.privacy import KIND_LABELS


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def check_pdf_page(request: HttpRequest, court_id: str) -> HttpResponse:
    """CM/ECF's "Check PDF Document" (Utilities): the filing's check, nothing kept."""
    court = court_queries.get_court(court_id)
    standing = access.standing_of(request, court)
    access.require_signed_in(standing, to="check a PDF document")
    form = CheckPdfForm(request.POST or None, request.FILES or None)
    checked = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            checked = actions.check_for_filer(
                account_id=request.account.pk,
                court_id=court.pk,
                upload=upload,
                file_name=upload.name,
                find_minors=form.cleaned_data["find_minors"],
            )
        except DomainError as refused:
            show_on_form(form, refused)
    hits = [(hit, KIND_LABELS[hit.kind]) for hit in checked.privacy_hits] if checked else []
    limit = court.pdf_size_limit_mb
    return render(
        request,
        "documents/check_pdf.html",
        {"court": court, "form": form, "checked": checked, "hits": hits, "limit": limit},
        status=422 if form.errors else 200,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest, court_id: str) -> HttpResponse:
    """Public: is this copy the document the court stamped?"""
    court = court_queries.get_court(court_id)
    form = VerifyForm(request.POST or None, request.FILES or None)
    verdict = None
    if request.method == "POST" and form.is_valid():
        try:
            verdict = actions.verify_copy(
                court_id=court.pk,
                upload=form.cleaned_data["document"],
                stamp=form.cleaned_data["stamp"],
                source_address=source_address(request),
            )
        except DomainError as refused:
            show_on_form(form, refused)
    return render(
        request,
        "documents/verify.html",
        {"court": court, "form": form, "verdict": verdict},
        status=422 if form.errors else 200,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def pdf_rules_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = access.clerk_court(request, court_id, what="PDF rules page")
    found = queries.pdf_rules(court_id=court.pk, size_limit_mb=court.pdf_size_limit_mb)
    form = PdfRulesForm(
        request.POST or None,
        initial=PdfRulesForm.initial_from(found.fillable_forms, found.wording),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_pdf_rules(
                actor_id=request.account.pk,
                court_id=court.pk,
                fillable_forms=form.cleaned_data["fillable_forms"],
                wording=form.wording(),
            )
        except DomainError as refused:
            show_on_form(form, refused, aliases={r: f"wording_{r}" for r in rules.REASONS})
        else:
            messages.success(request, f"PDF rules for {court.short_name} saved.")
            return redirect("documents:pdf_rules", court_id=court.pk)
    return render(
        request,
        "documents/pdf_rules.html",
        {"court": court, "form": form, "rules": found},
        status=422 if form.errors else 200,
    )
