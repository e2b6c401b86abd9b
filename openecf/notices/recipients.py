"""Who is noticed of a docket entry, and how (pure: no database, no clock).

``notice_list`` turns the people of a case (attorneys of record, their filing agents, pro se
parties, the court's own lists) into e-mail addressees and the paper-service list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

FREE_LOOK_DAYS = 15


@dataclass(frozen=True)
class Candidate:
    """Someone a docket entry may be noticed to, as the case and the court know them."""

    account_id: int | None  # None: no PACER account (e-mailed only for a court list)
    name: str
    email: str  # "" when the person does not file electronically
    role: str  # attorney, pro_se, agent, court
    to_be_noticed: bool = True  # an attorney's "ATTORNEY TO BE NOTICED"
    terminated: bool = False  # the attorney or the party is terminated
    participant: bool = True  # a case participant (restricted documents link only for them)
    postal_address: tuple[str, ...] = ()  # for service by other means


@dataclass(frozen=True)
class Addressee:
    account_id: int | None
    name: str
    addresses: tuple[str, ...]  # the person's address, then their secondary ones
    with_link: bool  # may open the document from the notice
    daily_summary: bool


@dataclass(frozen=True)
class PaperService:
    name: str
    postal_address: tuple[str, ...]


def notice_list(
    candidates: list[Candidate],
    *,
    sealed: bool,
    restricted: bool,
    entitled: frozenset[int] | None,
    secondary_emails: dict[int, tuple[str, ...]],
    daily_summary: frozenset[int],
) -> tuple[list[Addressee], list[PaperService]]:
    """Who gets the notice by e-mail (each person once, with their secondary addresses) and
    whom the filer must serve by other means.

    Terminated attorneys and parties, and attorneys not "to be noticed", get nothing. A
    sealed entry goes only to the ``entitled`` accounts, without a document link, and is
    never served by the system on paper (the court serves sealed orders). A restricted
    document is linked only for case participants. ``entitled=None``: everyone on the case.
    The court's own noticing lists (role ``court``, no PACER account needed) are e-mailed
    every notice, sealed ones too (court staff see sealed entries), never put on paper; an
    address already noticed (e.g. an attorney's) is noticed once.
    """
    mailed: dict[str, Addressee] = {}
    paper: list[PaperService] = []
    for person in candidates:
        if person.terminated or not person.to_be_noticed:
            continue
        court_list = person.role == "court" and bool(person.email)
        if (
            entitled is not None
            and not court_list
            and (person.account_id is None or person.account_id not in entitled)
        ):
            continue
        if not person.email or (person.account_id is None and not court_list):
            if not sealed and person.role == "pro_se":
                paper.append(PaperService(person.name, person.postal_address))
            continue
        key = person.email.lower()
        if key in mailed or (
            person.account_id is not None
            and person.account_id in {a.account_id for a in mailed.values()}
        ):
            continue
        own = secondary_emails.get(person.account_id, ()) if person.account_id is not None else ()
        extra = tuple(e for e in own if e.lower() != key)
        mailed[key] = Addressee(
            account_id=person.account_id,
            name=person.name,
            addresses=(person.email, *extra),
            with_link=not sealed and (not restricted or person.participant),
            daily_summary=person.account_id in daily_summary,
        )
    return list(mailed.values()), paper


@dataclass(frozen=True)
class FiledDocument:
    doc_id: str  # CM/ECF's document id, e.g. 109012345678
    attachment_number: int  # 0: the main document
    description: str
    original_filename: str
    stamp: str
    is_transcript: bool = False
    restricted: bool = False


@dataclass(frozen=True)
class FiledEntry:
    """What a notice says about one docket entry, handed over by the docket when it files."""

    court_id: str
    court_kind: str  # district, bankruptcy, appellate
    court_name: str
    caseid: int
    case_number: str  # as shown, with the judge's initials
    case_name: str
    entry_id: int
    entry_number: int | None  # None: a text-only entry
    event: str
    entered_by: str
    entered_at: datetime  # aware
    filed_on: date
    filer: str
    filer_account_id: int | None
    docket_text: str
    sealed: bool
    documents: tuple[FiledDocument, ...]
    candidates: tuple[Candidate, ...]
    entitled: frozenset[int] | None = None  # sealed: who may see it
