"""Opening a case by a filing: the complaint, a bankruptcy petition, an indictment, an appeal.

The order keeps the record whole and the money right (docs/cases.md, "Opening a case"):

1. every check first: who files (``access.filer_for``: 403 with what is missing), the case's
   own rules (``cases.facade.check_opening``), the docket's (the event, the fee arrangement,
   an appeal's notice of appeal), the PDFs and the privacy check;
2. the fee, paid through ``payments.facade.pay`` outside any transaction with ``purpose_ref``
   ``docket.opening:<uuid>`` (the opening's key): a declined card stops here, no case exists;
3. one durable transaction: ``cases.facade.open_case`` (number, parties, attorneys, the judge
   drawn), ``record_entry`` for entry 1 (and entry 2, a bankruptcy fee application), and the
   ``OpenedCase`` row keyed by the opening's key, so a repeated submission answers the case it
   opened instead of opening a second one (the unique key backs this under concurrency).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import audit, clock, encryption
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.access import standing_at
from openecf.courts.fees import fee_amount
from openecf.courts.models import Court
from openecf.docket import access, opening_rules, rules
from openecf.docket.actions.catalogue import ensure_catalogue
from openecf.docket.actions.drafts import draft_files, forget_files, kept_uploads
from openecf.docket.actions.filing import (
    FeeChoice,
    FiledDocument,
    FiledEntry,
    FilingChoices,
    PreparedFiling,
    Upload,
    audit_draft,
    check_documents,
    discarded_on_failure,
    record_entry,
    start_draft,
)
from openecf.docket.catalogue import SEEDS
from openecf.docket.errors import EventNotFound
from openecf.docket.models import DocketEntry, Event, FilingDraft, OpenedCase
from openecf.documents import facade as documents
from openecf.payments import facade as payments

if TYPE_CHECKING:
    from openecf.accounts.models import Account

KEY_PREFIX = "docket.opening:"


def opening_key(uuid: str) -> str:
    """The opening's key and its fee's ``purpose_ref``: ``docket.opening:<uuid>``."""
    return f"{KEY_PREFIX}{uuid}"


@dataclass(frozen=True)
class OpeningRequest:
    """What the opener chose: the case (``cases.facade.CaseOpening``) and the filing's part."""

    opening: cases.CaseOpening
    event: str = ""  # the opening event where a kind has several (cr: indictment, information)
    free_text: str = ""
    redaction_confirmed: bool = False
    privacy_reason: str | None = None
    on_behalf_of: int | None = None  # a filing agent names the attorney
    lead: bool = True  # the filer's flags as attorney of record for the parties they file for
    to_be_noticed: bool = True
    fee_arrangement: str = opening_rules.PAY


@dataclass(frozen=True)
class OpenedFiling:
    """The case an opening opened and its entry 1 (and 2: a fee application)."""

    court_id: str
    case: cases.Case
    entry: FiledEntry
    application_entry_number: int | None
    fee_arrangement: str
    fee_amount: Decimal | None = None
    replayed: bool = False


@dataclass
class PlannedOpening:
    """An opening whose every check but the PDFs passed: what the transaction writes."""

    opening: cases.CaseOpening
    prepared: PreparedFiling  # entry 1 (caseid filled in once the case exists)
    application: PreparedFiling | None  # entry 2: the fee application, when there is one
    arrangement: str


def opening_event_row(*, court_id: str, code: str) -> Event:
    """The court's event ``code``; an opening event a court seeded before it existed in the
    catalogue is added from its kind's seed now (an audit row ``docket.event_added``)."""
    ensure_catalogue(court_id=court_id)
    found = Event.objects.filter(court_id=court_id, code=code).first()
    if found is not None:
        if not found.is_active:
            raise EventNotFound(f"The court does not offer {found.name} now.")
        return found
    court = Court.objects.get(pk=court_id)
    seed = next((s for s in SEEDS[court.kind] if s.code == code), None)
    if seed is None:
        raise EventNotFound(f"The court has no event {code!r}.")
    with durable_action():
        event, created = Event.objects.get_or_create(
            court_id=court_id,
            code=code,
            defaults={
                **asdict(seed),
                "template": seed.template,
                "position": Event.objects.filter(court_id=court_id).count() + 1,
            },
        )
        if created:
            audit.record(
                actor_id=None,
                verb="docket.event_added",
                subject=audit.Subject("docket_event", event.pk),
                court_id=court_id,
                details={"code": code, "from_seed": True},
            )
    return event


def _with_filer(
    opening: cases.CaseOpening, request: OpeningRequest, filer: access.Filer
) -> cases.CaseOpening:
    """The filer becomes attorney of record for the parties they file for (their flags); a
    pro se filer becomes the pro se filer of the one filing party (a pro se plaintiff)."""
    roles = opening_rules.FILER_ROLES.get(opening.kind, ())
    if filer.pro_se:
        mine = [i for i, p in enumerate(opening.parties) if p.role in roles]
        if len(mine) != 1 or opening.parties[mine[0]].attorneys:
            return opening  # several filing parties, or one with attorneys: none is linked
        linked = replace(opening.parties[mine[0]], pro_se_account_id=filer.filed_by_id)
        return replace(
            opening,
            parties=tuple(linked if i == mine[0] else p for i, p in enumerate(opening.parties)),
        )
    if filer.is_court or not filer.may_represent:
        return opening
    parties = []
    for party in opening.parties:
        if party.role in roles and all(a.account_id != filer.filed_by_id for a in party.attorneys):
            lawyer = cases.AttorneyOpening(
                account_id=filer.filed_by_id,
                lead=request.lead and not any(a.lead for a in party.attorneys),
                to_be_noticed=request.to_be_noticed,
            )
            party = replace(party, attorneys=(lawyer, *party.attorneys))
        parties.append(party)
    return replace(opening, parties=tuple(parties))


def _appeal_origin(
    court: Court, opening: cases.CaseOpening, problems: dict[str, list[str]]
) -> tuple[cases.CaseOpening, str]:
    """An appeal's origin checked against the record: the case exists at that court and its
    entry is a notice of appeal. Fills the origin's number, and the title and parties when
    they are not given (the notice's filers appeal; the others are appellees)."""
    if opening.kind != "ca" or not opening.origin_court_id or opening.origin_caseid is None:
        return opening, ""
    problem = cases.origin_court_problem(
        appellate_court_id=court.pk, origin_court_id=opening.origin_court_id
    )
    if problem:
        problems.setdefault("origin", []).append(problem)
        return opening, ""
    try:
        origin = cases.case(court_id=opening.origin_court_id, caseid=opening.origin_caseid)
    except cases.CaseNotFound:
        problems.setdefault("origin", []).append("There is no such case at that court.")
        return opening, ""
    entry = (
        DocketEntry.objects.filter(
            caseid=origin.caseid, entry_number=opening.origin_entry_number or 0
        )
        .select_related("event")
        .first()
    )
    if entry is None or entry.event.code != "notice-of-appeal":
        problems.setdefault("origin", []).append(
            f"Name the entry of {origin.shown_number} that is its NOTICE OF APPEAL."
        )
        return opening, ""
    found = replace(opening, origin_case_number=origin.shown_number)
    if not found.title.strip():
        found = replace(found, title=origin.title, short_title=origin.short_title)
    if not found.parties:
        appellants = set(entry.filer_party_ids)
        found = replace(
            found,
            parties=tuple(
                cases.PartyOpening(
                    name=p.name,
                    role="appellant" if p.id in appellants else "appellee",
                    attorneys=tuple(
                        cases.AttorneyOpening(
                            account_id=a.account_id, lead=a.lead, to_be_noticed=a.to_be_noticed
                        )
                        for a in p.attorneys
                        if a.terminated_on is None
                    ),
                )
                for p in cases.parties(caseid=origin.caseid)
                if p.terminated_on is None
            ),
        )
    court_name = (
        Court.objects.filter(pk=origin.court_id).values_list("short_name", flat=True).first()
    )
    text = opening_rules.appeal_text(
        origin_court=court_name or origin.court_id,
        origin_number=origin.shown_number,
        entry_number=entry.entry_number,
    )
    return found, text


def _names(opening: cases.CaseOpening, roles: Sequence[str]) -> list[str]:
    return [p.name.strip() for p in opening.parties if p.role in roles]


def plan_opening(
    *,
    account: Account,
    court: Court,
    request: OpeningRequest,
    has_document: bool,
    attachment_labels: Sequence[tuple[str, str]] = (),
    has_application: bool = False,
    redaction_acknowledged: bool | None = None,
    now: datetime,
) -> PlannedOpening:
    """Every check of an opening but the PDFs', and its entries' text: nothing is written.

    ``FilingNotAllowed`` (403) when the person may not open it here, ``InputInvalid`` (422)
    with every problem, field by field, otherwise.
    """
    opening = request.opening
    code = opening_rules.opening_event(opening.kind, chapter=opening.chapter, chosen=request.event)
    if code is None:
        cases.check_opening(court_id=court.pk, opening=opening)  # kind, chapter, ...
        raise InputInvalid(
            {"kind": [f"A {opening.kind} case is not opened by a filing here: ask the clerk."]}
        )
    event = opening_event_row(court_id=court.pk, code=code)
    standing = standing_at(court=court, account_id=account.pk)
    filer = access.filer_for(
        account=account,
        standing=standing,
        court=court,
        event=event,
        on_behalf_of=request.on_behalf_of,
        now=now,
        redaction_acknowledged=redaction_acknowledged,
    )
    problems: dict[str, list[str]] = {}
    if problem := opening_rules.opening_event_problem(opening.kind, request.event):
        problems["event"] = [problem]
    if opening.sealed and not filer.is_court:
        problems["sealed"] = [
            "Only the court opens a case under seal: open it unsealed, or ask the clerk's office."
        ]
    arrangement = request.fee_arrangement
    for name, sentences in opening_rules.fee_arrangement_problems(
        arrangement,
        kind=opening.kind,
        chapter=opening.chapter,
        court_filer=filer.is_court,
        has_application=has_application,
    ).items():
        problems.setdefault(name, []).extend(sentences)
    opening, origin_text = _appeal_origin(court, opening, problems)
    opening = _with_filer(opening, request, filer)
    filing = rules.filing_problems(
        needs_link=False,
        links=(),
        allowed_links=(),
        asks_against=False,
        against=(),
        filer_parties=(),
        party_ids=(),
        court_event=True,
        text_only=event.text_only,
        has_document=has_document,
        sealed=False,
        may_be_sealed=False,
        modifier="",
        free_text=request.free_text,
        descriptions=[description or kind for kind, description in attachment_labels],
    )
    for name, sentences in filing.items():
        problems.setdefault(name, []).extend(sentences)
    try:
        cases.check_opening(court_id=court.pk, opening=opening)
    except InputInvalid as error:
        for name, sentences in error.problems.items():
            if opening.kind == "ca" and "origin" in problems and name in ("title", "parties"):
                continue  # taken from the origin once it is right: say only what is wrong
            for sentence in sentences:
                if sentence not in problems.get(name, []):
                    problems.setdefault(name, []).append(sentence)
    InputInvalid.raise_if(problems)

    free_text = request.free_text.strip()
    if not free_text and opening.kind == "cr":
        free_text = opening_rules.indictment_text(
            [
                (p.name.strip(), p.defendant_number)
                for p in cases.numbered_parties(opening)
                if p.role == "defendant"
            ]
        )
    if not free_text:
        free_text = origin_text
    filer_names = _names(opening, opening_rules.FILER_ROLES.get(opening.kind, ()))
    choices = FilingChoices(
        event=code,
        free_text=free_text,
        redaction_confirmed=request.redaction_confirmed,
        privacy_reason=request.privacy_reason,
        on_behalf_of=request.on_behalf_of,
        lead=request.lead,
        to_be_noticed=request.to_be_noticed,
    )
    amount = (
        fee_amount(court_id=court.pk, kind=event.fee_kind)
        if event.fee_kind and not filer.is_court and arrangement == opening_rules.PAY
        else None
    )
    prepared = PreparedFiling(
        court=court,
        caseid=0,
        event=event,
        filer=filer,
        choices=choices,
        parts=rules.TextParts(
            event_name=event.name,
            template=event.template,
            free_text=free_text,
            filers=filer_names,
            against=_names(opening, opening_rules.AGAINST_ROLES.get(opening.kind, ()))
            if event.asks_against
            else [],
            attachments=[rules.attachment_label(k, d) for k, d in attachment_labels],
            signature=filer.signature,
        ),
        fee=amount or None,
    )
    application = None
    if arrangement in opening_rules.APPLICATION_EVENTS:
        applied = opening_event_row(
            court_id=court.pk, code=opening_rules.APPLICATION_EVENTS[arrangement]
        )
        application = PreparedFiling(
            court=court,
            caseid=0,
            event=applied,
            filer=filer,
            choices=replace(choices, event=applied.code, free_text=""),
            parts=rules.TextParts(
                event_name=applied.name,
                template=applied.template,
                filers=filer_names,
                signature=filer.signature,
            ),
        )
    return PlannedOpening(
        opening=opening, prepared=prepared, application=application, arrangement=arrangement
    )


def opened_by_key(*, key: str, court_id: str, account_id: int) -> OpenedFiling | None:
    """The opening already made with ``key`` by this person, or None."""
    row = (
        OpenedCase.objects.filter(key=key, court_id=court_id, opened_by_id=account_id)
        .select_related("entry")
        .first()
    )
    if row is None:
        return None
    entry = row.entry
    application = (
        DocketEntry.objects.filter(caseid=row.caseid, entry_number=2)
        .values_list("entry_number", flat=True)
        .first()
        if row.fee_arrangement in opening_rules.APPLICATION_EVENTS
        else None
    )
    return OpenedFiling(
        court_id=court_id,
        case=cases.case(court_id=court_id, caseid=row.caseid),
        entry=FiledEntry(
            entry_id=entry.pk,
            court_id=court_id,
            caseid=row.caseid,
            entry_number=entry.entry_number,
            docket_text=entry.docket_text,
            filed_at=entry.filed_at,
            sealed=entry.sealed,
            documents=tuple(
                FiledDocument(
                    doc_id=d.doc_id,
                    attachment_number=d.attachment_number,
                    description=d.description,
                    page_count=d.stored_pdf.page_count,
                    sha256=d.stored_pdf.sha256,
                    stamp=d.stamp,
                )
                for d in entry.documents.select_related("stored_pdf").order_by("attachment_number")
            ),
            receipt_number=entry.fee_receipt,
        ),
        application_entry_number=application,
        fee_arrangement=row.fee_arrangement,
        fee_amount=entry.fee_amount,
        replayed=True,
    )


class _AlreadyOpened(Exception):
    """Another submission with the same key committed first: roll this one back."""


def open_case_by_filing(
    *,
    account: Account,
    court: Court,
    request: OpeningRequest,
    key: str,
    document: Upload | None,
    attachments: Sequence[Upload] = (),
    fee_application: Upload | None = None,
    fee: FeeChoice | None = None,
    redaction_acknowledged: bool | None = None,
) -> OpenedFiling:
    """Open a case by filing its opening document (the one action of the pages and the API).

    ``key`` (``opening_key(uuid)``) makes the opening idempotent: the same key answers the
    case it opened, and its fee is charged once.
    """
    done = opened_by_key(key=key, court_id=court.pk, account_id=account.pk)
    if done is not None:
        return done
    planned = plan_opening(
        account=account,
        court=court,
        request=request,
        has_document=document is not None,
        attachment_labels=[(a.kind, a.description) for a in attachments],
        has_application=fee_application is not None,
        redaction_acknowledged=redaction_acknowledged,
        now=clock.now(),
    )
    prepared, application = planned.prepared, planned.application
    check_documents(prepared, ([document] if document else []) + list(attachments))
    checked = list(prepared.uploads)
    with discarded_on_failure(checked):
        if application is not None and fee_application is not None:
            check_documents(application, [fee_application])
            checked += application.uploads
    with discarded_on_failure(checked):
        paid = _pay(prepared, account=account, key=key, fee=fee) if prepared.fee else None
        try:
            with durable_action():
                return _open(planned, key=key, paid=paid, account=account)
        except (_AlreadyOpened, IntegrityError):
            done = opened_by_key(key=key, court_id=court.pk, account_id=account.pk)
            if done is None:
                raise
    for upload in checked:
        documents.discard(upload.checked)
    return done


def _pay(
    prepared: PreparedFiling, *, account: Account, key: str, fee: FeeChoice | None
) -> rules.FeePaid:
    """The opening's fee, paid once for its key (outside any transaction)."""
    assert prepared.fee is not None
    found = payments.payment_for(purpose_ref=key)
    if found is None:
        if fee is None or (fee.method_id is None and fee.card is None):
            raise InputInvalid(
                {
                    "payment": [
                        f"Opening this case costs ${prepared.fee}: pay with a card or a stored "
                        "method."
                    ]
                }
            )
        found = payments.pay(
            payer_id=account.pk,
            court_id=prepared.court.pk,
            purpose="filing_fee",
            purpose_ref=key,
            description=f"{prepared.event.name} (opening a case)",
            amount=prepared.fee,
            method_id=fee.method_id,
            card=fee.card,
        )
    return rules.FeePaid(found.amount, found.receipt_number)


def _open(
    planned: PlannedOpening, *, key: str, paid: rules.FeePaid | None, account: Account
) -> OpenedFiling:
    """Inside the durable transaction: the case, entry 1 (and 2), the opening's key."""
    prepared = planned.prepared
    court = prepared.court
    if OpenedCase.objects.filter(key=key).exists():
        raise _AlreadyOpened(key)
    now = clock.now()
    case = cases.open_case(
        court_id=court.pk,
        opening=planned.opening,
        actor_id=prepared.filer.entered_by_id,
        now=now,
    )
    kind = planned.opening.kind
    pairs = [(p.id, p.role) for p in cases.parties(caseid=case.caseid)]
    filers = opening_rules.parties_by_role(pairs, opening_rules.FILER_ROLES.get(kind, ()))
    against = opening_rules.parties_by_role(pairs, opening_rules.AGAINST_ROLES.get(kind, ()))
    prepared.caseid = case.caseid
    prepared.choices = replace(prepared.choices, filer_parties=filers, against_parties=against)
    entry = record_entry(prepared, fee=paid, now=now)
    application_number = None
    if planned.application is not None:
        planned.application.caseid = case.caseid
        planned.application.choices = replace(planned.application.choices, filer_parties=filers)
        application_number = record_entry(planned.application, fee=None, now=now).entry_number
    OpenedCase.objects.create(
        court=court,
        key=key,
        caseid=case.caseid,
        entry_id=entry.entry_id,
        opened_by=account,
        opened_at=now,
        fee_arrangement=planned.arrangement if kind == "bk" else "",
    )
    return OpenedFiling(
        court_id=court.pk,
        case=cases.case(court_id=court.pk, caseid=case.caseid),
        entry=entry,
        application_entry_number=application_number,
        fee_arrangement=planned.arrangement if kind == "bk" else "",
        fee_amount=paid.amount if paid else None,
    )


# The opening pages carry the opening on a draft (``FilingDraft.opening``, JSON). A debtor's
# SSN/ITIN is sealed there (``core.encryption``), as it is on the case's party.


def start_opening_draft(*, account: Account, court: Court, kind: str) -> FilingDraft:
    """A draft opening of a ``kind`` case, with its key (``docket.opening:<uuid>``)."""
    draft = start_draft(account=account, court=court, caseid=None, event=None)
    return save_opening_draft(draft=draft, opening={"uuid": str(uuid.uuid4()), "kind": kind})


def save_opening_draft(
    *, draft: FilingDraft, opening: dict[str, Any], event: Event | None = None
) -> FilingDraft:
    """Keep a step's part of the opening on the draft (and the opening event once known)."""
    with durable_action():
        changes: dict[str, Any] = {"opening": opening}
        if event is not None:
            changes["event"] = event
        FilingDraft.objects.filter(pk=draft.pk).update(**changes)
        audit_draft(draft, "changed", opening=sorted(opening))
    draft.refresh_from_db()
    return draft


def sealed_tax_id(text: str) -> str:
    return encryption.seal(text) if text else ""


def draft_request(draft: FilingDraft, **given: Any) -> OpeningRequest:
    """The draft's opening as the action's request; unknown usernames are input problems."""
    saved = draft.opening
    case = saved.get("case", {})
    problems: dict[str, list[str]] = {}
    parties = []
    for index, party in enumerate(saved.get("parties", [])):
        counsel = []
        for username in party.get("attorneys", []):
            person = accounts.person_by_username(username=username)
            if person is None:
                problems.setdefault(f"parties.{index}.attorneys", []).append(
                    f"There is no PACER account {username!r}."
                )
            else:
                counsel.append(cases.AttorneyOpening(account_id=person.id))
        parties.append(
            cases.PartyOpening(
                name=party.get("name", ""),
                role=party.get("role", ""),
                aliases=tuple((a[0], a[1]) for a in party.get("aliases", [])),
                attorneys=tuple(counsel),
                tax_id=encryption.unseal(party["tax_id"]) if party.get("tax_id") else "",
            )
        )
    InputInvalid.raise_if(problems)
    amount = case.get("demand_amount")
    return OpeningRequest(
        opening=cases.CaseOpening(
            kind=saved.get("kind", ""),
            title=case.get("title", ""),
            short_title=case.get("short_title", ""),
            parties=tuple(parties),
            office_number=case.get("office_number"),
            nature_of_suit=case.get("nature_of_suit", ""),
            cause=case.get("cause", ""),
            jurisdiction=case.get("jurisdiction", ""),
            jury_demand=case.get("jury_demand", "none"),
            demand_amount=Decimal(amount) if amount not in (None, "") else None,
            cover_sheet=case.get("cover_sheet", {}),
            chapter=case.get("chapter"),
            joint_petition=bool(case.get("joint_petition")),
            sealed=bool(case.get("sealed")),
            lead_caseid=case.get("lead_caseid"),
            origin_court_id=case.get("origin_court_id", ""),
            origin_caseid=case.get("origin_caseid"),
            origin_entry_number=case.get("origin_entry_number"),
        ),
        event=case.get("event", ""),
        lead=bool(saved.get("lead", True)),
        to_be_noticed=bool(saved.get("to_be_noticed", True)),
        fee_arrangement=case.get("fee_arrangement", opening_rules.PAY),
        **given,
    )


FEE_APPLICATION_KIND = "Fee application"


def submit_opening_draft(
    *,
    account: Account,
    draft: FilingDraft,
    redaction_confirmed: bool,
    privacy_reason: str | None,
    fee: FeeChoice | None,
    redaction_acknowledged: bool | None = None,
) -> OpenedFiling:
    """Open the draft's case from its kept PDFs; the draft then names entry 1 (the receipt)."""
    files = draft_files(draft)
    with kept_uploads(files) as kept:
        uploads = list(zip(files, kept, strict=True))
        main = next((u for row, u in uploads if row.position == 0), None)
        application = next(
            (u for row, u in uploads if row.position > 0 and row.kind == FEE_APPLICATION_KIND),
            None,
        )
        attachments = [
            u for row, u in uploads if row.position > 0 and row.kind != FEE_APPLICATION_KIND
        ]
        opened = open_case_by_filing(
            account=account,
            court=draft.court,
            request=draft_request(
                draft, redaction_confirmed=redaction_confirmed, privacy_reason=privacy_reason
            ),
            key=opening_key(draft.opening["uuid"]),
            document=main,
            attachments=attachments,
            fee_application=application,
            fee=fee,
            redaction_acknowledged=redaction_acknowledged,
        )
    with durable_action():
        FilingDraft.objects.filter(pk=draft.pk).update(
            entry_id=opened.entry.entry_id, caseid=opened.case.caseid
        )
        audit_draft(draft, "submitted", caseid=opened.case.caseid)
    forget_files(files)
    return opened
