"""Who may change a court's settings: its clerk's office, and the operator."""

from __future__ import annotations

from openecf.core.errors import NotSignedIn, PermissionDenied
from openecf.courts import queries
from openecf.courts.models import Court, CourtStaff


def require_court_admin(account, court: Court) -> None:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to manage this court.")
    if getattr(account, "is_operator", False):
        return
    if queries.staff_role(court, account.pk) != CourtStaff.Role.CLERK:
        raise PermissionDenied(
            f"Only the clerk's office of {court.short_name} can change its settings."
        )
