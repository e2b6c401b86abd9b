"""The docket announces each entry it records, inside the entry's own transaction.

Notices of Electronic Filing must exist exactly when their entry does (issue 11), yet the
docket imports nothing of notices (import-linter). So the docket hands the facts of every
recorded entry, as frozen values, to the receivers registered here: notices registers one in
its ``AppConfig.ready``. A receiver runs inside the filing's transaction, before it commits;
when it raises, the filing rolls back whole (no entry without its notice). Receivers write
rows only: e-mail and other slow work go after commit (the outbox's worker). This is an
explicit, typed call list, not a Django signal (decision 0007).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RecordedDocument:
    doc_id: str  # CM/ECF's document id (courts.doc_ids): the /doc1/ link's
    attachment_number: int  # 0: the main document
    description: str  # "Main Document", "Exhibit A"
    file_name: str  # as uploaded
    stamp: str  # the electronic document stamp
    sealed: bool
    restricted: bool  # to case participants and court staff


@dataclass(frozen=True)
class RecordedEntry:
    """One docket entry as it was recorded: what a notice of it needs from the docket."""

    court_id: str
    caseid: int
    entry_id: int  # CM/ECF's de_seq_num
    entry_number: int
    event_code: str
    event_name: str  # "MOTION to Dismiss"
    docket_text: str
    filed_at: datetime  # aware (UTC); shown in the court's zone
    entered_at: datetime
    filed_by_id: int | None  # the attorney named as filer, or the court's staff member
    entered_by_id: int  # the account that entered it (an agent, the attorney, staff)
    filer_party_ids: tuple[int, ...]
    by_court: bool  # docketed by court staff (text orders, minute entries)
    sealed: bool
    text_only: bool  # no document
    is_transcript: bool  # no free look for transcripts
    documents: tuple[RecordedDocument, ...]


EntryReceiver = Callable[[RecordedEntry], None]
_receivers: list[EntryReceiver] = []


def when_entry_recorded(receiver: EntryReceiver) -> None:
    """Call ``receiver`` with every entry the docket records, inside its transaction
    (registering the same receiver again changes nothing)."""
    if receiver not in _receivers:
        _receivers.append(receiver)


def receivers() -> tuple[EntryReceiver, ...]:
    return tuple(_receivers)


def announce(entry: RecordedEntry) -> None:
    """Hand ``entry`` to each receiver, in the order they registered (the docket's
    ``record_entry`` calls this last, inside the filing's transaction)."""
    for receiver in tuple(_receivers):
        receiver(entry)
