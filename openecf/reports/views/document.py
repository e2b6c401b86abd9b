"""``/<court>/doc1/<id>``: CM/ECF's document view, under the record's one access rule.

The id is CM/ECF's (``courts.doc_ids``: the court's prefix, the switch digit, the number).
With the switch at 0 and attachments the person may open, the **attachment page** lists the
parts; otherwise the **cost confirmation** (CM/ECF's receipt table: pages and cost) offers
"View Document", whose POST charges the view once (its key is in the form) and sends the PDF
with the CM/ECF header on every page. A notice's link (``magic_num``) gives its one free look
(``notices.facade.use_free_look``). A sealed case, entry or document, a restricted document
for a non-participant and, in a Social Security or immigration case, anything but the court's
orders for a remote non-participant are missing, exactly as a document that does not exist.
"""

from __future__ import annotations

import secrets

from django.core import signing
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from openecf.billing import facade as billing
from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound, NotSignedIn
from openecf.core.web import domain_errors_as_pages
from openecf.courts import doc_ids
from openecf.courts.access import Standing, standing_of
from openecf.courts.models import Court
from openecf.courts.queries import get_court
from openecf.docket import facade as docket
from openecf.documents import facade as documents
from openecf.notices import facade as notices
from openecf.reports import sheet
from openecf.reports.access import RecordAccess, record_access

FREE_LOOK_SALT = "reports.free_look"
FREE_LOOK_SECONDS = 3600  # the free look's "View Document" button stays good this long


def _missing(court: Court, given: str) -> NotFound:
    return NotFound(f"{court.short_name} has no document {given}.")


def part_link(court_id: str, doc: docket.RecordDocument, main: docket.RecordDocument) -> str:
    """``/<court>/doc1/<id>``; a part sharing the main document's id names its number."""
    path = f"/{court_id}/doc1/{doc.pacer_doc_id}"
    if doc.attachment_number and doc.pacer_doc_id == main.pacer_doc_id:
        path += f"?attachment_number={doc.attachment_number}"
    return path


def header_of(access: RecordAccess, entry: docket.RecordEntry, part: int, zone: str) -> str:
    number = f"{entry.entry_number}-{part}" if part else str(entry.entry_number)
    filed = clock.in_zone(entry.filed_at, zone)
    return f"Case {access.case.shown_number} Document {number} Filed {filed:%m/%d/%y}"


def find_document(court: Court, doc_id: str, chosen: str) -> tuple[int, docket.DocumentAt]:
    """The court's document ``doc_id`` (CM/ECF's id; ``chosen``: the part, when the parts
    share it), whoever may open it; not found for any other shape or court."""
    number = doc_ids.document_number(court.pk, doc_id)
    if number is None or not chosen.isdigit() or len(chosen) > 4:
        raise _missing(court, doc_id)
    found = docket.document_at(court_id=court.pk, number=number, attachment_number=int(chosen))
    if found is None:
        raise _missing(court, doc_id)
    return number, found


def part_to_open(
    court: Court,
    doc_id: str,
    standing: Standing,
    found: docket.DocumentAt,
    *,
    caseid: int | None = None,
) -> tuple[RecordAccess, list[docket.RecordDocument], docket.RecordDocument]:
    """The record's one rule on a found document: the person's access, the entry's parts they
    may open, and the part asked for; not found, as a missing one, when they may not (or when
    it is not of ``caseid``, if given)."""
    if caseid is not None and found.caseid != caseid:
        raise _missing(court, doc_id)
    try:
        access = record_access(standing, found.caseid)
    except NotFound:
        raise _missing(court, doc_id) from None
    entry = found.entry
    parts = [d for d in entry.documents if access.may_open(entry, d)]
    wanted = next((d for d in parts if d.attachment_number == found.attachment_number), None)
    if wanted is None:
        raise _missing(court, doc_id)
    return access, parts, wanted


def document_key(court_id: str, doc: docket.RecordDocument, account_id: int, nonce: str) -> str:
    """The view's key in billing: one charge per view of this part by this person."""
    return f"{court_id}:doc:{doc.pacer_doc_id}-{doc.attachment_number}:{account_id}:{nonce}"


def charge_document(
    request: HttpRequest,
    access: RecordAccess,
    doc: docket.RecordDocument,
    *,
    account_id: int,
    view_key: str,
    description: str,
    free_look: bool = False,
) -> None:
    """Charge the person for opening one document of the case (once per ``view_key``).

    Billing gets the viewer's standing (``access.standing``, computed once per request) and
    username, so it reads neither the court, its staff nor the account again."""
    billing.charge(
        view_key=view_key,
        account_id=account_id,
        court_id=access.case.court_id,
        kind=billing.AccessKind.DOCUMENT,
        pages=doc.page_count,
        description=description,
        criteria=access.case.shown_number,
        client_code=billing.client_code_of(request),
        free_look=free_look,
        standing=access.standing,
        username=request.account.username,
    )


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def document(request: HttpRequest, court_id: str, doc_id: str) -> HttpResponse:
    court = get_court(court_id)
    number, found = find_document(court, doc_id, request.GET.get("attachment_number", "0"))
    standing = standing_of(request, court)
    free_look = ""
    token = request.GET.get("magic_num", "")
    if token and request.method == "GET":
        free_look = notices.use_free_look(
            court_id=court.pk,
            doc_id=doc_ids.doc_id(court.pk, number),
            token=token,
            account_id=standing.account_id,
        )
    if free_look == "sign_in" or (not standing.is_signed_in and free_look != "free"):
        if request.method == "POST" and _free_look_of(request, court.pk, number, found):
            free_look = "free"
        else:
            raise NotSignedIn("Sign in with your PACER account to view this document.")
    access, parts, wanted = part_to_open(court, doc_id, standing, found)
    entry = found.entry
    main = next((d for d in parts if d.attachment_number == 0), None)
    show_menu = doc_id[3] == "0" and main is wanted and len(parts) > 1
    if request.method == "GET" and show_menu and not free_look:
        return render(
            request,
            "reports/attachment_page.html",
            {
                "court": court,
                "case": access.case,
                "entry": entry,
                "rows": sheet.attachment_rows(
                    caseid=access.case.caseid,
                    entry=entry,
                    parts=[(d, part_link(court.pk, d, wanted)) for d in parts],
                ),
            },
        )
    description = f"Image{entry.entry_number}-{wanted.attachment_number}"
    if request.method == "GET":
        quote = (
            billing.quote(
                account_id=standing.account_id,
                court_id=court.pk,
                kind=billing.AccessKind.DOCUMENT,
                pages=wanted.page_count,
                free_look=free_look == "free",
                standing=standing,
            )
            if standing.account_id is not None
            else None
        )
        proof = (
            signing.dumps([court.pk, number, wanted.attachment_number], salt=FREE_LOOK_SALT)
            if free_look == "free"
            else ""
        )
        return render(
            request,
            "reports/document_confirm.html",
            {
                "court": court,
                "case": access.case,
                "doc": wanted,
                "quote": quote,
                "free_look": free_look,
                "proof": proof,
                "view": secrets.token_hex(12),
                "now": f"{clock.in_zone(clock.now(), court.time_zone):%m/%d/%Y %H:%M:%S}",
                "username": getattr(getattr(request, "account", None), "username", ""),
                "client_code": billing.client_code_of(request),
                "description": description,
                "action": request.get_full_path(),
            },
        )
    if standing.account_id is not None:
        nonce = request.POST.get("view", "")
        if not (nonce.isalnum() and 0 < len(nonce) <= 40):
            raise InputInvalid({"view": "This document link is damaged: open the document again."})
        charge_document(
            request,
            access,
            wanted,
            account_id=standing.account_id,
            view_key=document_key(court.pk, wanted, standing.account_id, nonce),
            description=description,
            free_look=bool(_free_look_of(request, court.pk, number, found)),
        )
    served = documents.served_pdf(
        stored_pdf_id=wanted.stored_pdf_id,
        header=header_of(access, entry, wanted.attachment_number, court.time_zone),
    )
    return FileResponse(
        served,
        content_type="application/pdf",
        filename=f"{court.pk}-{access.case.case_number}-{entry.entry_number}-"
        f"{wanted.attachment_number}.pdf".replace(":", "_"),
    )


def _free_look_of(
    request: HttpRequest, court_id: str, number: int, found: docket.DocumentAt
) -> bool:
    """Whether the form carries the proof of a free look just used for this very document."""
    proof = request.POST.get("free_look", "")
    if not proof:
        return False
    try:
        named = signing.loads(proof, salt=FREE_LOOK_SALT, max_age=FREE_LOOK_SECONDS)
    except signing.BadSignature:
        return False
    return bool(named == [court_id, number, found.attachment_number])
