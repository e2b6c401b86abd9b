"""The clerk's corrections and quality control of docket entries: nothing is ever deleted.

A corrected text keeps the one it replaces (``DocketTextRevision``); a stricken entry stays,
marked; sealing and restricting are flags. Each change is its own audit row (subject
``docket_entry:<id>``, or ``docket_document:<id>`` for one PDF) inside one durable transaction
that locks the case first and then the entry (ADR 0006). The queue of new filings: a filer's
entry waits as ``pending`` until a clerk accepts it or marks it deficient (the filer is told
through the outbox); a court that reviews before docketing keeps it off the public record
(``held``) until it is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import audit, clock, links, outbox
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts import doc_ids
from openecf.courts.access import standing_at
from openecf.courts.models import Court
from openecf.docket import access, announcements, letters, queries, rules
from openecf.docket.actions.filing import recorded_entry
from openecf.docket.errors import AlreadyReviewed
from openecf.docket.models import (
    ACCEPTED,
    DEFICIENT,
    DocketEntry,
    DocketTextRevision,
    Document,
    ReviewSetting,
)


@dataclass(frozen=True)
class DocumentFlags:
    """One document's new flags (None: unchanged). 0 is the main document."""

    attachment_number: int
    sealed: bool | None = None
    restricted: bool | None = None


@dataclass(frozen=True)
class Correction:
    """What the clerk changes on one entry; None (or nothing) leaves a thing as it is."""

    docket_text: str | None = None
    reason: str = ""
    sealed: bool | None = None
    stricken: bool | None = None
    links: tuple[int, ...] | None = None  # entry numbers, replacing the entry's links
    documents: tuple[DocumentFlags, ...] = ()


def _entry_for_clerk(*, actor_id: int, court: Court, caseid: int, entry_number: int) -> DocketEntry:
    """The clerk's standing is checked, then the entry (missing: EntryNotFound)."""
    access.require_docket_clerk(standing_at(court=court, account_id=actor_id))
    return queries.entry_at(court_id=court.pk, caseid=caseid, entry_number=entry_number)


def _locked(entry: DocketEntry) -> DocketEntry:
    cases.lock_case(caseid=entry.caseid)
    return DocketEntry.objects.select_for_update().get(pk=entry.pk)


def _audit(actor_id: int, entry: DocketEntry, verb: str, **details: Any) -> None:
    audit.record(
        actor_id=actor_id,
        verb=f"docket.{verb}",
        subject=audit.Subject("docket_entry", entry.pk),
        court_id=entry.court_id,
        details={"caseid": entry.caseid, "entry_number": entry.entry_number, **details},
    )


def note_last_public_entry(caseid: int) -> None:
    """Tell the case its newest entry on the public record ("My cases" shows its text), so a
    sealed or held entry never shows there. Inside the caller's transaction (case locked)."""
    last = (
        DocketEntry.objects.filter(caseid=caseid, sealed=False, held=False)
        .order_by("-entry_number")
        .first()
    )
    if last is None:
        cases.forget_last_entry(caseid=caseid)
    else:
        cases.note_entry(
            caseid=caseid,
            entry_number=last.entry_number,
            docket_text=last.docket_text,
            filed_at=last.filed_at,
        )


def correct_entry(
    *,
    actor_id: int,
    court: Court,
    caseid: int,
    entry_number: int,
    correction: Correction,
    now: datetime | None = None,
) -> list[str]:
    """Apply the clerk's correction to one entry; returns what changed (in a fixed order).

    Refused whole, with every problem, when any part is wrong; nothing is written then.
    """
    now = now or clock.now()
    entry = _entry_for_clerk(
        actor_id=actor_id, court=court, caseid=caseid, entry_number=entry_number
    )
    earlier = queries.entries_by_number(caseid=caseid, numbers=correction.links or ())
    given = [d.attachment_number for d in correction.documents]
    InputInvalid.raise_if(
        rules.correction_problems(
            docket_text=correction.docket_text,
            reason=correction.reason,
            links=correction.links,
            allowed_links=[n for n in earlier if n < entry_number],
            entry_number=entry_number,
            attachment_numbers=given,
            known_attachments=list(entry.documents.values_list("attachment_number", flat=True)),
        )
    )
    changed: list[str] = []
    reason = correction.reason.strip()
    with durable_action():
        entry = _locked(entry)
        text = correction.docket_text
        if text is not None and text.strip() != entry.docket_text:
            DocketTextRevision.objects.create(
                entry=entry,
                docket_text=entry.docket_text,
                replaced_at=now,
                replaced_by_id=actor_id,
                reason=reason,
            )
            _audit(
                actor_id,
                entry,
                "entry_text_corrected",
                before=entry.docket_text,
                after=text.strip(),
                reason=reason,
            )
            entry.docket_text = text.strip()
            entry.modified_at, entry.modified_by_id = now, actor_id
            changed.append("docket_text")
        if correction.links is not None:
            before = sorted(entry.links.values_list("entry_number", flat=True))
            if sorted(correction.links) != before:
                entry.links.set([earlier[n][0] for n in correction.links])
                _audit(
                    actor_id, entry, "entry_relinked", before=before, after=list(correction.links)
                )
                changed.append("links")
        if correction.stricken is not None and correction.stricken != entry.is_stricken:
            entry.stricken_at = now if correction.stricken else None
            verb = "entry_stricken" if correction.stricken else "entry_unstricken"
            _audit(actor_id, entry, verb, reason=reason)
            changed.append("stricken")
        if correction.sealed is not None and correction.sealed != entry.sealed:
            entry.sealed = correction.sealed
            _audit(actor_id, entry, "entry_sealed" if entry.sealed else "entry_unsealed")
            changed.append("sealed")
        entry.save()
        changed += _flag_documents(actor_id, entry, correction.documents)
        note_last_public_entry(caseid)
    return changed


def _flag_documents(
    actor_id: int, entry: DocketEntry, flags: tuple[DocumentFlags, ...]
) -> list[str]:
    changed: list[str] = []
    documents = {d.attachment_number: d for d in entry.documents.select_for_update()}
    for flag in flags:
        document = documents[flag.attachment_number]
        for name in ("sealed", "restricted"):
            wanted = getattr(flag, name)
            if wanted is None or wanted == getattr(document, name):
                continue
            Document.objects.filter(pk=document.pk).update(**{name: wanted})
            setattr(document, name, wanted)
            verb = {
                ("sealed", True): "document_sealed",
                ("sealed", False): "document_unsealed",
                ("restricted", True): "document_restricted",
                ("restricted", False): "document_unrestricted",
            }[(name, wanted)]
            audit.record(
                actor_id=actor_id,
                verb=f"docket.{verb}",
                subject=audit.Subject("docket_document", document.pk),
                court_id=entry.court_id,
                details={
                    "caseid": entry.caseid,
                    "entry_number": entry.entry_number,
                    "attachment_number": document.attachment_number,
                },
            )
            changed.append(f"documents.{document.attachment_number}.{name}")
    return changed


def accept_entry(*, actor_id: int, court: Court, caseid: int, entry_number: int) -> DocketEntry:
    """The clerk accepts a filing from the queue; a held one goes on the public record."""
    entry = _entry_for_clerk(
        actor_id=actor_id, court=court, caseid=caseid, entry_number=entry_number
    )
    with durable_action():
        entry = _locked(entry)
        if entry.review == ACCEPTED:
            raise AlreadyReviewed(f"Entry {entry_number} was already accepted: nothing to do.")
        was_held = entry.held
        entry.review, entry.held = ACCEPTED, False
        entry.reviewed_at, entry.reviewed_by_id = clock.now(), actor_id
        entry.save(update_fields=["review", "held", "reviewed_at", "reviewed_by"])
        _audit(actor_id, entry, "entry_accepted", was_held=was_held)
        if was_held:
            note_last_public_entry(caseid)
            announcements.announce(_recorded_on_acceptance(entry))
    return entry


def _recorded_on_acceptance(entry: DocketEntry) -> announcements.RecordedEntry:
    """A held filer's entry, announced (its notice written) once it is on the record."""
    return recorded_entry(
        entry,
        by_court=False,  # only filers' entries are held
        documents=tuple(
            announcements.RecordedDocument(
                doc_id=doc_ids.doc_id(entry.court_id, d.doc_id),
                attachment_number=d.attachment_number,
                description=d.description,
                file_name=d.file_name,
                stamp=d.stamp,
                sealed=d.sealed,
                restricted=d.restricted,
            )
            for d in entry.documents.order_by("attachment_number")
        ),
    )


def mark_deficient(
    *, actor_id: int, court: Court, caseid: int, entry_number: int, message: str
) -> DocketEntry:
    """The clerk marks a filing deficient and tells the filer (and their agent) why.

    The entry stays as it is on the record (after docketing) or off it (held, before).
    """
    entry = _entry_for_clerk(
        actor_id=actor_id, court=court, caseid=caseid, entry_number=entry_number
    )
    InputInvalid.raise_if(rules.deficiency_problems(message))
    case = cases.case(court_id=court.pk, caseid=caseid)
    with durable_action():
        entry = _locked(entry)
        if entry.review == DEFICIENT:
            raise AlreadyReviewed(f"Entry {entry_number} is already marked deficient.")
        entry.review, entry.deficiency = DEFICIENT, message.strip()
        entry.reviewed_at, entry.reviewed_by_id = clock.now(), actor_id
        entry.save(update_fields=["review", "deficiency", "reviewed_at", "reviewed_by"])
        people = [
            p
            for pid in dict.fromkeys(x for x in (entry.filed_by_id, entry.entered_by_id) if x)
            if (p := accounts.person(account_id=pid)) is not None and p.email
        ]
        _audit(
            actor_id,
            entry,
            "entry_deficient",
            message=entry.deficiency,
            told=[p.id for p in people],
        )
        if people:
            outbox.queue_letter(
                letters.deficiency_notice(
                    court_name=court.name,
                    short_name=court.short_name,
                    case_number=case.shown_number,
                    entry_number=entry.entry_number,
                    docket_text=entry.docket_text,
                    message=entry.deficiency,
                    held=entry.held,
                    link=links.absolute(reverse("docket:case_docket", args=[court.pk, caseid])),
                ),
                to=[p.email for p in people],
                kind="docket.deficiency",
                court_id=court.pk,
                key=f"entry:{entry.pk}:deficient",
            )
    return entry


def set_review_timing(*, actor_id: int, court: Court, review_before: bool) -> bool:
    """The court's setting: review new filings after docketing (False) or before (True).

    Returns whether it changed. Filings already made keep how they were filed.
    """
    access.require_docket_clerk(standing_at(court=court, account_id=actor_id))
    with durable_action():
        current = ReviewSetting.objects.select_for_update().filter(court=court).first()
        if (current.review_before if current else False) == review_before:
            return False
        ReviewSetting.objects.update_or_create(
            court=court, defaults={"review_before": review_before, "changed_at": clock.now()}
        )
        audit.record(
            actor_id=actor_id,
            verb="docket.review_timing_changed",
            subject=audit.Subject("court", court.pk),
            court_id=court.pk,
            details={"review": "before" if review_before else "after"},
        )
    return True
