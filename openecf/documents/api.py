"""PDF intake API: check a PDF as a filing would, verify a stamped copy, a court's PDF rules."""

from __future__ import annotations

import dataclasses
from typing import Literal

from django.http import HttpRequest
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from openecf.core.api_auth import signed_in
from openecf.core.web import source_address
from openecf.courts import access
from openecf.courts import queries as court_queries
from openecf.documents import actions, queries
from openecf.documents.intake import CheckedPdf
from openecf.documents.privacy import KIND_LABELS

router = Router(tags=["documents"])


class PrivacyHitOut(Schema):
    page: int
    kind: Literal["ssn", "taxpayer_id", "birth_date", "account_number", "minor_name"]
    kind_label: str
    masked_excerpt: str


class CheckOut(Schema):
    file_name: str
    sha256: str
    size: int
    page_count: int
    has_text_layer: bool
    pages_without_text: list[int]
    flattened: bool
    warnings: list[str]
    privacy_hits: list[PrivacyHitOut]


def check_out(checked: CheckedPdf) -> dict:
    """What a program sees of a checked PDF: all but the intake copy's path, hits labelled."""
    out = dataclasses.asdict(checked)
    del out["path"]
    for hit in out["privacy_hits"]:
        hit["kind_label"] = KIND_LABELS[hit["kind"]]
    return out


@router.post(
    "/courts/{court_id}/documents/check",
    response=CheckOut,
    auth=signed_in,
    summary="Check a PDF as a filing would (nothing is kept)",
    description=(
        "CM/ECF's *Check PDF Document* utility: `multipart/form-data` with the file part "
        "`document` and, optionally, `find_minors=true` (look for minors' names too). A refused "
        "file answers 422 `pdf_refused` with the court's words naming the file and the reason. "
        "Privacy hits are masked; the full numbers are never returned or stored."
    ),
)
def check_document(
    request: HttpRequest,
    court_id: str,
    document: File[UploadedFile],
    find_minors: Form[bool] = False,
) -> dict:
    court = court_queries.get_court(court_id)
    checked = actions.check_for_filer(
        account_id=request.account.pk,
        court_id=court.pk,
        upload=document,
        file_name=document.name or "document.pdf",
        find_minors=find_minors,
    )
    return check_out(checked)


class VerdictOut(Schema):
    outcome: Literal["authentic", "altered", "unknown"]
    file_number: str
    stamped_on: str
    explanation: str


@router.post(
    "/courts/{court_id}/documents/verify",
    response=VerdictOut,
    summary="Verify a copy of a stamped document (public)",
    description=(
        "`multipart/form-data` with the file part `document` and, optionally, `stamp`: the "
        "electronic document stamp from the notice of electronic filing, `[STAMP ...]`. "
        "`authentic`: the copy is the document the court stamped (or the copy it served with "
        "its header); `altered`: the stamp is the court's but the copy differs; `unknown`: "
        "the court stamped nothing like it (or the stamp is not its own)."
    ),
)
def verify_document(
    request: HttpRequest, court_id: str, document: File[UploadedFile], stamp: Form[str] = ""
) -> dict:
    verdict = actions.verify_copy(
        court_id=court_id, upload=document, stamp=stamp, source_address=source_address(request)
    )
    return dataclasses.asdict(verdict)


class PdfRulesOut(Schema):
    court_id: str
    size_limit_mb: int
    fillable_forms: Literal["refuse", "flatten"]
    wording: dict[str, str]
    default_wording: dict[str, str]


class PdfRulesIn(Schema):
    fillable_forms: Literal["refuse", "flatten"]
    wording: dict[str, str] = {}


def _rules_out(court_id: str) -> dict:
    court = court_queries.get_court(court_id)
    found = queries.pdf_rules(court_id=court.pk, size_limit_mb=court.pdf_size_limit_mb)
    return dataclasses.asdict(found)


@router.get(
    "/courts/{court_id}/pdf-rules",
    response=PdfRulesOut,
    summary="A court's PDF rules (public)",
    description=(
        "The size limit (set in the court's settings), whether fillable forms are refused or "
        "flattened, and the words of each refusal: the court's own (`wording`) where it has "
        "them, else CM/ECF's (`default_wording`)."
    ),
)
def get_pdf_rules(request: HttpRequest, court_id: str) -> dict:
    return _rules_out(court_id)


@router.put(
    "/courts/{court_id}/pdf-rules",
    response=PdfRulesOut,
    auth=signed_in,
    summary="Change a court's PDF rules (clerk's office)",
    description="`wording`: refusal reason → the court's sentence; a reason left out uses CM/ECF's.",
)
def put_pdf_rules(request: HttpRequest, court_id: str, payload: PdfRulesIn) -> dict:
    court = access.clerk_court(request, court_id, what="PDF rules")
    actions.update_pdf_rules(
        actor_id=request.account.pk,
        court_id=court.pk,
        fillable_forms=payload.fillable_forms,
        wording=payload.wording,
    )
    return _rules_out(court.pk)
