"""The event catalogue each court starts with, by court kind (the clerk edits the court's copy).

Pure data: ``SEEDS[kind]`` lists ``EventSeed`` rows. Names follow CM/ECF's menus (District
Civil: Initial Pleadings and Service, Motions and Related Filings, ...; Bankruptcy; Appellate).
A motion's reliefs are separate events of the Motions category ("MOTION to Dismiss",
"MOTION for Extension of Time"), as CM/ECF's relief list makes them. Fee kinds are
``courts.fees.FeeKind`` values; the amount is the court's current setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from openecf.docket.rules import COURT_TEMPLATE, FILER_TEMPLATE

FILERS = "filers"
COURT = "court"


@dataclass(frozen=True, kw_only=True)
class EventRules:
    """What an event asks and allows, besides its name (the clerk's choices too)."""

    filers: str = FILERS
    fee_kind: str = ""
    needs_link: bool = False
    asks_against: bool = False
    may_be_sealed: bool = False
    ends_case: bool = False
    checks_minors: bool = False
    text_only: bool = False


@dataclass(frozen=True)
class EventSeed(EventRules):
    code: str
    name: str
    category: str
    opens_case: bool = False

    @property
    def template(self) -> str:
        return COURT_TEMPLATE if self.filers == COURT else FILER_TEMPLATE


PLEADINGS = "Initial Pleadings and Service"
MOTIONS = "Motions and Related Filings"
RESPONSES = "Responses and Replies"
OTHER = "Other Filings"
ORDERS = "Orders and Judgments"
COURT_ENTRIES = "Court Entries"
CRIMINAL = "Criminal"
APPEAL = "Appeal Documents"
CLAIMS = "Claims"
PETITIONS = "Petitions and Case Opening"
BRIEFS = "Briefs"


def _motions(category: str, reliefs: list[tuple[str, str]]) -> list[EventSeed]:
    return [
        EventSeed(f"motion-{code}", f"MOTION {relief}", category, may_be_sealed=True)
        for code, relief in reliefs
    ]


def _opens(
    code: str,
    name: str,
    category: str,
    *,
    fee_kind: str = "",
    asks_against: bool = False,
    checks_minors: bool = False,
) -> EventSeed:
    """An event filed only when opening a case: the complaint, a petition."""
    return EventSeed(
        code,
        name,
        category,
        fee_kind=fee_kind,
        asks_against=asks_against,
        checks_minors=checks_minors,
        opens_case=True,
    )


def _court(
    code: str,
    name: str,
    *,
    needs_link: bool = False,
    may_be_sealed: bool = False,
    ends_case: bool = False,
    text_only: bool = False,
) -> EventSeed:
    return EventSeed(
        code,
        name,
        ORDERS,
        filers=COURT,
        needs_link=needs_link,
        may_be_sealed=may_be_sealed,
        ends_case=ends_case,
        text_only=text_only,
    )


_SHARED_FILINGS = [
    EventSeed("notice-of-appearance", "NOTICE of Appearance", OTHER),
    EventSeed("corporate-disclosure", "Corporate Disclosure Statement", OTHER),
    EventSeed("response", "RESPONSE in Opposition", RESPONSES, needs_link=True, may_be_sealed=True),
    EventSeed("response-support", "RESPONSE in Support", RESPONSES, needs_link=True),
    EventSeed(
        "reply", "REPLY to Response to Motion", RESPONSES, needs_link=True, may_be_sealed=True
    ),
    EventSeed("stipulation", "STIPULATION", OTHER),
    EventSeed("proposed-order", "PROPOSED ORDER", OTHER, needs_link=True),
    EventSeed("notice", "NOTICE", OTHER),
    EventSeed("exhibit", "EXHIBIT", OTHER, may_be_sealed=True),
    EventSeed("status-report", "STATUS REPORT", OTHER),
    EventSeed("sealed-document", "SEALED DOCUMENT", OTHER, may_be_sealed=True),
]

_COURT_ENTRIES = [
    _court("order", "ORDER", may_be_sealed=True),
    _court("order-on-motion", "ORDER on Motion", needs_link=True, may_be_sealed=True),
    _court("text-order", "TEXT ORDER", text_only=True),
    EventSeed("minute-entry", "MINUTE ENTRY", COURT_ENTRIES, filers=COURT, text_only=True),
    EventSeed("clerk-notice", "NOTICE from the Clerk", COURT_ENTRIES, filers=COURT),
]

DISTRICT = [
    _opens(
        "complaint",
        "COMPLAINT",
        PLEADINGS,
        fee_kind="civil_complaint",
        asks_against=True,
        checks_minors=True,
    ),
    EventSeed("answer", "ANSWER to Complaint", PLEADINGS, needs_link=True),
    EventSeed("amended-complaint", "AMENDED COMPLAINT", PLEADINGS, asks_against=True),
    EventSeed("counterclaim", "COUNTERCLAIM", PLEADINGS, asks_against=True),
    EventSeed("summons-returned", "SUMMONS Returned Executed", PLEADINGS),
    *_motions(
        MOTIONS,
        [
            ("dismiss", "to Dismiss"),
            ("dismiss-jurisdiction", "to Dismiss for Lack of Jurisdiction"),
            ("extension-answer", "for Extension of Time to File Answer"),
            ("extension", "for Extension of Time"),
            ("summary-judgment", "for Summary Judgment"),
            ("compel", "to Compel"),
            ("leave-to-file", "for Leave to File"),
            ("protective-order", "for Protective Order"),
            ("seal", "to Seal"),
            ("pro-hac-vice", "for Leave to Appear Pro Hac Vice"),
            ("default-judgment", "for Default Judgment"),
            ("transfer", "to Transfer Case"),
            ("remand", "to Remand"),
            ("preliminary-injunction", "for Preliminary Injunction"),
            ("reconsideration", "for Reconsideration"),
            ("suppress", "to Suppress"),
            ("detention", "for Detention"),
        ],
    ),
    EventSeed(
        "motion-minor-settlement",
        "MOTION to Approve Settlement of Minor's Claim",
        MOTIONS,
        may_be_sealed=True,
        checks_minors=True,
    ),
    EventSeed("bill-of-costs", "BILL OF COSTS", MOTIONS),
    *_SHARED_FILINGS,
    EventSeed("notice-voluntary-dismissal", "NOTICE of Voluntary Dismissal", OTHER, ends_case=True),
    EventSeed("notice-of-appeal", "NOTICE OF APPEAL", APPEAL, fee_kind="notice_of_appeal"),
    EventSeed("plea-agreement", "PLEA AGREEMENT", CRIMINAL, may_be_sealed=True, checks_minors=True),
    EventSeed(
        "sentencing-memorandum",
        "SENTENCING MEMORANDUM",
        CRIMINAL,
        may_be_sealed=True,
        checks_minors=True,
    ),
    EventSeed("indictment", "INDICTMENT", CRIMINAL, filers=COURT, opens_case=True),
    EventSeed("information", "INFORMATION", CRIMINAL, filers=COURT, opens_case=True),
    EventSeed(
        "misc-case",
        "MISCELLANEOUS CASE",
        OTHER,
        filers=COURT,
        fee_kind="misc_case",
        opens_case=True,
    ),
    EventSeed("arraignment", "ARRAIGNMENT", CRIMINAL, filers=COURT, text_only=True),
    *_COURT_ENTRIES,
    _court("scheduling-order", "SCHEDULING ORDER"),
    _court("judgment", "JUDGMENT", ends_case=True),
    _court("criminal-judgment", "JUDGMENT in a Criminal Case", ends_case=True, may_be_sealed=True),
    _court("entry-of-default", "CLERK'S ENTRY OF DEFAULT"),
    _court("summons-issued", "SUMMONS ISSUED", text_only=True),
]

BANKRUPTCY = [
    *(
        _opens(
            f"petition-ch{n}",
            f"Voluntary Petition (Chapter {n})",
            PETITIONS,
            fee_kind=f"bankruptcy_ch{n}",
        )
        for n in (7, 11, 12, 13)
    ),
    _opens(
        "adversary-complaint",
        "Adversary case COMPLAINT",
        PETITIONS,
        fee_kind="adversary",
        asks_against=True,
    ),
    # Filed with a petition instead of the fee (entry 2), or later.
    EventSeed(
        "application-installments",
        "APPLICATION to Pay Filing Fee in Installments",
        PETITIONS,
    ),
    EventSeed(
        "application-fee-waiver",
        "APPLICATION to Have the Chapter 7 Filing Fee Waived",
        PETITIONS,
    ),
    EventSeed("proof-of-claim", "Proof of Claim", CLAIMS, checks_minors=True),
    EventSeed("objection-to-claim", "OBJECTION to Claim", CLAIMS, needs_link=True),
    EventSeed("schedules", "Schedules A/B-J", OTHER, checks_minors=True),
    EventSeed("statement-financial-affairs", "Statement of Financial Affairs", OTHER),
    EventSeed("chapter-13-plan", "Chapter 13 Plan", OTHER),
    EventSeed("credit-counseling", "Certificate of Credit Counseling", OTHER),
    EventSeed("request-for-notice", "Notice of Appearance and Request for Notice", OTHER),
    *_motions(
        MOTIONS,
        [
            ("relief-from-stay", "for Relief from Stay"),
            ("dismiss-case", "to Dismiss Case"),
            ("convert", "to Convert Case"),
            ("extension", "for Extension of Time"),
            ("redact", "to Redact"),
            ("sell", "to Sell Property Free and Clear of Liens"),
            ("reaffirmation", "to Approve Reaffirmation Agreement"),
        ],
    ),
    *_SHARED_FILINGS,
    EventSeed("notice-of-appeal", "NOTICE OF APPEAL", APPEAL, fee_kind="notice_of_appeal"),
    *_COURT_ENTRIES,
    EventSeed("meeting-of-creditors", "Meeting of Creditors", COURT_ENTRIES, filers=COURT),
    _court("discharge", "ORDER Discharging Debtor", ends_case=True),
    _court("order-confirming-plan", "ORDER Confirming Chapter 13 Plan"),
]

APPELLATE = [
    EventSeed(
        "notice-of-appeal-docketed",
        "NOTICE OF APPEAL docketed",
        PETITIONS,
        filers=COURT,
        opens_case=True,
    ),
    _opens("petition-for-review", "PETITION for Review", PETITIONS),
    EventSeed("appearance", "APPEARANCE of Counsel", OTHER),
    EventSeed("corporate-disclosure", "CORPORATE Disclosure Statement", OTHER),
    EventSeed("brief-appellant", "BRIEF of Appellant", BRIEFS, may_be_sealed=True),
    EventSeed("brief-appellee", "BRIEF of Appellee", BRIEFS, may_be_sealed=True),
    EventSeed("reply-brief", "REPLY BRIEF", BRIEFS, needs_link=True),
    EventSeed("appendix", "APPENDIX", BRIEFS, may_be_sealed=True, checks_minors=True),
    *_motions(
        MOTIONS,
        [
            ("extension", "for Extension of Time to File Brief"),
            ("dismiss-appeal", "to Dismiss Appeal"),
            ("stay", "to Stay Pending Appeal"),
        ],
    ),
    EventSeed("response", "RESPONSE to Motion", RESPONSES, needs_link=True),
    EventSeed("petition-rehearing", "PETITION for Rehearing En Banc", OTHER, needs_link=True),
    *_COURT_ENTRIES,
    _court("opinion", "OPINION"),
    _court("judgment", "JUDGMENT", ends_case=True),
    _court("mandate", "MANDATE issued"),
]

SEEDS: dict[str, list[EventSeed]] = {
    "district": DISTRICT,
    "bankruptcy": BANKRUPTCY,
    "appellate": APPELLATE,
}
