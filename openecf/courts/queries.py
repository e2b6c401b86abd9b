"""Reads of the court registry that other apps rely on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from openecf.core import clock
from openecf.core.errors import NotFound
from openecf.courts import rules
from openecf.courts.models import Court, CourtStaff


def get_court(court_id: str) -> Court:
    try:
        return Court.objects.get(pk=court_id.lower())
    except Court.DoesNotExist:
        raise NotFound(f"There is no court {court_id!r}: check the court id (e.g. mowd).") from None


def status_of(court: Court, now: datetime | None = None) -> str:
    return rules.cmecf_status(court.nextgen_go_live, now or clock.now())


def is_nextgen(court: Court, now: datetime | None = None) -> bool:
    return status_of(court, now) == rules.NEXTGEN


@dataclass(frozen=True)
class CourtFilter:
    kind: str | None = None
    state: str | None = None
    status: str | None = None
    search: str | None = None


def courts(filters: CourtFilter = CourtFilter(), now: datetime | None = None) -> QuerySet[Court]:
    """Courts matching ``filters``; status is derived from the go-live moment and ``now``."""
    now = now or clock.now()
    found = Court.objects.all().order_by("id")
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.state:
        found = found.filter(state=filters.state.upper())
    if filters.status == rules.NEXTGEN:
        found = found.filter(nextgen_go_live__lte=now)
    elif filters.status == rules.LEGACY:
        found = found.filter(Q(nextgen_go_live__isnull=True) | Q(nextgen_go_live__gt=now))
    if filters.search:
        term = filters.search.strip()
        found = found.filter(
            Q(id__iexact=term)
            | Q(name__icontains=term)
            | Q(short_name__icontains=term)
            | Q(state__iexact=term)
        )
    return found


def clerk_court_ids(account_id: int) -> list[str]:
    """The courts whose clerk's office this account works in, by court id."""
    return _staff_court_ids(account_id, CourtStaff.Role.CLERK)


def judge_court_ids(account_id: int) -> list[str]:
    """The courts where this account sits as a judge (chambers), by court id."""
    return _staff_court_ids(account_id, CourtStaff.Role.JUDGE)


def _staff_court_ids(account_id: int, role: str) -> list[str]:
    return list(
        CourtStaff.objects.filter(account_id=account_id, role=role)
        .order_by("court_id")
        .values_list("court_id", flat=True)
    )


def judges(court_id: str) -> list[tuple[int, str]]:
    """The court's judges (chambers staff accounts) as (account id, full name), by name."""
    rows = (
        CourtStaff.objects.filter(court_id=court_id, role=CourtStaff.Role.JUDGE)
        .select_related("account")
        .order_by("account__last_name", "account__first_name", "account_id")
    )
    return [(row.account_id, row.account.full_name) for row in rows]
