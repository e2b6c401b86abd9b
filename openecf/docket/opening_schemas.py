"""The JSON shapes of opening a case (``POST /api/v1/courts/{court_id}/cases``)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Schema

from openecf.docket.actions.filing import FiledDocument
from openecf.docket.schemas import AttachmentIn, FilingPaymentIn, PrivacyConfirmIn


class AliasIn(Schema):
    name: str
    kind: str  # aka, dba, fdba, fka


class CounselIn(Schema):
    """An attorney of record for a party, named by PACER username."""

    username: str
    lead: bool = False
    to_be_noticed: bool = True
    pro_hac_vice: bool = False


class OpeningPartyIn(Schema):
    name: str
    role: str  # plaintiff, defendant, debtor, joint_debtor, appellant, ...
    aliases: list[AliasIn] = []
    attorneys: list[CounselIn] = []
    tax_id: str = ""  # a debtor's full SSN/ITIN: kept encrypted, only the last four shown
    defendant_number: int | None = None  # criminal: numbered 1, 2, ... when left out


class OriginIn(Schema):
    """An appeal's origin: the notice of appeal docketed at a court of the same circuit."""

    court_id: str
    caseid: int
    entry_number: int


class OpeningIn(Schema):
    """The JSON part ``opening`` of ``POST /courts/{court_id}/cases`` (multipart/form-data)."""

    kind: str  # cv, cr, mc (district), bk, ap (bankruptcy), ca (appellate)
    event: str = ""  # only where a kind has several opening events: cr indictment|information
    title: str = ""  # an appeal takes its origin's title when left out
    short_title: str = ""
    office_number: int | None = None
    nature_of_suit: str = ""
    cause: str = ""
    jurisdiction: str = ""  # us_plaintiff, us_defendant, federal_question, diversity
    jury_demand: str = "none"  # none, plaintiff, defendant, both
    demand_amount: Decimal | None = None
    cover_sheet: dict[str, str] = {}
    chapter: int | None = None
    joint_petition: bool = False
    sealed: bool = False  # the court only
    lead_caseid: int | None = None  # an adversary proceeding's bankruptcy case
    origin: OriginIn | None = None
    parties: list[OpeningPartyIn] = []  # an appeal takes its origin's parties when left out
    lead: bool = True  # the filer as attorney of record for the parties they file for
    to_be_noticed: bool = True
    on_behalf_of: str | None = None  # a filing agent: the attorney's PACER username
    free_text: str = ""
    redaction_confirmed: bool = False
    privacy_confirmed: PrivacyConfirmIn | None = None
    fee_arrangement: str = "pay"  # bankruptcy: pay, installments, waiver (chapter 7)
    payment: FilingPaymentIn | None = None
    attachments: list[AttachmentIn] = []


class OpenedOut(Schema):
    caseid: int
    court_id: str
    case_number: str
    shown_number: str
    title: str
    kind: str
    chapter: int | None
    judge_initials: str
    date_filed: date
    sealed: bool
    origin_court_id: str
    origin_caseid: int | None
    origin_entry_number: int | None
    entry_number: int
    docket_text: str
    filed_at: datetime  # in the court's time zone
    receipt_number: str | None
    fee_amount: Decimal | None
    fee_arrangement: str
    application_entry_number: int | None
    documents: list[FiledDocument]
    replayed: bool  # the same Idempotency-Key answered the case it opened before
