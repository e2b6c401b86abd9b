"""Reads of PDF intake that pages and the API show."""

from __future__ import annotations

from dataclasses import dataclass

from openecf.documents import rules
from openecf.documents.models import PdfRules


@dataclass(frozen=True)
class CourtPdfRules:
    court_id: str
    size_limit_mb: int
    fillable_forms: str  # refuse | flatten
    wording: dict[str, str]  # only the court's own words
    default_wording: dict[str, str]


def pdf_rules(*, court_id: str, size_limit_mb: int) -> CourtPdfRules:
    found = PdfRules.objects.filter(court_id=court_id).first()
    return CourtPdfRules(
        court_id=court_id,
        size_limit_mb=size_limit_mb,
        fillable_forms=found.fillable_forms if found else PdfRules.Forms.REFUSE.value,
        wording=dict(found.wording) if found else {},
        default_wording=dict(rules.DEFAULT_WORDING),
    )
