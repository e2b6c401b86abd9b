"""Who may see and decide e-file registration requests.

The person sees only their own requests; a court's clerk's office (and the operator) sees and
decides that court's queue. Anyone else is told the page does not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openecf.core.errors import NotFound, NotSignedIn
from openecf.courts import access as court_access
from openecf.courts.access import Standing
from openecf.courts.models import Court
from openecf.registrations.models import RegistrationRequest

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def require_signed_in(account: Account | None) -> Account:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to manage e-file registration.")
    return account


def own_request(account: Account | None, registration_id: int) -> RegistrationRequest:
    account = require_signed_in(account)
    found = (
        RegistrationRequest.objects.select_related("court")
        .filter(pk=registration_id, account_id=account.pk)
        .first()
    )
    if found is None:
        raise NotFound(f"There is no e-file registration request {registration_id} of yours.")
    return found


def require_registration_clerk(standing: Standing) -> None:
    court_access.require_clerk(standing, what="e-file registration queue")


def court_request(standing: Standing, court: Court, registration_id: int) -> RegistrationRequest:
    """A request in the court's queue, for its clerk's office; missing and not yours look alike."""
    require_registration_clerk(standing)
    found = (
        RegistrationRequest.objects.select_related("court", "account")
        .filter(pk=registration_id, court=court)
        .first()
    )
    if found is None:
        raise NotFound(f"There is no e-file registration request {registration_id} at {court.id}.")
    return found
