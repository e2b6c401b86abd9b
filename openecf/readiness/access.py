"""Only the firm's PACER Administrative Account sees its readiness page; anyone else: not found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openecf.firms import facade as firms

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def require_firm_administrator(account: Account | None) -> firms.FirmSummary:
    return firms.firm_administered_by(account)
