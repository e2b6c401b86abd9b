"""Who may administer a firm: whoever is signed in with its PACER Administrative Account.

Anyone else (signed in) gets "not found", so the firm's existence is not revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openecf.core.errors import NotFound, NotSignedIn
from openecf.firms import queries
from openecf.firms.models import Firm

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def require_firm_administrator(account: Account | None) -> Firm:
    if account is None:
        raise NotSignedIn("Sign in with your firm's PACER Administrative Account.")
    firm = queries.firm_of_paa(account)
    if firm is None:
        raise NotFound(
            "There is no firm here for this account. Sign in with your firm's PACER "
            "Administrative Account, or register one at /firm/register/."
        )
    return firm


def require_person(account: Account | None) -> Account:
    """Invitations and leaving a firm: any signed-in individual account."""
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to see your firm invitations.")
    return account
