"""What every court-login action shares: its audit row and ending its court-local sessions."""

from __future__ import annotations

from datetime import datetime, timedelta

from openecf.core import audit
from openecf.courts.models import Court
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginSession,
)

COURT_SESSION_LIFETIME = timedelta(hours=8)
WRONG_PASSWORD = (
    "The CM/ECF login or password is not right. Check both and try again; after 5 wrong "
    'passwords the login is locked for 5 minutes. Forgot it? Use "Forgot your password" on '
    "the court's login page or contact the clerk's office."
)


def _record_court_login(
    record: CourtLogin, court: Court, *, actor_id: int | None, verb: str, **details: object
) -> None:
    """The audit row of something done to a court login, on the court's chain."""
    audit.record(
        actor_id=actor_id,
        verb=verb,
        subject=audit.Subject("court_login", record.pk),
        court_id=court.pk,
        details={"court_login": record.login, **details},
    )


def _end_court_sessions(record: CourtLogin, now: datetime) -> int:
    """End every live court-local session of a court login; how many ended."""
    return CourtLoginSession.objects.filter(court_login=record, ended_at__isnull=True).update(
        ended_at=now
    )
