"""``/<court>/cgi-bin/show_multidocs.pl?caseid=<id>&arr_de_seq_nums=<entry id>``: all of an
entry's documents the person may open, as one PDF (CM/ECF's header on every page of each part)
or a zip of the parts.

GET is the cost confirmation: each part with its billable pages and cost (each document capped
at 30 pages, as on ``/doc1/``) and the total; "View Documents" (POST) charges each part once for
that view (the view's key is in the form: a reload is not charged again) and sends the file. The
record's one access rule decides which parts are listed; an entry with none the person may open
is missing, exactly as one that does not exist.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from decimal import Decimal

import pikepdf
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from openecf.billing import facade as billing
from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import signed_in_court, standing_of
from openecf.courts.models import Court
from openecf.docket import facade as docket
from openecf.documents import facade as documents
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.query_string import MOST_DIGITS
from openecf.reports.views.document import charge_document, header_of


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and 0 < len(text) <= MOST_DIGITS and int(text) else None


def _missing(court: Court) -> NotFound:
    return NotFound(f"{court.short_name} has no such entry with documents.")


def _parts(
    request: HttpRequest, court: Court
) -> tuple[RecordAccess, docket.RecordEntry, list[docket.RecordDocument]]:
    caseid = _number(request.GET.get("caseid", ""))
    entry_id = _number(request.GET.get("arr_de_seq_nums", "").split(",", 1)[0])
    if caseid is None or entry_id is None:
        raise InputInvalid(
            {
                "": "Name the case and the entry: show_multidocs.pl?caseid=<case id>"
                "&arr_de_seq_nums=<entry id>, both numbers."
            }  # fmt: skip
        )
    standing = standing_of(request, court)
    try:
        access = record_access(standing, caseid)
    except NotFound:
        raise _missing(court) from None
    entry = docket.record_entry(
        caseid=caseid, entry_id=entry_id, only=access.record_filter(zone=court.time_zone)
    )
    parts = [d for d in entry.documents if access.may_open(entry, d)] if entry else []
    if entry is None or not parts:
        raise _missing(court)
    return access, entry, parts


def _description(entry: docket.RecordEntry, part: docket.RecordDocument) -> str:
    return f"Image{entry.entry_number}-{part.attachment_number}"


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def show_multidocs(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="download documents")
    access, entry, parts = _parts(request, court)
    assert standing.account_id is not None
    if request.method == "GET":
        rows = []
        for part in parts:
            quote = billing.quote(
                account_id=standing.account_id,
                court_id=court.pk,
                kind=billing.AccessKind.DOCUMENT,
                pages=part.page_count,
                standing=standing,
            )
            rows.append({"part": part, "quote": quote, "description": _description(entry, part)})
        return render(
            request,
            "reports/multidocs_confirm.html",
            {
                "court": court,
                "case": access.case,
                "entry": entry,
                "rows": rows,
                "pages": sum(r["quote"].pages for r in rows),
                "total": sum((r["quote"].amount for r in rows), Decimal("0")),
                "view": secrets.token_hex(12),
                "now": f"{clock.in_zone(clock.now(), court.time_zone):%m/%d/%Y %H:%M:%S}",
                "username": getattr(getattr(request, "account", None), "username", ""),
                "client_code": billing.client_code_of(request),
                "action": request.get_full_path(),
            },
        )
    nonce = request.POST.get("view", "")
    if not (nonce.isalnum() and 0 < len(nonce) <= 40):
        raise InputInvalid({"view": "This download link is damaged: open the entry again."})
    as_zip = request.POST.get("zipit", "") == "1"
    for part in parts:
        charge_document(
            request,
            access,
            part,
            account_id=standing.account_id,
            view_key=f"{court.pk}:multidoc:{part.pacer_doc_id}-{part.attachment_number}:"
            f"{standing.account_id}:{nonce}",
            description=_description(entry, part),
        )
    name = f"{court.pk}-{access.case.case_number}-{entry.entry_number}".replace(":", "_")
    served = [
        (
            part,
            documents.served_pdf(
                stored_pdf_id=part.stored_pdf_id,
                header=header_of(access, entry, part.attachment_number, court.time_zone),
            ),
        )
        for part in parts
    ]
    body = _zip(entry, served) if as_zip else _one_pdf(served)
    response = HttpResponse(body, content_type="application/zip" if as_zip else "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{"zip" if as_zip else "pdf"}"'
    return response


def _one_pdf(served: list) -> bytes:
    """The parts' pages one after another, each part's CM/ECF header kept."""
    opened = []
    try:
        combined = pikepdf.new()
        for _part, stream in served:
            source = pikepdf.open(stream)
            opened.append(source)
            combined.pages.extend(source.pages)
        out = io.BytesIO()
        combined.save(out)
        return out.getvalue()
    finally:
        for source in opened:
            source.close()
        for _part, stream in served:
            stream.close()


def _zip(entry: docket.RecordEntry, served: list) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, stream in served:
            with stream:
                archive.writestr(
                    f"{entry.entry_number}-{part.attachment_number}.pdf", stream.read()
                )
    return out.getvalue()
