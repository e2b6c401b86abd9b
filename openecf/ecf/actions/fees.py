"""Court fees owed: recorded when the court grants something that carries a fee."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from openecf.ecf.models import CourtFeeOwed


def record_fee_owed(
    *, court_id: str, account_id: int, kind: str, amount: Decimal, reference: str, now: datetime
) -> CourtFeeOwed:
    """Record that a person owes the court a fee (paid by them, never by a firm's PAA).

    Part of the caller's action: call it inside that action's transaction, whose audit row
    names the fee (e.g. an approved e-file registration).
    """
    if kind not in CourtFeeOwed.Kind.values:
        raise ValueError(f"{kind!r} is not a kind of court fee.")
    return CourtFeeOwed.objects.create(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        amount=amount,
        created_at=now,
        reference=reference,
    )
