"""Only the firm's PACER Administrative Account sees its readiness page; anyone else: not found."""

from __future__ import annotations

from openecf.firms import facade as firms


def require_firm_administrator(account) -> firms.FirmSummary:
    return firms.firm_administered_by(account)
