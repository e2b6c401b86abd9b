"""Filing an entry into a case: every check first, the fee next, then one durable transaction.

The order keeps the record whole: the PDFs are checked (``documents.facade.check_pdf``) and
the privacy check's hits shown before anything is written; the fee is paid through
``payments.facade.pay`` outside any transaction (``purpose_ref`` ``docket.draft:<id>`` makes a
repeat answer the same payment); then one transaction locks the case
(``cases.facade.lock_case``, the first lock of ADR 0006), takes the next entry number, keeps
the PDFs (``documents.facade.keep``: no stored file survives a rollback), writes the entry, its
Document rows and stamps, and one audit row. A crash anywhere leaves either the whole entry or
nothing (the paid fee is found again by ``payments.facade.payment_for``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max

from openecf.cases import facade as cases
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts import doc_ids
from openecf.courts.access import standing_at
from openecf.courts.fees import fee_amount
from openecf.courts.models import Court
from openecf.docket import access, announcements, queries, rules
from openecf.docket.actions.catalogue import ensure_catalogue
from openecf.docket.errors import PrivacyCheckHits, RedactionNotConfirmed
from openecf.docket.models import (
    ACCEPTED,
    PENDING,
    ClaimAmounts,
    DocketEntry,
    Document,
    Event,
    FilingDraft,
)
from openecf.documents import facade as documents
from openecf.payments import facade as payments

if TYPE_CHECKING:
    from openecf.accounts.models import Account


@dataclass(frozen=True)
class Upload:
    """A file given for a filing: the main document or an attachment, in order."""

    source: IO[bytes]
    file_name: str
    kind: str = ""  # attachment type, e.g. "Exhibit"
    description: str = ""  # e.g. "A"


@dataclass(frozen=True)
class FilingChoices:
    """What the filer chose, in CM/ECF's order of screens."""

    event: str
    filer_parties: tuple[int, ...] = ()
    against_parties: tuple[int, ...] = ()
    links: tuple[int, ...] = ()
    modifier: str = ""
    free_text: str = ""
    sealed: bool = False
    redaction_confirmed: bool = False
    privacy_reason: str | None = None  # given: the filer confirms the privacy check's hits
    on_behalf_of: int | None = None  # a filing agent names the attorney they file for
    lead: bool = False  # a first filing for a party: the attorney's flags
    to_be_noticed: bool = True
    claim: rules.ClaimAmounts | None = None  # a proof of claim's amounts (Official Form 410)

    @classmethod
    def of(cls, **given: Any) -> FilingChoices:
        """From plain values (lists become tuples, a claim's amounts a ``ClaimAmounts``, an
        empty one none); names that are not choices are ignored."""
        names = cls.__dataclass_fields__
        chosen: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in given.items()
            if name in names
        }
        if isinstance(chosen.get("claim"), dict):
            amounts = {k: Decimal(str(v)) for k, v in chosen["claim"].items() if v is not None}
            chosen["claim"] = rules.ClaimAmounts(**amounts) if amounts else None
        return cls(**chosen)


@dataclass(frozen=True)
class FeeChoice:
    """How the filer pays an event's fee: a stored payment method or a card."""

    method_id: int | None = None
    card: payments.Card | None = None


@dataclass(frozen=True)
class FiledDocument:
    doc_id: int
    attachment_number: int
    description: str
    page_count: int
    sha256: str
    stamp: str


@dataclass(frozen=True)
class FiledEntry:
    entry_id: int
    court_id: str
    caseid: int
    entry_number: int
    docket_text: str
    filed_at: datetime
    sealed: bool
    documents: tuple[FiledDocument, ...]
    receipt_number: str = ""
    held: bool = False  # the court reviews before docketing: off the record until accepted


@dataclass(frozen=True)
class CheckedUpload:
    checked: Any  # documents.facade.CheckedPdf
    kind: str
    description: str


@dataclass
class PreparedFiling:
    """A filing whose every check passed: what the transaction writes."""

    court: Court
    caseid: int
    event: Event
    filer: access.Filer
    choices: FilingChoices
    parts: rules.TextParts
    uploads: list[CheckedUpload] = field(default_factory=list)
    link_ids: list[int] = field(default_factory=list)
    fee: Decimal | None = None
    new_representation: list[int] = field(default_factory=list)  # party ids
    new_pro_se: int | None = None  # the party a pro se filer's first filing links them to


def _hit_json(file_name: str, hit: Any) -> dict[str, Any]:
    return {
        "file": file_name,
        "page": hit.page,
        "kind": hit.kind,
        "masked_excerpt": hit.masked_excerpt,
    }


def privacy_hits(uploads: Sequence[CheckedUpload]) -> list[dict[str, Any]]:
    """The privacy check's hits across the filing's PDFs (names of minors where the event
    asks): file, page, kind and a masked excerpt, never the number itself."""
    return [
        _hit_json(upload.checked.file_name, hit)
        for upload in uploads
        for hit in upload.checked.privacy_hits
    ]


def plan_filing(
    *,
    account: Account,
    court: Court,
    caseid: int,
    choices: FilingChoices,
    has_document: bool,
    attachment_labels: Sequence[tuple[str, str]] = (),
    redaction_acknowledged: bool | None = None,
    now: datetime,
) -> PreparedFiling:
    """Every check of a filing's choices, in CM/ECF's order, and its docket text (no PDFs yet).

    ``attachment_labels`` are the attachments' (type, description), in order. The filing
    pages show the final text from this plan before the PDFs are checked at submission.
    """
    ensure_catalogue(court_id=court.pk)
    event = queries.event(court_id=court.pk, code=choices.event)
    standing = standing_at(court=court, account_id=account.pk)
    cases.case(court_id=court.pk, caseid=caseid, standing=standing)  # CaseNotFound if not
    filer = access.filer_for(
        account=account,
        standing=standing,
        court=court,
        event=event,
        on_behalf_of=choices.on_behalf_of,
        now=now,
        redaction_acknowledged=redaction_acknowledged,
    )
    parties = cases.parties(caseid=caseid)
    names = {p.id: p.name for p in parties}
    earlier = queries.entries_by_number(
        caseid=caseid, numbers=choices.links, public_only=not filer.is_court
    )
    InputInvalid.raise_if(
        rules.filing_problems(
            needs_link=event.needs_link,
            links=choices.links,
            allowed_links=list(earlier),
            asks_against=event.asks_against,
            against=choices.against_parties,
            filer_parties=choices.filer_parties,
            party_ids=list(names),
            court_event=filer.is_court,
            text_only=event.text_only,
            has_document=has_document,
            sealed=choices.sealed,
            may_be_sealed=event.may_be_sealed or filer.is_court,
            modifier=choices.modifier,
            free_text=choices.free_text,
            descriptions=[description or kind for kind, description in attachment_labels],
        )
        | rules.claim_problems(choices.claim, is_claim=event.code == queries.PROOF_OF_CLAIM)
    )
    represented = {
        p.id
        for p in parties
        for a in p.attorneys
        if a.account_id == filer.filed_by_id and a.terminated_on is None
    }
    amount = fee_amount(court_id=court.pk, kind=event.fee_kind) if event.fee_kind else None
    parts = rules.TextParts(
        event_name=event.name,
        template=event.template,
        modifier=choices.modifier,
        free_text=choices.free_text,
        filers=[names[p] for p in choices.filer_parties],
        against=[names[p] for p in choices.against_parties],
        links=[rules.LinkedEntry(n, earlier[n][1]) for n in choices.links],
        attachments=[rules.attachment_label(k, d) for k, d in attachment_labels],
        signature=filer.signature,
    )
    return PreparedFiling(
        court=court,
        caseid=caseid,
        event=event,
        filer=filer,
        choices=choices,
        parts=parts,
        link_ids=[earlier[n][0] for n in choices.links],
        fee=amount if amount and not filer.is_court else None,
        new_representation=[
            p for p in choices.filer_parties if filer.may_represent and p not in represented
        ],
        new_pro_se=access.pro_se_party(filer, parties, choices.filer_parties),
    )


def check_documents(prepared: PreparedFiling, uploads: Sequence[Upload]) -> None:
    """ "Have you redacted?", then each PDF's check and the privacy check's hits.

    The checked PDFs go on ``prepared.uploads``; on a refusal their temporary copies go.
    """
    choices = prepared.choices
    if uploads and not prepared.filer.is_court and not choices.redaction_confirmed:
        raise RedactionNotConfirmed(
            "Have you redacted? Confirm that the documents comply with the redaction rules "
            "(Fed. R. Civ. P. 5.2, Fed. R. Bankr. P. 9037, Fed. R. Crim. P. 49.1) before filing."
        )
    with discarded_on_failure(prepared.uploads):
        for upload in uploads:
            checked = documents.check_pdf(
                upload.source,
                court_id=prepared.court.pk,
                file_name=upload.file_name,
                find_minors=prepared.event.checks_minors,
            )
            prepared.uploads.append(CheckedUpload(checked, upload.kind, upload.description))
        hits = privacy_hits(prepared.uploads)
        if hits and not (choices.privacy_reason or "").strip():
            raise PrivacyCheckHits(
                f"The privacy check found {len(hits)} possible personal identifier(s): replace "
                "the file with a redacted one, or confirm that it may be filed as it is and say "
                "why.",
                hits,
            )


def prepare_filing(
    *,
    account: Account,
    court: Court,
    caseid: int,
    choices: FilingChoices,
    document: Upload | None,
    attachments: Sequence[Upload] = (),
    redaction_acknowledged: bool | None = None,
    now: datetime,
) -> PreparedFiling:
    """Every check of a filing, the PDFs included, before anything is written or paid."""
    prepared = plan_filing(
        account=account,
        court=court,
        caseid=caseid,
        choices=choices,
        has_document=document is not None,
        attachment_labels=[(a.kind, a.description) for a in attachments],
        redaction_acknowledged=redaction_acknowledged,
        now=now,
    )
    check_documents(prepared, ([document] if document else []) + list(attachments))
    return prepared


@contextmanager
def discarded_on_failure(uploads: Sequence[CheckedUpload]) -> Iterator[None]:
    """Forget the checked PDFs' temporary copies when the filing stops here."""
    try:
        yield
    except BaseException:
        for upload in uploads:
            documents.discard(upload.checked)
        raise


def pay_fee(
    prepared: PreparedFiling, *, account: Account, draft: FilingDraft, fee: FeeChoice | None
) -> rules.FeePaid | None:
    """Pay the event's fee (outside any transaction); None when it has none."""
    if prepared.fee is None:
        return None
    if fee is None or (fee.method_id is None and fee.card is None):
        raise InputInvalid(
            {"payment": [f"This filing costs ${prepared.fee}: pay with a card or a stored method."]}
        )
    paid = payments.pay(
        payer_id=account.pk,
        court_id=prepared.court.pk,
        purpose="filing_fee",
        purpose_ref=draft.purpose_ref,
        description=f"{prepared.event.name} (case {prepared.caseid})",
        amount=prepared.fee,
        method_id=fee.method_id,
        card=fee.card,
    )
    return rules.FeePaid(paid.amount, paid.receipt_number)


def preview_text(prepared: PreparedFiling) -> str:
    """The final docket text for review (the receipt number is known once paid)."""
    if prepared.fee is None:
        return rules.docket_text(prepared.parts)
    return rules.docket_text(
        replace(prepared.parts, fee=rules.FeePaid(prepared.fee, "(given once paid)"))
    )


def record_entry(
    prepared: PreparedFiling, *, fee: rules.FeePaid | None, now: datetime
) -> FiledEntry:
    """Write the entry, its documents and its audit row, inside the caller's transaction.

    The caller holds the case lock (``cases.facade.lock_case``) or has just opened the case in
    the same transaction (entry 1). Plain ``transaction.atomic()``.
    """
    choices, filer, court = prepared.choices, prepared.filer, prepared.court
    text = rules.docket_text(replace(prepared.parts, fee=fee))
    # A filer's entry goes to the clerk's review queue; the court's own entries need none.
    held = not filer.is_court and queries.reviews_before(court_id=court.pk)
    with transaction.atomic():
        for party_id in prepared.new_representation:
            cases.add_attorney_of_record(
                caseid=prepared.caseid,
                party_id=party_id,
                account_id=filer.filed_by_id,
                lead=choices.lead,
                to_be_noticed=choices.to_be_noticed,
                on=clock.in_zone(now, court.time_zone).date(),
                actor_id=filer.entered_by_id,
            )
        if prepared.new_pro_se is not None:
            cases.add_pro_se_filer(
                caseid=prepared.caseid,
                party_id=prepared.new_pro_se,
                account_id=filer.filed_by_id,
                actor_id=filer.entered_by_id,
            )
        last = DocketEntry.objects.filter(caseid=prepared.caseid).aggregate(m=Max("entry_number"))
        entry = DocketEntry.objects.create(
            court=court,
            caseid=prepared.caseid,
            entry_number=rules.next_entry_number(last["m"]),
            event=prepared.event,
            docket_text=text,
            filed_at=now,
            entered_at=now,
            filed_by_id=filer.filed_by_id,
            entered_by_id=filer.entered_by_id,
            filer_party_ids=list(choices.filer_parties),
            against_party_ids=list(choices.against_parties),
            modifier=choices.modifier,
            free_text=choices.free_text,
            fee_amount=fee.amount if fee else None,
            fee_receipt=fee.receipt_number if fee else "",
            redaction_confirmed=choices.redaction_confirmed,
            privacy_confirmed_reason=(choices.privacy_reason or "").strip(),
            sealed=choices.sealed,
            review=ACCEPTED if filer.is_court else PENDING,
            held=held,
        )
        if prepared.link_ids:
            entry.links.set(prepared.link_ids)
        if choices.claim is not None:
            ClaimAmounts.objects.create(
                entry=entry,
                amount_claimed=choices.claim.amount_claimed,
                secured=choices.claim.secured,
                priority=choices.claim.priority,
            )
        filed = [
            _keep_document(entry, number, upload, now)
            for number, upload in enumerate(prepared.uploads)
        ]
        if entry.on_public_record:
            cases.note_entry(
                caseid=prepared.caseid,
                entry_number=entry.entry_number,
                docket_text=text,
                filed_at=now,
            )
        if prepared.event.ends_case:
            cases.end_case(
                court_id=court.pk,
                caseid=prepared.caseid,
                on=clock.in_zone(now, court.time_zone).date(),
                actor_id=filer.entered_by_id,
            )
        audit.record(
            actor_id=filer.entered_by_id,
            verb="docket.entry_filed",
            subject=audit.Subject("docket_entry", entry.pk),
            court_id=court.pk,
            details={
                "caseid": prepared.caseid,
                "entry_number": entry.entry_number,
                "event": prepared.event.code,
                "filed_by": filer.filed_by_id,
                "entered_by": filer.entered_by_id,
                "documents": [d.sha256 for d in filed],
                "fee_receipt": entry.fee_receipt,
                "sealed": entry.sealed,
                "privacy_confirmed": bool(entry.privacy_confirmed_reason),
                "review": entry.review,
                "held": entry.held,
                "claim": (
                    {name: str(getattr(choices.claim, name)) for name in rules.CLAIM_FIELDS}
                    if choices.claim
                    else None
                ),
            },
        )
        if not entry.held:  # a held entry is announced when the clerk accepts it
            announcements.announce(_recorded(entry, prepared, filed))
    return FiledEntry(
        entry_id=entry.pk,
        court_id=court.pk,
        caseid=prepared.caseid,
        entry_number=entry.entry_number,
        docket_text=text,
        filed_at=now,
        sealed=entry.sealed,
        documents=tuple(filed),
        receipt_number=entry.fee_receipt,
        held=entry.held,
    )


def recorded_entry(
    entry: DocketEntry,
    *,
    by_court: bool,
    documents: tuple[announcements.RecordedDocument, ...],
) -> announcements.RecordedEntry:
    """The entry's facts for its announcement (notices): frozen values, no models."""
    return announcements.RecordedEntry(
        court_id=entry.court_id,
        caseid=entry.caseid,
        entry_id=entry.pk,
        entry_number=entry.entry_number,
        event_code=entry.event.code,
        event_name=entry.event.name,
        docket_text=entry.docket_text,
        filed_at=entry.filed_at,
        entered_at=entry.entered_at,
        filed_by_id=entry.filed_by_id,
        entered_by_id=entry.entered_by_id,
        filer_party_ids=tuple(entry.filer_party_ids),
        by_court=by_court,
        sealed=entry.sealed,
        text_only=not documents,
        is_transcript="transcript" in entry.event.code,
        documents=documents,
    )


def _recorded(
    entry: DocketEntry, prepared: PreparedFiling, filed: list[FiledDocument]
) -> announcements.RecordedEntry:
    """The entry just filed, with the documents kept for it."""
    return recorded_entry(
        entry,
        by_court=prepared.filer.is_court,
        documents=tuple(
            announcements.RecordedDocument(
                doc_id=doc_ids.doc_id(entry.court_id, d.doc_id),
                attachment_number=d.attachment_number,
                description=d.description,
                file_name=upload.checked.file_name,
                stamp=d.stamp,
                sealed=entry.sealed,
                restricted=entry.restricted,
            )
            for d, upload in zip(filed, prepared.uploads, strict=True)
        ),
    )


def _keep_document(
    entry: DocketEntry, number: int, upload: CheckedUpload, now: datetime
) -> FiledDocument:
    stored = documents.keep(upload.checked)
    stamp = documents.stamp(
        court_id=entry.court_id,
        stored_pdf_id=stored.id,
        doc_id=entry.pk,
        attachment_number=number,
        at=now,
    )
    description = (
        "Main Document" if number == 0 else rules.attachment_label(upload.kind, upload.description)
    )
    Document.objects.create(
        entry=entry,
        doc_id=entry.pk,
        attachment_number=number,
        kind=upload.kind,
        description=description,
        file_name=upload.checked.file_name,
        stored_pdf_id=stored.id,
        stamp=stamp,
        sealed=entry.sealed,
    )
    return FiledDocument(
        doc_id=entry.pk,
        attachment_number=number,
        description=description,
        page_count=stored.page_count,
        sha256=stored.sha256,
        stamp=stamp,
    )


def file_entry(
    *,
    account: Account,
    court: Court,
    caseid: int,
    choices: FilingChoices,
    document: Upload | None,
    attachments: Sequence[Upload] = (),
    fee: FeeChoice | None = None,
    redaction_acknowledged: bool | None = None,
    draft: FilingDraft | None = None,
) -> FiledEntry:
    """File one entry into a case (the API's and the filing pages' one action)."""
    prepared = prepare_filing(
        account=account,
        court=court,
        caseid=caseid,
        choices=choices,
        document=document,
        attachments=attachments,
        redaction_acknowledged=redaction_acknowledged,
        now=clock.now(),
    )
    with discarded_on_failure(prepared.uploads):
        paid = None
        if prepared.fee is not None:
            if draft is None:
                draft = start_draft(
                    account=account, court=court, caseid=caseid, event=prepared.event
                )
            paid = _already_paid(draft) or pay_fee(prepared, account=account, draft=draft, fee=fee)
        with durable_action():
            cases.lock_case(caseid=caseid)
            filed = record_entry(prepared, fee=paid, now=clock.now())
            if draft is not None:
                FilingDraft.objects.filter(pk=draft.pk).update(entry_id=filed.entry_id)
    return filed


def _already_paid(draft: FilingDraft) -> rules.FeePaid | None:
    paid = payments.payment_for(purpose_ref=draft.purpose_ref)
    return rules.FeePaid(paid.amount, paid.receipt_number) if paid else None


def audit_draft(draft: FilingDraft, verb: str, **details: Any) -> None:
    audit.record(
        actor_id=draft.account_id,
        verb=f"docket.draft_{verb}",
        subject=audit.Subject("filing_draft", draft.pk),
        court_id=draft.court_id,
        details=details,
    )


def start_draft(
    *, account: Account, court: Court, caseid: int | None, event: Event | None
) -> FilingDraft:
    """A new draft filing: it carries the choices and files across the filing pages."""
    now = clock.now()
    with durable_action():
        draft = FilingDraft.objects.create(
            court=court,
            account=account,
            caseid=caseid,
            event=event,
            created_at=now,
            expires_at=rules.draft_expires_at(now),
        )
        audit_draft(draft, "started", caseid=caseid, event=event.code if event else "")
    return draft
