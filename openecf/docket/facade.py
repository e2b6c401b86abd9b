"""What other apps may use of the docket: plain frozen dataclasses and ids, never models.

The event catalogue, and the announcement of every recorded entry: ``when_entry_recorded``
registers a receiver the docket calls with a ``RecordedEntry`` inside the entry's own
transaction (notices writes the entry's Notice of Electronic Filing there).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from openecf.docket import actions, queries
from openecf.docket.announcements import RecordedDocument, RecordedEntry, when_entry_recorded

__all__ = [
    "CatalogueEvent",
    "RecordedDocument",
    "RecordedEntry",
    "events_of",
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
