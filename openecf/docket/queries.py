"""The docket's reads, court-scoped: the event catalogue, a case's entries and documents."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db import connections
from django.db.models import Count, FilteredRelation, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Length

from openecf.courts.fees import fee_schedule
from openecf.docket.errors import EntryNotFound, EventNotFound
from openecf.docket.models import PENDING, DocketEntry, Document, Event, ReviewSetting

if TYPE_CHECKING:
    from openecf.docket.facade import PublicFilter, RecordFilter


def events_of(*, court_id: str, active_only: bool = True) -> QuerySet[Event]:
    """The court's catalogue in menu order (call ``actions.ensure_catalogue`` first)."""
    events = Event.objects.filter(court_id=court_id)
    return events.filter(is_active=True) if active_only else events


def event(*, court_id: str, code: str) -> Event:
    found = Event.objects.filter(court_id=court_id, code=code, is_active=True).first()
    if found is None:
        raise EventNotFound(
            f"The court has no event {code!r}: see GET /api/v1/courts/{court_id}/events."
        )
    return found


def fees_of(*, court_id: str) -> dict[str, Decimal]:
    """The court's current amount for each fee kind (two queries for the whole catalogue)."""
    return {line.kind: line.amount for line in fee_schedule(court_id=court_id).lines}


def event_fee(event: Event, fees: dict[str, Decimal]) -> Decimal | None:
    """What filing ``event`` costs at its court now; None when nothing (no kind, or $0)."""
    amount = fees.get(event.fee_kind) if event.fee_kind else None
    return amount if amount else None


def entries_by_number(
    *, caseid: int, numbers: Sequence[int], public_only: bool = False
) -> dict[int, tuple[int, str]]:
    """``{entry number: (entry id, event name)}`` for those numbers of the case that exist
    (``public_only``: on the public record, so a filer cannot tell a sealed entry exists)."""
    if not numbers:
        return {}
    entries = DocketEntry.objects.filter(caseid=caseid, entry_number__in=list(numbers))
    if public_only:
        entries = entries.filter(sealed=False, held=False)
    rows = entries.values_list("entry_number", "pk", "event__name")
    return {number: (pk, name) for number, pk, name in rows}


def docket_of(
    *, caseid: int, sees_sealed: bool, participant: bool, viewer_id: int | None = None
) -> list[DocketEntry]:
    """The case's entries in number order as this viewer may see them, documents prefetched.

    A sealed entry or document is left out for anyone but court staff (``sees_sealed``), as
    is an entry held for the clerk's acceptance, except for its filer (``viewer_id``); a
    restricted document is left out for anyone but court staff and the case's attorneys.
    """
    entries = (
        DocketEntry.objects.filter(caseid=caseid)
        .select_related("event", "modified_by")
        .order_by("entry_number")
    )
    documents = Document.objects.select_related("stored_pdf").order_by("attachment_number")
    if not sees_sealed:
        held_for_me = Q(held=True) & (Q(filed_by_id=viewer_id) | Q(entered_by_id=viewer_id))
        entries = entries.filter(Q(held=False) | held_for_me, sealed=False)
        documents = documents.filter(sealed=False)
        if not participant:
            documents = documents.filter(restricted=False)
    return list(entries.prefetch_related(Prefetch("documents", queryset=documents)))


def _start_of(day: date, zone: str) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone))


def _record(caseid: int, only: RecordFilter) -> QuerySet[DocketEntry]:
    """The case's entries as a report's filter says (sealed, dates, numbers)."""
    entries = DocketEntry.objects.filter(caseid=caseid)
    if not only.sealed:
        # Sealed entries are the court's; so are filings held for the clerk's acceptance.
        entries = entries.filter(sealed=False, held=False)
    moment = "entered_at" if only.date_field == "entered" else "filed_at"
    if only.date_from is not None:
        entries = entries.filter(**{f"{moment}__gte": _start_of(only.date_from, only.zone)})
    if only.date_to is not None:
        end = _start_of(only.date_to + timedelta(days=1), only.zone)
        entries = entries.filter(**{f"{moment}__lt": end})
    if only.number_from is not None:
        entries = entries.filter(entry_number__gte=only.number_from)
    if only.number_to is not None:
        entries = entries.filter(entry_number__lte=only.number_to)
    return entries


ENTRY_FIELDS = (
    "pk", "court_id", "entry_number", "event__code", "event__category", "docket_text",
    "filed_at", "entered_at", "sealed", "held", "restricted", "stricken_at",
)  # fmt: skip
DOCUMENT_FIELDS = (
    "entry_id", "doc_id", "attachment_number", "description", "stored_pdf_id",
    "stored_pdf__page_count", "stored_pdf__size", "sealed", "restricted",
)  # fmt: skip
# One row per (entry, document it may show); an entry without one has NULLs in the document's
# columns. Entry columns first (ENTRY_FIELDS' order), then the document's.
RECORD_ROW_FIELDS = (*ENTRY_FIELDS, *(f"part__{name}" for name in DOCUMENT_FIELDS[1:]))


def record_rows(
    *, caseid: int, only: RecordFilter, after: int | None = None, chunk_size: int = 100
) -> Iterator[tuple]:
    """Every row of a report in one query (entries joined to the documents ``only`` lets it
    show), ordered by entry number then part, read ``chunk_size`` rows at a time (a server-side
    cursor on PostgreSQL): memory does not grow with the case. ``after``: the entry number the
    previous page ended with (keyset).

    The rows are the driver's own values, without the ORM's per-value converters (on SQLite
    booleans come as 0/1 and datetimes naive in UTC): a 10,000-entry report spent half its
    time in those. ``facade.record_stream`` makes them plain values again. 100 rows a chunk:
    with 500 the 10,000-entry report's peak memory was 1.33x the 1,000-entry one's, with 100
    1.10x (tracemalloc, the bench's cases).
    """
    entries = _record(caseid, only)
    if after is not None:
        newer = {"entry_number__lt": after} if only.newest_first else {"entry_number__gt": after}
        entries = entries.filter(**newer)
    shown = [True, False] if only.sealed else [False]
    opened = [True, False] if only.restricted else [False]
    order = "-entry_number" if only.newest_first else "entry_number"
    rows = (
        entries.annotate(
            part=FilteredRelation(
                "documents",
                condition=Q(documents__sealed__in=shown, documents__restricted__in=opened),
            )
        )
        .order_by(order, "part__attachment_number")
        .values_list(*RECORD_ROW_FIELDS)
    )
    sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(chunk_size):
            yield from chunk


def record_entry(
    *, caseid: int, entry_id: int, only: RecordFilter
) -> tuple[dict, list[dict]] | None:
    """One entry of the case by its id (CM/ECF's ``de_seq_num``), if the filter shows it."""
    rows = list(_record(caseid, only).filter(pk=entry_id).values(*ENTRY_FIELDS))
    found = _with_documents(rows, sealed=only.sealed, restricted=only.restricted)
    return found[0] if found else None


def _with_documents(
    rows: list[dict], *, sealed: bool, restricted: bool
) -> list[tuple[dict, list[dict]]]:
    """Each entry row with its documents (sealed and restricted ones only when asked): one
    query for the whole page."""
    documents = Document.objects.filter(entry_id__in=[row["pk"] for row in rows])
    if not sealed:
        documents = documents.filter(sealed=False)
    if not restricted:
        documents = documents.filter(restricted=False)
    parts: dict[int, list[dict]] = {}
    for document in documents.order_by("entry_id", "attachment_number").values(*DOCUMENT_FIELDS):
        parts.setdefault(document["entry_id"], []).append(document)
    return [(row, parts.get(row["pk"], [])) for row in rows]


def public_entries(
    *, court_id: str, only: PublicFilter, limit: int
) -> list[tuple[dict, list[dict]]]:
    """The court's entries on the public record (no sealed or held entry, no sealed document)
    that ``only`` lets through, newest entered first. Each row has its case and event name,
    and its documents (restricted ones flagged)."""
    entries = DocketEntry.objects.filter(court_id=court_id, sealed=False, held=False)
    if only.entered_since is not None:
        entries = entries.filter(entered_at__gte=only.entered_since)
    if only.filed_from is not None:
        entries = entries.filter(filed_at__gte=_start_of(only.filed_from, only.zone))
    if only.filed_to is not None:
        entries = entries.filter(
            filed_at__lt=_start_of(only.filed_to + timedelta(days=1), only.zone)
        )
    if only.categories is not None:
        entries = entries.filter(event__category__in=sorted(only.categories))
    if only.events is not None or only.words:
        chosen = Q(event__code__in=sorted(only.events or ()))
        for word in only.words:
            chosen |= Q(docket_text__icontains=word)
        entries = entries.filter(chosen)
    rows = list(
        entries.order_by("-entered_at", "-pk")[:limit].values(
            *ENTRY_FIELDS, "caseid", "event__name"
        )
    )
    return _with_documents(rows, sealed=False, restricted=True)


PROOF_OF_CLAIM = "proof-of-claim"


def proofs_of_claim(
    *, caseid: int, only: RecordFilter
) -> tuple[dict[int, int], list[tuple[dict, list[dict]]], list[tuple[dict, list[dict]]]]:
    """A case's claims as the filter lets the viewer see them: ({entry id: claim number}
    numbered over every proof of claim, sealed ones too, so a number never shifts with the
    viewer), the proofs of claim shown, and the later entries linked to them (objections)."""
    numbers = {
        pk: n
        for n, pk in enumerate(
            DocketEntry.objects.filter(caseid=caseid, event__code=PROOF_OF_CLAIM)
            .order_by("entry_number")
            .values_list("pk", flat=True),
            1,
        )
    }
    people = (
        "free_text", "filer_party_ids", "filed_by__first_name", "filed_by__last_name",
        "entered_by__first_name", "entered_by__last_name", "claim_amounts__amount_claimed",
        "claim_amounts__secured", "claim_amounts__priority",
    )  # fmt: skip
    shown = _record(caseid, only).filter(event__code=PROOF_OF_CLAIM).order_by("entry_number")
    claims = list(shown.values(*ENTRY_FIELDS, *people))
    linked = list(
        _record(caseid, only)
        .filter(links__in=[row["pk"] for row in claims])
        .order_by("entry_number")
        .values(*ENTRY_FIELDS, "links")
    )
    flags = {"sealed": only.sealed, "restricted": only.restricted}
    return numbers, _with_documents(claims, **flags), _with_documents(linked, **flags)


def record_size(*, caseid: int, only: RecordFilter) -> tuple[int, int]:
    """(entries, characters of their docket text) of a report, in one query."""
    totals = _record(caseid, only).aggregate(
        entries=Count("pk"), chars=Coalesce(Sum(Length("docket_text")), 0)
    )
    return totals["entries"], totals["chars"]


def entry_at(*, court_id: str, caseid: int, entry_number: int) -> DocketEntry:
    """One entry of a case at the court (for court staff: sealed and held ones too)."""
    found = (
        DocketEntry.objects.filter(court_id=court_id, caseid=caseid, entry_number=entry_number)
        .select_related("event", "modified_by", "reviewed_by")
        .first()
    )
    if found is None:
        raise EntryNotFound(f"Case {caseid} has no entry {entry_number} at this court.")
    return found


def reviews_before(*, court_id: str) -> bool:
    """Whether the court reviews new filings before they are on the public record."""
    return ReviewSetting.objects.filter(court_id=court_id, review_before=True).exists()


def review_queue(*, court_id: str, limit: int = 200) -> list[DocketEntry]:
    """The court's filings waiting for a clerk's review, oldest first."""
    return list(
        DocketEntry.objects.filter(court_id=court_id, review=PENDING)
        .select_related("event", "filed_by", "entered_by")
        .prefetch_related("documents")
        .order_by("filed_at", "pk")[:limit]
    )


def document_at(*, court_id: str, number: int, attachment_number: int) -> Document | None:
    """The court's document with this ``/doc1/`` number: the part asked for when the entry's
    parts share the number, else the one part that has it."""
    rows = Document.objects.filter(doc_id=number, entry__court_id=court_id).select_related("entry")
    return rows.filter(attachment_number=attachment_number).first() or (
        rows.order_by("attachment_number").first() if attachment_number == 0 else None
    )
