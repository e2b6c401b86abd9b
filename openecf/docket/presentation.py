"""A case's docket as one viewer may see it: one builder for the API and the docket page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.courts.access import standing_of
from openecf.courts.models import Court
from openecf.docket import access, queries, rules
from openecf.docket.models import DocketEntry


def visible_case(request: HttpRequest, court: Court, caseid: int) -> tuple[Any, bool]:
    """The case and whether the viewer is court staff; a sealed case is missing to others."""
    standing = standing_of(request, court)
    case = cases.case(court_id=court.pk, caseid=caseid, standing=standing)
    return case, access.is_court_user(standing)


def entry_dict(entry: DocketEntry, zone: str, *, court_user: bool = False) -> dict[str, Any]:
    return {
        "entry_number": entry.entry_number,
        "docket_text": entry.docket_text,
        "filed_at": clock.in_zone(entry.filed_at, zone),
        "entered_at": clock.in_zone(entry.entered_at, zone),
        "event": entry.event.code,
        "sealed": entry.sealed,
        "stricken": entry.stricken_at is not None,
        "modified": entry.modified_at is not None,
        "modified_at": clock.in_zone(entry.modified_at, zone) if entry.modified_at else None,
        "held": entry.held,
        "review": entry.review if court_user else None,
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
    entries = queries.docket_of(
        caseid=caseid, sees_sealed=court_user, participant=participant, viewer_id=account_id
    )
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
        "entries": [entry_dict(e, court.time_zone, court_user=court_user) for e in entries],
    }


def _name(account: Any) -> str:
    return f"{account.first_name} {account.last_name}".strip() if account else ""


def clerk_entry_dict(entry: DocketEntry, zone: str) -> dict[str, Any]:
    """One entry as the clerk's office sees it: links, the deficiency, the text's history."""
    revisions = entry.revisions.select_related("replaced_by").order_by("replaced_at", "pk")
    return {
        **entry_dict(entry, zone, court_user=True),
        "links": sorted(entry.links.values_list("entry_number", flat=True)),
        "deficiency": entry.deficiency,
        "revisions": [
            {
                "docket_text": r.docket_text,
                "replaced_at": clock.in_zone(r.replaced_at, zone),
                "replaced_by": _name(r.replaced_by),
                "reason": r.reason,
            }
            for r in revisions
        ],
    }


def queue_with_case_numbers(court_id: str) -> list[tuple[DocketEntry, str]]:
    """The clerk's review queue, oldest first, each entry with its case's number (each case
    looked up once)."""
    numbers: dict[int, str] = {}
    rows = []
    for entry in queries.review_queue(court_id=court_id):
        if entry.caseid not in numbers:
            numbers[entry.caseid] = cases.case(court_id=court_id, caseid=entry.caseid).shown_number
        rows.append((entry, numbers[entry.caseid]))
    return rows


def queue_dict(entry: DocketEntry, zone: str, case_number: str) -> dict[str, Any]:
    return {
        "caseid": entry.caseid,
        "case_number": case_number,
        "entry_number": entry.entry_number,
        "docket_text": entry.docket_text,
        "event": entry.event.code,
        "filed_at": clock.in_zone(entry.filed_at, zone),
        "filed_by": _name(entry.filed_by),
        "entered_by": _name(entry.entered_by),
        "held": entry.held,
        "documents": len(entry.documents.all()),
        "privacy_confirmed": bool(entry.privacy_confirmed_reason),
    }


def docket_row(entry: DocketEntry, zone: str) -> dict[str, Any]:
    """One line of the docket page, as CM/ECF prints it: date filed, number, the text with
    "Modified on 4/25/2018 (cc)." when a clerk corrected it and "(Entered: 04/24/2018)"."""
    modified = ""
    if entry.modified_at is not None:
        by = entry.modified_by
        modified = rules.modified_marker(
            clock.in_zone(entry.modified_at, zone).date(),
            rules.staff_initials(by.first_name, by.last_name) if by else "",
        )
    return {
        "entry": entry,
        "filed_on": f"{clock.in_zone(entry.filed_at, zone):%m/%d/%Y}",
        "modified": modified,
        "entered": rules.entered_marker(clock.in_zone(entry.entered_at, zone).date()),
        "documents": list(entry.documents.all()),
    }
