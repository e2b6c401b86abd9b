"""What other apps may use of the docket: plain frozen dataclasses and ids, never models.

Today the event catalogue; the entries (for notices of electronic filing and the reports)
follow with filing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from openecf.docket import actions, queries

__all__ = ["CatalogueEvent", "events_of"]


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
