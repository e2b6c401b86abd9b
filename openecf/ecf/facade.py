"""What other apps use of the court side: privileges, links, the filing check, the bar.

Registrations (e-file requests) call ``grant_privilege``; notices call ``filers_at``;
readiness calls ``is_linked``/``privileges_of``/``can_file``; filing uses ``principals_of``
(whom an agent files for: their name is shown as the filer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from openecf.ecf import actions
from openecf.ecf.access import can_file
from openecf.ecf.actions import grant_privilege, revoke_privilege
from openecf.ecf.queries import (
    agents_of,
    court_logins_for_email,
    filers_at,
    is_linked,
    linked_login,
    principals_of,
    privileges_of,
)
from openecf.ecf.rules import FilingCheck, MissingStep

__all__ = [
    "FeeOwed",
    "FilingCheck",
    "MissingStep",
    "agents_of",
    "can_file",
    "court_logins_for_email",
    "filers_at",
    "grant_privilege",
    "is_linked",
    "linked_login",
    "principals_of",
    "privileges_of",
    "record_fee_owed",
    "revoke_privilege",
]


@dataclass(frozen=True)
class FeeOwed:
    """A court fee a person owes (admission, pro hac vice, dues)."""

    id: int
    court_id: str
    account_id: int
    kind: str
    kind_label: str
    amount: Decimal
    reference: str
    created_at: datetime


def record_fee_owed(
    *, court_id: str, account_id: int, kind: str, amount: Decimal, reference: str, now: datetime
) -> FeeOwed:
    """Record a fee owed; call inside your own action's transaction, whose audit row names it."""
    fee = actions.record_fee_owed(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        amount=amount,
        reference=reference,
        now=now,
    )
    return FeeOwed(
        id=fee.pk,
        court_id=fee.court_id,
        account_id=fee.account_id,
        kind=fee.kind,
        kind_label=fee.get_kind_display(),
        amount=fee.amount,
        reference=fee.reference,
        created_at=fee.created_at,
    )
