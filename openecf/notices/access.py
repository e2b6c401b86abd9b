"""Who may compose, send and schedule notices: the court's clerk's office, and the operator."""

from __future__ import annotations

from openecf.core.errors import NotSignedIn, PermissionDenied
from openecf.courts import queries as court_queries
from openecf.courts.models import Court, CourtStaff


def may_send_notices(account, court: Court) -> bool:
    if account is None:
        return False
    if getattr(account, "is_operator", False):
        return True
    return court_queries.staff_role(court, account.pk) == CourtStaff.Role.CLERK


def require_notice_clerk(account, court: Court) -> None:
    if account is None:
        raise NotSignedIn(f"Sign in as the clerk's office of {court.short_name}.")
    if not may_send_notices(account, court):
        raise PermissionDenied(
            f"Only the clerk's office of {court.short_name} can send notices to its bar."
        )
