"""What every case action shares: its audit row, the court's date and finding the locked case."""

from __future__ import annotations

from datetime import date, datetime

from openecf.cases.errors import case_not_found
from openecf.cases.models import Case
from openecf.core import audit, clock, locks
from openecf.courts.models import Court


def _record_case(case: Case, *, actor_id: int | None, verb: str, **details: object) -> None:
    """The audit row of something done to a case, on its court's chain."""
    audit.record(
        actor_id=actor_id,
        verb=verb,
        subject=audit.Subject("case", case.pk),
        court_id=case.court_id,
        details={"case_number": case.case_number, **details},
    )


def _court_date(court: Court, now: datetime) -> date:
    """The date at the court (its own time zone) at the moment ``now``."""
    return clock.in_zone(now, court.time_zone).date()


def _locked_case(court: Court, caseid: int) -> Case:
    """The case's row, held until the transaction ends (the first lock, ADR 0006)."""
    found = locks.lock_row(Case.objects.filter(pk=caseid, court=court))
    if found is None:
        raise case_not_found(court.short_name or court.name)
    return found
