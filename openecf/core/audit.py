"""The audit log: every action writes one row; ``openecf audit verify`` proves nothing changed.

Each court has its own chain (named by court id) and central actions share the ``central``
chain, so courts never wait on each other. A row's hash covers its content and the previous
row's hash; the chain head records the last sequence and hash, so an edited, deleted or
truncated row breaks verification.

A row's subject is what it is about, typed: ``Subject("account", 12)``. It is kept as the
string the hash covers (``"account:12"``) and as two indexed columns, ``subject_kind`` and
``subject_id``, for ``history(kind=..., id=...)``; ``verify`` checks the two always agree, so
editing a column is caught like editing the hashed row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from openecf.core import clock, locks
from openecf.core.models import AuditChain, AuditEvent
from openecf.core.records import one_or_none

CENTRAL = locks.CENTRAL
GENESIS = "0" * 64


@dataclass(frozen=True)
class Subject:
    """What an audit row is about: ``Subject("account", 12)``, ``Subject("court", "mowd")``."""

    kind: str
    id: int | str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}" if str(self.id) else self.kind

    @classmethod
    def parse(cls, text: str) -> Subject:
        """``"account:12"`` -> ``Subject("account", "12")``; ``"courts"`` -> ``Subject("courts")``."""
        kind, _, key = text.partition(":")
        return cls(kind, key)


# The columns a row's hash covers (with the hash of the row before it).
HASHED = ("chain", "sequence", "occurred_at", "actor_id", "court_id", "verb", "subject", "details")


def _digest(
    *,
    prev_hash: str,
    chain: str,
    sequence: int,
    occurred_at: datetime,
    actor_id: int | None,
    court_id: str,
    verb: str,
    subject: str,
    details: dict[str, Any],
) -> str:
    body = json.dumps(
        [
            prev_hash,
            chain,
            sequence,
            occurred_at.isoformat(timespec="microseconds"),
            actor_id,
            court_id,
            verb,
            subject,
            details,
        ],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _locked_head(name: str) -> AuditChain:
    locks.note_chain(name)
    head = one_or_none(AuditChain.objects.select_for_update().filter(name=name))
    if head is not None:  # the usual case: no savepoint needed
        return head
    try:
        with transaction.atomic():
            return AuditChain.objects.select_for_update().get_or_create(name=name)[0]
    except IntegrityError:  # another writer created the head first
        return AuditChain.objects.select_for_update().get(name=name)


def record(
    *,
    actor_id: int | None,
    verb: str,
    subject: Subject | str,
    court_id: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. Call inside the action's transaction.

    ``subject`` is a ``Subject``; a ``"kind:id"`` string is read as one.
    """
    typed = subject if isinstance(subject, Subject) else Subject.parse(subject)
    subject = str(typed)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must run inside the action's transaction")
    chain = court_id or CENTRAL
    details = json.loads(json.dumps(details or {}, default=str))
    head = _locked_head(chain)
    sequence = head.last_sequence + 1
    occurred_at = clock.now()
    prev = head.last_hash or GENESIS
    hashed: dict[str, Any] = {
        "chain": chain,
        "sequence": sequence,
        "occurred_at": occurred_at,
        "actor_id": actor_id,
        "court_id": court_id,
        "verb": verb,
        "subject": subject,
        "details": details,
    }
    digest = _digest(prev_hash=prev, **hashed)
    event = AuditEvent.objects.create(
        **hashed,
        subject_kind=typed.kind,
        subject_id=str(typed.id),
        prev_hash=prev,
        hash=digest,
    )
    AuditChain.objects.filter(pk=head.pk).update(last_sequence=sequence, last_hash=digest)
    return event


def history(*, kind: str, id: int | str, court_id: str | None = None) -> QuerySet[AuditEvent]:
    """Every row about one subject, oldest first: ``history(kind="account", id=12)``.

    ``court_id`` narrows it to one court's chain (``""``: central rows only).
    """
    rows = AuditEvent.objects.filter(subject_kind=kind, subject_id=str(id))
    if court_id is not None:
        rows = rows.filter(court_id=court_id)
    return rows.order_by("occurred_at", "chain", "sequence")


@dataclass(frozen=True)
class Break:
    chain: str
    sequence: int
    problem: str


def verify() -> list[Break]:
    """Walk every chain; return each place it is broken (empty list: intact)."""
    breaks: list[Break] = []
    heads = {head.name: head for head in AuditChain.objects.all()}
    chains = set(heads) | set(AuditEvent.objects.values_list("chain", flat=True).distinct())
    for chain in sorted(chains):
        expected_sequence = 1
        prev = GENESIS
        for event in AuditEvent.objects.filter(chain=chain).order_by("sequence").iterator():
            if event.sequence != expected_sequence:
                breaks.append(
                    Break(
                        chain,
                        expected_sequence,
                        f"rows {expected_sequence}-{event.sequence - 1} are missing",
                    )
                )
            if event.prev_hash != prev:
                breaks.append(Break(chain, event.sequence, "does not follow the row before it"))
            digest = _digest(
                prev_hash=event.prev_hash, **{name: getattr(event, name) for name in HASHED}
            )
            if digest != event.hash:
                breaks.append(Break(chain, event.sequence, "was changed after it was written"))
            elif Subject.parse(event.subject) != Subject(event.subject_kind, event.subject_id):
                breaks.append(
                    Break(chain, event.sequence, "subject columns differ from the hashed subject")
                )
            prev = event.hash
            expected_sequence = event.sequence + 1
        head = heads.get(chain)
        last = expected_sequence - 1
        if head is None:
            breaks.append(Break(chain, last, "has no chain head"))
        elif head.last_sequence != last or (last and head.last_hash != prev):
            breaks.append(
                Break(
                    chain, head.last_sequence, f"head says {head.last_sequence} rows, found {last}"
                )
            )
    return breaks
