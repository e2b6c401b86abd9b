"""Keeping the index in step with the record: each case change, inside its transaction, and
the rebuild from the whole record (``openecf locator rebuild``), which is idempotent.

Index rows are derived data: they carry no audit row (the change to the case has one).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import islice

from django.db import connection, transaction
from django.db.models import Q

from openecf.locator import rules
from openecf.locator.models import IndexedCase, IndexedName
from openecf.locator.records import CaseRecord

# The record's readers, registered by the court side at start-up (``read_record_with``): each
# yields every case of the record in (court id, caseid) order.
_SOURCES: list[Callable[[], Iterable[CaseRecord]]] = []

_CASE_FIELDS = [
    f.name for f in fields(CaseRecord) if f.name not in ("court_id", "caseid", "sealed", "names")
]


def read_record_with(source: Callable[[], Iterable[CaseRecord]]) -> None:
    """Register a reader of the whole record for ``rebuild`` (once per reader)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def _values(record: CaseRecord) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(record, name) for name in _CASE_FIELDS}
    values["court_kind"] = rules.court_kind_of(record.kind)
    return values


def _names(record: CaseRecord) -> list[tuple[str, str]]:
    return [(p.name.strip()[:300], p.role) for p in record.names if rules.name_words(p.name)]


def _write_names(row: IndexedCase, names: list[tuple[str, str]]) -> None:
    IndexedName.objects.bulk_create(
        IndexedName(
            case=row,
            name=name,
            role=role,
            words=rules.name_words(name)[:300],
            word_count=len(rules.name_words(name).split()),
        )
        for name, role in names
    )


def _drop(court_id: str, caseid: int) -> bool:
    found = IndexedCase.objects.filter(court_id=court_id, caseid=caseid).first()
    if found is None:
        return False
    IndexedName.objects.filter(case=found).delete()
    found.delete()
    return True


def _apply(record: CaseRecord, row: IndexedCase | None, indexed: list[tuple[str, str]]) -> str:
    """Bring one case's rows in line with the record: "added", "updated", "removed" or ""."""
    if record.sealed:
        return "removed" if _drop(record.court_id, record.caseid) else ""
    values = _values(record)
    names = _names(record)
    if row is None:
        row = IndexedCase.objects.create(court_id=record.court_id, caseid=record.caseid, **values)
        _write_names(row, names)
        return "added"
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
    if sorted(indexed) != sorted(names):
        IndexedName.objects.filter(case=row).delete()
        _write_names(row, names)
        changed.append("names")
    return "updated" if changed else ""


def index_case(record: CaseRecord) -> None:
    """Index the case as the record now has it, INSIDE the transaction changing the record
    (a sealed case leaves the index); a rolled-back change leaves the index as it was."""
    if not connection.in_atomic_block:
        raise RuntimeError("index_case() runs inside the transaction that changes the case")
    with transaction.atomic():
        row = IndexedCase.objects.filter(court_id=record.court_id, caseid=record.caseid).first()
        indexed = (
            list(IndexedName.objects.filter(case=row).values_list("name", "role"))
            if row is not None
            else []
        )
        _apply(record, row, indexed)


@dataclass
class Rebuilt:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed


def _after(key: tuple[str, int]) -> Q:
    return Q(court_id__gt=key[0]) | Q(court_id=key[0], caseid__gt=key[1])


def _through(key: tuple[str, int]) -> Q:
    return Q(court_id__lt=key[0]) | Q(court_id=key[0], caseid__lte=key[1])


def _batches(records: Iterator[CaseRecord], size: int) -> Iterator[list[CaseRecord]]:
    while batch := list(islice(records, size)):
        yield batch


def rebuild(*, batch: int = 1000, on_batch: Callable[[int], None] | None = None) -> Rebuilt:
    """Make the index exactly the record: add what is missing, correct what differs, remove
    what is sealed or gone. A second run changes nothing. One transaction per batch."""
    done = Rebuilt()
    ordered = heapq.merge(*(source() for source in _SOURCES), key=lambda r: (r.court_id, r.caseid))
    last: tuple[str, int] | None = None
    for chunk in _batches(ordered, batch):
        top = (chunk[-1].court_id, chunk[-1].caseid)
        with transaction.atomic():
            span = IndexedCase.objects.filter(_through(top))
            if last is not None:
                span = span.filter(_after(last))
            rows = {(r.court_id, r.caseid): r for r in span}
            names: dict[int, list[tuple[str, str]]] = {}
            for case_id, name, role in IndexedName.objects.filter(
                case_id__in=[r.pk for r in rows.values()]
            ).values_list("case_id", "name", "role"):
                names.setdefault(case_id, []).append((name, role))
            for record in chunk:
                row = rows.pop((record.court_id, record.caseid), None)
                outcome = _apply(record, row, names.get(row.pk, []) if row else [])
                if outcome:
                    setattr(done, outcome, getattr(done, outcome) + 1)
                else:
                    done.unchanged += 1
            for gone in rows.values():  # indexed but no longer in the record
                done.removed += _drop(gone.court_id, gone.caseid)
        last = top
        if on_batch is not None:
            on_batch(len(chunk))
    with transaction.atomic():
        rest = (
            IndexedCase.objects.filter(_after(last))
            if last is not None
            else IndexedCase.objects.all()
        )
        for gone in list(rest):
            done.removed += _drop(gone.court_id, gone.caseid)
    return done
