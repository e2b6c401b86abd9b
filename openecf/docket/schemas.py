"""The docket's JSON shapes (django-ninja), shared by its API endpoints."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Schema

from openecf.docket.actions.filing import FiledDocument


class EventOut(Schema):
    code: str
    name: str
    category: str
    fee: Decimal | None  # the court's current amount in dollars; null: no fee
    needs_link: bool
    filers: Literal["filers", "court"]
    fee_kind: str | None
    asks_against: bool
    may_be_sealed: bool
    text_only: bool
    ends_case: bool
    checks_minors: bool
    opens_case: bool


class EventList(Schema):
    events: list[EventOut]


class PrivacyConfirmIn(Schema):
    reason: str


class AttachmentIn(Schema):
    description: str
    type: str = ""  # e.g. "Exhibit": the docket text lists "# 1 Exhibit A"


class FilingCardIn(Schema):
    number: str
    exp_month: int
    exp_year: int
    cvc: str
    name: str


class FilingPaymentIn(Schema):
    """How the fee is paid when the event has one: a stored method id or a card."""

    method_id: int | None = None
    card: FilingCardIn | None = None


class ClaimIn(Schema):
    """A proof of claim's amounts in dollars (Official Form 410): the amount claimed and the
    parts secured and entitled to priority; the rest is unsecured. At most 2 decimals."""

    amount_claimed: Decimal
    secured: Decimal = Decimal("0")
    priority: Decimal = Decimal("0")


class FilingIn(Schema):
    """The JSON part ``filing`` of ``POST .../entries`` (multipart/form-data)."""

    event: str
    filer_parties: list[int] = []
    against_parties: list[int] = []
    links: list[int] = []
    modifier: str = ""
    free_text: str = ""
    redaction_confirmed: bool = False
    privacy_confirmed: PrivacyConfirmIn | None = None
    sealed: bool = False
    attachments: list[AttachmentIn] = []
    on_behalf_of: str | None = None  # a filing agent: the attorney's PACER username
    lead: bool = False  # a first filing for a party: the attorney's flags
    to_be_noticed: bool = True
    payment: FilingPaymentIn | None = None
    claim: ClaimIn | None = None  # a proof of claim only: its amounts, shown on the register


class EntryFiledOut(Schema):
    entry_number: int
    docket_text: str
    filed_at: datetime  # in the court's time zone
    sealed: bool
    receipt_number: str | None
    documents: list[
        FiledDocument
    ]  # doc_id, attachment_number, description, page_count, sha256, stamp


class FilingPrivacyHitOut(Schema):
    file: str
    page: int
    kind: str
    masked_excerpt: str


class MissingOut(Schema):
    code: str
    text: str
    link: str


class FilingErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None
    hits: list[FilingPrivacyHitOut] | None = None  # privacy_check: what was found, masked
    missing: list[MissingOut] | None = None  # filing_not_allowed: what to do first


class FilingErrorOut(Schema):
    error: FilingErrorDetail


class AttorneyOut(Schema):
    username: str
    name: str
    lead: bool
    to_be_noticed: bool


class PartyOut(Schema):
    id: int
    name: str
    role: str
    attorneys: list[AttorneyOut]


class DocumentOut(Schema):
    doc_id: int
    attachment_number: int
    description: str
    page_count: int
    sealed: bool
    restricted: bool


class EntryOut(Schema):
    entry_number: int
    docket_text: str
    filed_at: datetime  # in the court's time zone
    entered_at: datetime
    event: str
    sealed: bool
    stricken: bool
    modified: bool
    modified_at: datetime | None
    held: bool  # waiting for the clerk's acceptance (shown to the court and the filer only)
    review: Literal["pending", "accepted", "deficient"] | None  # court staff only; else null
    documents: list[DocumentOut]


class CaseDocketOut(Schema):
    caseid: int
    court_id: str
    case_number: str
    title: str
    sealed: bool
    parties: list[PartyOut]
    entries: list[EntryOut]


class DocumentFlagsIn(Schema):
    attachment_number: int  # 0: the main document
    sealed: bool | None = None
    restricted: bool | None = None  # to the case's participants and the court


class EntryCorrectionIn(Schema):
    """The clerk's correction: give only what changes (a missing member is left as it is)."""

    docket_text: str | None = None
    reason: str = ""
    sealed: bool | None = None
    stricken: bool | None = None
    links: list[int] | None = None  # entry numbers, replacing the entry's links
    documents: list[DocumentFlagsIn] = []


class RevisionOut(Schema):
    docket_text: str  # the text as it read before this correction
    replaced_at: datetime
    replaced_by: str
    reason: str


class ClerkEntryOut(EntryOut):
    links: list[int]
    deficiency: str
    revisions: list[RevisionOut]
    changed: list[str] = []


class QueueEntryOut(Schema):
    caseid: int
    case_number: str
    entry_number: int
    docket_text: str
    event: str
    filed_at: datetime
    filed_by: str
    entered_by: str
    held: bool
    documents: int
    privacy_confirmed: bool  # the filer confirmed the privacy check's hits (with a reason)


class ReviewQueueOut(Schema):
    review: Literal["after", "before"]
    entries: list[QueueEntryOut]


class ReviewTimingIn(Schema):
    review: Literal["after", "before"]


class DeficiencyIn(Schema):
    message: str
