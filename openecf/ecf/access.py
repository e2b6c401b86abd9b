"""Who may see or do what on the court side."""

from __future__ import annotations

from openecf.core.errors import NotSignedIn, PermissionDenied
from openecf.courts.models import Court, CourtStaff
from openecf.courts.queries import staff_role


def is_court_clerk(account, court: Court) -> bool:
    if account is None:
        return False
    if getattr(account, "is_operator", False):
        return True
    return staff_role(court, account.pk) == CourtStaff.Role.CLERK


def require_court_clerk(account, court: Court) -> None:
    """The clerk's office of this court, or an operator."""
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to manage this court's logins.")
    if not is_court_clerk(account, court):
        raise PermissionDenied(
            f"Only the clerk's office of {court.short_name or court.name} can manage its "
            "CM/ECF logins."
        )


def require_signed_in(account) -> None:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account first.")
