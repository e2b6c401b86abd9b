"""The court's RSS feed of recent entries (CM/ECF's ``rss_outside.pl``) and its setting.

The feed is public (no sign-in, as in CM/ECF) and the same for everyone: each entry is shown
as the public sees it (``record_access`` of an anonymous standing). A sealed case, a sealed or
held entry never appears; a document the public may not open (restricted, or in a Social
Security or immigration case other than the court's orders) is listed without its link. Which
event categories the feed carries is the court's setting (``FeedSetting``), edited by its
clerk on a page and through the API; without a row it carries every category.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from openecf.cases import facade as cases
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.access import require_clerk, standing_at
from openecf.courts.models import Court
from openecf.docket import facade as docket
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.models import FeedSetting

# CM/ECF's feed covers the last day's entries.
FEED_WINDOW = timedelta(hours=24)
FEED_LIMIT = 500


@dataclass(frozen=True)
class FeedChoice:
    """Which event categories the court's feed carries, out of its catalogue's."""

    every_category: bool
    categories: tuple[str, ...]  # when not every category: the chosen ones, in menu order
    available: tuple[str, ...]  # the court's event categories, in menu order
    changed_at: datetime | None

    @property
    def shown(self) -> str:
        """CM/ECF's channel description: ``Docket entries of type: all``."""
        return "all" if self.every_category else ", ".join(self.categories) or "none"

    @property
    def only(self) -> frozenset[str] | None:
        return None if self.every_category else frozenset(self.categories)


def _available(court_id: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for event in docket.events_of(court_id=court_id):
        seen.setdefault(event.category, None)
    return tuple(seen)


def feed_choice(*, court_id: str) -> FeedChoice:
    available = _available(court_id)
    row = FeedSetting.objects.filter(court_id=court_id).first()
    if row is None or row.every_category:
        return FeedChoice(True, (), available, row.changed_at if row else None)
    chosen = set(row.categories)
    ordered = tuple(c for c in available if c in chosen) + tuple(
        sorted(chosen - set(available))  # a category the clerk has since emptied stays listed
    )
    return FeedChoice(False, ordered, available, row.changed_at)


def choose_feed(
    *, actor_id: int, court: Court, every_category: bool, categories: list[str]
) -> FeedChoice:
    """The clerk's choice of the categories the feed carries (every one, or those named)."""
    require_clerk(standing_at(court=court, account_id=actor_id), what="RSS feed setting")
    available = _available(court.pk)
    if not every_category:
        unknown = [c for c in categories if c not in available]
        if unknown:
            raise InputInvalid(
                {
                    "categories": f"{court.short_name}'s event catalogue has no category "
                    f"{', '.join(repr(c) for c in unknown)}: choose among "
                    f"{', '.join(available)}."
                }
            )
        if not categories:
            raise InputInvalid({"categories": "Choose at least one category, or every category."})
    chosen = [] if every_category else [c for c in available if c in set(categories)]
    with durable_action():
        FeedSetting.objects.update_or_create(
            court=court,
            defaults={
                "every_category": every_category,
                "categories": chosen,
                "changed_at": clock.now(),
                "changed_by_id": actor_id,
            },
        )
        audit.record(
            actor_id=actor_id,
            verb="reports.feed_categories_changed",
            subject=audit.Subject("court", court.pk),
            court_id=court.pk,
            details={"categories": "all" if every_category else chosen},
        )
    return feed_choice(court_id=court.pk)


@dataclass(frozen=True)
class FeedItem:
    """One entry of the feed, as the public sees it."""

    case: cases.Case
    trustee: str  # a bankruptcy case's trustee, "" when none
    event_name: str
    entry: docket.RecordEntry
    document: docket.RecordDocument | None  # the main document when the public may open it


def feed_items(*, court: Court, now: datetime | None = None) -> list[FeedItem]:
    """The feed's entries, newest first: the last day's, of the chosen categories."""
    since = (now or clock.now()) - FEED_WINDOW
    only = feed_choice(court_id=court.pk).only
    public = standing_at(court=court, account_id=None)
    seen: dict[int, tuple[RecordAccess, str] | None] = {}
    items = []
    recently = docket.PublicFilter(entered_since=since, categories=only)
    for recent in docket.public_entries(court_id=court.pk, only=recently, limit=FEED_LIMIT):
        if recent.caseid not in seen:
            seen[recent.caseid] = _case_as_public(public, recent.caseid)
        found = seen[recent.caseid]
        if found is None:
            continue
        access, trustee = found
        entry = recent.entry
        main = next((d for d in entry.documents if d.attachment_number == 0), None)
        items.append(
            FeedItem(
                case=access.case,
                trustee=trustee,
                event_name=recent.event_name,
                entry=entry,
                document=main if main is not None and access.may_open(entry, main) else None,
            )
        )
    return items


def _case_as_public(public, caseid: int) -> tuple[RecordAccess, str] | None:
    try:
        access = record_access(public, caseid)
    except cases.CaseNotFound:
        return None  # sealed (or gone): never in the feed
    trustee = ""
    if access.case.kind in ("bk", "ap"):
        trustee = next((p.name for p in cases.parties(caseid=caseid) if p.role == "trustee"), "")
    return access, trustee
