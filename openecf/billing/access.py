"""Who may see which bill: the account it is addressed to, and nobody else (others: 404)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openecf.accounts import facade as accounts
from openecf.billing.models import QuarterStatement
from openecf.core.errors import NotFound, NotSignedIn
from openecf.firms import facade as firms

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def require_account(account: Account | None) -> Account:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account.")
    return account


def require_usage_reader(account: Account | None) -> Account:
    """Usage pages are for upgraded accounts (a legacy account may only pay and upgrade)."""
    return accounts.require_upgraded(require_account(account))


def statement_for(account: Account | None, statement_id: int) -> QuarterStatement:
    owner = require_account(account)
    found = QuarterStatement.objects.filter(pk=statement_id, account_id=owner.pk).first()
    if found is None:
        raise NotFound("There is no such invoice or statement for this account.")
    return found


def require_firm_paa(account: Account | None) -> firms.FirmSummary:
    """The firm whose PACER Administrative Account is signed in (others: not found)."""
    return firms.firm_administered_by(account)
