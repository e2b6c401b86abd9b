"""What a person does with PDF intake directly: a court's PDF rules, the check utility and
the public verify page (both counted: each check costs a child process)."""

from __future__ import annotations

from datetime import timedelta

from openecf.core import audit, clock, throttle
from openecf.core.errors import InputInvalid, Throttled
from openecf.core.transactions import durable_action
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.documents import intake, rules, stamps
from openecf.documents.intake import CheckedPdf, Source
from openecf.documents.models import PdfRules


def update_pdf_rules(
    *, actor_id: int | None, court_id: str, fillable_forms: str, wording: dict[str, str]
) -> PdfRules:
    """Set whether the court refuses or flattens fillable forms, and its own refusal words.

    A reason's words left empty fall back to CM/ECF's (``rules.DEFAULT_WORDING``).
    """
    wording = {reason: words.strip() for reason, words in wording.items() if words.strip()}
    InputInvalid.raise_if(
        {
            **rules.wording_problems(wording),
            "fillable_forms": rules.forms_problems(fillable_forms),
        }
    )
    with durable_action():
        court = Court.objects.get(pk=court_id)
        found, _ = PdfRules.objects.select_for_update().get_or_create(court=court)
        before = {"fillable_forms": found.fillable_forms, "wording": dict(found.wording)}
        found.fillable_forms, found.wording = fillable_forms, wording
        found.save(update_fields=["fillable_forms", "wording"])
        audit.record(
            actor_id=actor_id,
            court_id=court.pk,
            verb="documents.pdf_rules_changed",
            subject=audit.Subject("court", court.pk),
            details={
                "before": before,
                "after": {"fillable_forms": fillable_forms, "wording": wording},
            },
        )
    return found


CHECKS_PER_HOUR = 60
VERIFICATIONS_PER_HOUR = 120


def count_check(*, key: str, limit: int) -> None:
    """Count one PDF check or verification; refuse past ``limit`` an hour (they cost CPU)."""
    with durable_action():
        within = throttle.count_attempt(
            key=f"documents:{key}", limit=limit, window=timedelta(hours=1), now=clock.now()
        )
    if not within:
        raise Throttled("Too many documents checked this hour. Wait an hour and try again.")


def check_for_filer(
    *, account_id: int, court_id: str, upload: Source, file_name: str, find_minors: bool
) -> CheckedPdf:
    """The "Check PDF Document" utility: check a PDF as a filing would, keep nothing."""
    count_check(key=f"check:{account_id}", limit=CHECKS_PER_HOUR)
    checked = intake.check_pdf(
        upload, court_id=court_id, file_name=file_name, find_minors=find_minors
    )
    intake.discard(checked)
    return checked


def verify_copy(
    *, court_id: str, upload: Source, stamp: str, source_address: str | None
) -> stamps.Verdict:
    """The public "Verify a document" page: is this copy what the court stamped?"""
    court = court_queries.get_court(court_id)
    count_check(key=f"verify:{source_address or 'unknown'}", limit=VERIFICATIONS_PER_HOUR)
    sha256, size = intake.sha256_of(upload, limit=rules.size_limit_bytes(court.pdf_size_limit_mb))
    if size > rules.size_limit_bytes(court.pdf_size_limit_mb):
        return stamps.Verdict(stamps.UNKNOWN, explanation=stamps.TOO_LARGE)
    return stamps.verify(court_id=court.pk, sha256=sha256, stamp=stamp)
