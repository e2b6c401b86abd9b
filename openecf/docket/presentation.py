"""A case's docket as one viewer may see it: one builder for the API and the docket page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.docket import access, queries
from openecf.docket.models import DocketEntry


def visible_case(request: HttpRequest, court: Court, caseid: int) -> tuple[Any, bool]:
    """The case and whether the viewer is court staff; a sealed case is missing to others."""
    standing = standing_of(request, court)
    case = cases.case(court_id=court.pk, caseid=caseid, standing=standing)
    return case, access.is_court_user(standing)


def entry_dict(entry: DocketEntry, zone: str) -> dict[str, Any]:
    return {
        "entry_number": entry.entry_number,
        "docket_text": entry.docket_text,
        "filed_at": clock.in_zone(entry.filed_at, zone),
        "entered_at": clock.in_zone(entry.entered_at, zone),
        "event": entry.event.code,
        "sealed": entry.sealed,
        "stricken": entry.stricken_at is not None,
        "modified": entry.modified_at is not None,
        "documents": [
            {
                "doc_id": d.doc_id,
                "attachment_number": d.attachment_number,
                "description": d.description,
                "page_count": d.stored_pdf.page_count,
                "sealed": d.sealed,
                "restricted": d.restricted,
            }
            for d in entry.documents.all()
        ],
    }


def case_docket(request: HttpRequest, court: Court, caseid: int) -> dict[str, Any]:
    """``{"caseid", "case_number", "title", "parties", "entries"}`` for this viewer."""
    case, court_user = visible_case(request, court, caseid)
    parties = cases.parties(caseid=caseid)
    account_id = getattr(getattr(request, "account", None), "pk", None)
    participant = court_user or any(
        a.account_id == account_id for p in parties for a in p.attorneys if a.terminated_on is None
    )
    entries = queries.docket_of(caseid=caseid, sees_sealed=court_user, participant=participant)
    return {
        "caseid": case.caseid,
        "court_id": court.pk,
        "case_number": case.case_number,
        "title": case.title,
        "sealed": case.sealed,
        "parties": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "attorneys": [
                    {
                        "username": a.username,
                        "name": a.name,
                        "lead": a.lead,
                        "to_be_noticed": a.to_be_noticed,
                    }
                    for a in p.attorneys
                    if a.terminated_on is None
                ],
            }
            for p in parties
        ],
        "entries": [entry_dict(e, court.time_zone) for e in entries],
    }
