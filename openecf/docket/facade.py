"""What other apps may use of the docket: plain frozen dataclasses and ids, never models.

The event catalogue; the announcement of every recorded entry: ``when_entry_recorded``
registers a receiver the docket calls with a ``RecordedEntry`` inside the entry's own
transaction (notices writes the entry's Notice of Electronic Filing there); and the record's
entries for the public-access reports: all of a case's entries from one query read in chunks
(``record_stream``, so a report of 10,000 entries never holds them all; ``record_row_stream``
gives them as plain tuples for the docket report), a page of them
(``record_entries``, keyset by entry number) and the size of the report data (``record_size``),
both as the caller's ``RecordFilter`` says (what the viewer may see and the report's criteria).
Who may see what is the caller's decision (``reports.access``); the docket only applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from itertools import islice
from typing import NamedTuple, TypeVar, overload

from openecf.courts import doc_ids
from openecf.docket import actions, queries
from openecf.docket.announcements import RecordedDocument, RecordedEntry, when_entry_recorded
from openecf.docket.presentation import case_docket
from openecf.docket.rules import ClaimAmounts
from openecf.docket.schemas import CaseDocketOut

__all__ = [
    # The case as the caller may see it (parties, attorneys, entries): the API's case answer,
    # which reports charges as the docket report it is.
    "CaseDocketOut",
    "case_docket",
    "CatalogueEvent",
    "ClaimAmounts",
    "ClaimOnRecord",
    "DocumentAt",
    "RecordDocument",
    "RecordEntry",
    "PublicEntry",
    "PublicFilter",
    "RecordFilter",
    "RecordRow",
    "RecordedDocument",
    "RecordedEntry",
    "claims_on_record",
    "document_at",
    "events_of",
    "public_entries",
    "record_entries",
    "record_entry",
    "record_row_stream",
    "record_stream",
    "record_size",
    "when_entry_recorded",
]


@dataclass(frozen=True)
class CatalogueEvent:
    code: str
    name: str
    category: str
    fee_kind: str
    filers: str
    needs_link: bool
    opens_case: bool
    ends_case: bool


def events_of(*, court_id: str) -> list[CatalogueEvent]:
    """The court's active events in menu order (seeded from its kind's list the first time)."""
    actions.ensure_catalogue(court_id=court_id)
    names = [f.name for f in fields(CatalogueEvent)]
    return [
        CatalogueEvent(**{name: getattr(e, name) for name in names})
        for e in queries.events_of(court_id=court_id)
    ]


@dataclass(frozen=True)
class RecordFilter:
    """Which of a case's entries and documents a report shows.

    ``sealed``: include sealed entries and documents (the court's own users only);
    ``restricted``: include restricted documents (case participants and the court). The rest
    are a report's criteria: filed or entered dates (court dates, inclusive), entry numbers.
    """

    sealed: bool
    restricted: bool
    date_field: str = "filed"  # or "entered"
    date_from: date | None = None
    date_to: date | None = None
    number_from: int | None = None
    number_to: int | None = None
    newest_first: bool = False
    zone: str = "UTC"


@dataclass(frozen=True)
class RecordDocument:
    pacer_doc_id: str  # CM/ECF's document id (``/doc1/<id>``, ``courts.doc_ids``)
    attachment_number: int  # 0: the main document
    description: str
    page_count: int
    size: int  # bytes
    stored_pdf_id: int
    sealed: bool
    restricted: bool


@dataclass(frozen=True)
class RecordEntry:
    id: int  # CM/ECF's de_seq_num
    entry_number: int
    event_code: str
    event_category: str
    docket_text: str
    filed_at: datetime
    entered_at: datetime
    sealed: bool
    held: bool  # waiting for the clerk's acceptance: the court's (and its filer's) only
    restricted: bool
    stricken_at: datetime | None
    documents: tuple[RecordDocument, ...]


_T = TypeVar("_T")


class RecordRow(NamedTuple):
    """An entry of ``record_row_stream``: a plain tuple, for a report that writes thousands of
    them (a frozen ``RecordEntry`` cost a tenth of the 10,000-entry report). Its moments are in
    UTC as the database driver gives them: aware on PostgreSQL, naive on SQLite."""

    id: int  # CM/ECF's de_seq_num
    entry_number: int
    event_category: str
    docket_text: str
    filed_at: datetime
    entered_at: datetime
    sealed: bool
    held: bool
    restricted: bool
    stricken_at: datetime | None
    documents: tuple[RecordDocument, ...]


def _grouped(
    make: Callable[[tuple, list[RecordDocument]], _T],
    *,
    caseid: int,
    only: RecordFilter,
    after: int | None = None,
) -> Generator[_T, None, None]:
    """``queries.record_rows`` (one row per entry and document) made one item per entry."""
    row: tuple | None = None
    parts: list[RecordDocument] = []
    for joined in queries.record_rows(caseid=caseid, only=only, after=after):
        if row is None or joined[0] != row[0]:
            if row is not None:
                yield make(row, parts)
            row, parts = joined, []
        if joined[_PART] is not None:
            parts.append(_record_document(row[1], joined))
    if row is not None:
        yield make(row, parts)


def record_stream(
    *, caseid: int, only: RecordFilter, after: int | None = None
) -> Generator[RecordEntry, None, None]:
    """The case's entries as ``only`` says, ordered by number (newest first when asked), from
    one query read a chunk of rows at a time: a report of 10,000 entries never holds them all.
    ``after`` is the entry number the previous page ended with (keyset)."""
    return _grouped(_streamed_entry, caseid=caseid, only=only, after=after)


def record_row_stream(*, caseid: int, only: RecordFilter) -> Generator[RecordRow, None, None]:
    """``record_stream`` as ``RecordRow`` tuples (the docket report's rows)."""
    return _grouped(_record_row, caseid=caseid, only=only)


def _record_row(row: tuple, parts: list[RecordDocument]) -> RecordRow:
    return RecordRow(
        row[0], row[2], row[4], row[5], row[6], row[7],
        row[8] == 1, row[9] == 1, row[10] == 1, row[11], tuple(parts),
    )  # fmt: skip


def record_entries(
    *, caseid: int, only: RecordFilter, after: int | None = None, limit: int = 500
) -> list[RecordEntry]:
    """One page of ``limit`` entries of ``record_stream``."""
    stream = record_stream(caseid=caseid, only=only, after=after)
    try:
        return list(islice(stream, limit))
    finally:
        stream.close()  # the query's cursor, at once


_PART = len(queries.ENTRY_FIELDS)  # where a joined row's document columns start


@overload
def _aware(moment: datetime) -> datetime: ...
@overload
def _aware(moment: None) -> None: ...
def _aware(moment: datetime | None) -> datetime | None:
    """A driver's datetime as the ORM gives it: aware (SQLite's are naive, in UTC)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _streamed_entry(row: tuple, parts: list[RecordDocument]) -> RecordEntry:
    (pk, _court, number, code, category, text, filed, entered, sealed, held, restricted,
     stricken) = row[:_PART]  # fmt: skip
    return RecordEntry(
        id=pk,
        entry_number=number,
        event_code=code,
        event_category=category,
        docket_text=text,
        filed_at=_aware(filed),
        entered_at=_aware(entered),
        sealed=bool(sealed),
        held=bool(held),
        restricted=bool(restricted),
        stricken_at=_aware(stricken),
        documents=tuple(parts),
    )


def _record_document(court_id: str, row: tuple) -> RecordDocument:
    number, attachment, description, pdf_id, pages, size, sealed, restricted = row[_PART:]
    return RecordDocument(
        pacer_doc_id=doc_ids.doc_id(court_id, number),
        attachment_number=attachment,
        description=description,
        page_count=pages,
        size=size,
        stored_pdf_id=pdf_id,
        sealed=bool(sealed),
        restricted=bool(restricted),
    )


def record_entry(*, caseid: int, entry_id: int, only: RecordFilter) -> RecordEntry | None:
    """The case's entry with this id (CM/ECF's ``de_seq_num``) as ``only`` shows it, or None."""
    found = queries.record_entry(caseid=caseid, entry_id=entry_id, only=only)
    return _record_entry(*found) if found else None


def _record_entry(row: dict, parts: list[dict]) -> RecordEntry:
    """An entry from ``queries.public_entries``' rows (dicts of ``ENTRY_FIELDS`` and, for its
    documents, of ``DOCUMENT_FIELDS``), read as a joined row of ``record_rows`` is."""
    entry = tuple(row[name] for name in queries.ENTRY_FIELDS)
    return _streamed_entry(
        entry,
        [
            _record_document(
                row["court_id"], entry + tuple(d[name] for name in queries.DOCUMENT_FIELDS[1:])
            )
            for d in parts
        ],
    )


@dataclass(frozen=True)
class PublicEntry:
    """An entry of the court's public record (the RSS feed, the written opinions report): its
    case and event name."""

    caseid: int
    event_name: str
    entry: RecordEntry


@dataclass(frozen=True)
class PublicFilter:
    """Which entries of the court's public record: entered since ``entered_since``; filed from
    ``filed_from`` to ``filed_to`` (court dates in ``zone``, inclusive); of ``categories``; with
    ``events`` or ``words``: of one of those event codes or with one of those words in the
    docket text."""

    entered_since: datetime | None = None
    filed_from: date | None = None
    filed_to: date | None = None
    zone: str = "UTC"
    categories: frozenset[str] | None = None
    events: frozenset[str] | None = None
    words: tuple[str, ...] = ()


def public_entries(
    *, court_id: str, only: PublicFilter = PublicFilter(), limit: int = 500
) -> list[PublicEntry]:
    """The court's entries on the public record that ``only`` lets through, newest entered
    first, at most ``limit``: never a sealed or held entry nor a sealed document. Whether the
    case itself is sealed is the caller's to ask (``cases``)."""
    page = queries.public_entries(court_id=court_id, only=only, limit=limit)
    return [
        PublicEntry(
            caseid=row["caseid"], event_name=row["event__name"], entry=_record_entry(row, parts)
        )
        for row, parts in page
    ]


@dataclass(frozen=True)
class ClaimOnRecord:
    """A proof of claim on a bankruptcy case's docket, as its claims register shows it."""

    claim_number: int  # the case's proofs of claim numbered in filing order
    entry: RecordEntry
    creditor_party_ids: tuple[int, ...]  # the party (or parties) the claim was filed for
    filed_by: str
    entered_by: str
    free_text: str
    history: tuple[RecordEntry, ...]  # later entries linked to it: objections, orders
    amounts: ClaimAmounts | None  # none when the filing stated none (filed before they were kept)


def claims_on_record(*, caseid: int, only: RecordFilter) -> list[ClaimOnRecord]:
    """The case's proofs of claim that ``only`` lets the viewer see, by claim number, each with
    the later entries linked to it."""
    numbers, claims, linked = queries.proofs_of_claim(caseid=caseid, only=only)
    history: dict[int, list[RecordEntry]] = {}
    for row, parts in linked:
        history.setdefault(row["links"], []).append(_record_entry(row, parts))
    return [
        ClaimOnRecord(
            claim_number=numbers[row["pk"]],
            entry=_record_entry(row, parts),
            creditor_party_ids=tuple(row["filer_party_ids"]),
            filed_by=_name(row["filed_by__first_name"], row["filed_by__last_name"]),
            entered_by=_name(row["entered_by__first_name"], row["entered_by__last_name"]),
            free_text=row["free_text"],
            history=tuple(history.get(row["pk"], ())),
            amounts=(
                ClaimAmounts(
                    amount_claimed=row["claim_amounts__amount_claimed"],
                    secured=row["claim_amounts__secured"],
                    priority=row["claim_amounts__priority"],
                )
                if row["claim_amounts__amount_claimed"] is not None
                else None
            ),
        )
        for row, parts in claims
    ]


def _name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


@dataclass(frozen=True)
class RecordSize:
    entries: int
    text_chars: int  # characters of docket text of those entries


def record_size(*, caseid: int, only: RecordFilter) -> RecordSize:
    """How many entries a report shows and how much docket text they hold (one query)."""
    entries, chars = queries.record_size(caseid=caseid, only=only)
    return RecordSize(entries=entries, text_chars=chars)


@dataclass(frozen=True)
class DocumentAt:
    """Where a ``/doc1/`` document number sits: its case, its entry (every document of the
    entry, unfiltered: the caller decides what the person may open) and its part."""

    caseid: int
    entry: RecordEntry
    attachment_number: int


def document_at(*, court_id: str, number: int, attachment_number: int = 0) -> DocumentAt | None:
    """The court's document ``number`` (the number in CM/ECF's document id), or None.

    When the entry's parts share one number, ``attachment_number`` names the part.
    """
    found = queries.document_at(
        court_id=court_id, number=number, attachment_number=attachment_number
    )
    if found is None:
        return None
    number_on_docket = found.entry.entry_number
    [entry] = record_entries(
        caseid=found.entry.caseid,
        only=RecordFilter(
            sealed=True, restricted=True, number_from=number_on_docket, number_to=number_on_docket
        ),
        limit=1,
    )
    return DocumentAt(
        caseid=found.entry.caseid, entry=entry, attachment_number=found.attachment_number
    )
