"""Who may see and decide e-file registration requests.

The person sees only their own requests; a court's clerk's office (and the operator) sees and
decides that court's queue. Anyone else is told the page does not exist.
"""

from __future__ import annotations

from openecf.core.errors import NotFound, NotSignedIn
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.registrations.models import RegistrationRequest


def require_signed_in(account) -> None:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to manage e-file registration.")


def own_request(account, registration_id: int) -> RegistrationRequest:
    require_signed_in(account)
    found = (
        RegistrationRequest.objects.select_related("court")
        .filter(pk=registration_id, account_id=account.pk)
        .first()
    )
    if found is None:
        raise NotFound(f"There is no e-file registration request {registration_id} of yours.")
    return found


def is_registration_clerk(account, court: Court) -> bool:
    if account is None:
        return False
    if getattr(account, "is_operator", False):
        return True
    return court_queries.staff_role(court, account.pk) == "clerk"


def require_registration_clerk(account, court: Court) -> None:
    require_signed_in(account)
    if not is_registration_clerk(account, court):
        raise NotFound(f"There is no e-file registration queue for you at {court.id}.")


def court_request(account, court: Court, registration_id: int) -> RegistrationRequest:
    require_registration_clerk(account, court)
    found = (
        RegistrationRequest.objects.select_related("court", "account")
        .filter(pk=registration_id, court=court)
        .first()
    )
    if found is None:
        raise NotFound(f"There is no e-file registration request {registration_id} at {court.id}.")
    return found
