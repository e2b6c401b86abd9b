"""The ledger's one writer and its digest: rows are appended, never changed."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal

from openecf.payments.models import LedgerEntry, PaymentIntent

# A row repeats these of its payment, so a court's report reads the ledger alone.
FROM_THE_PAYMENT = ("court_id", "payer_id", "purpose", "purpose_ref", "receipt_number")


def append(
    intent: PaymentIntent,
    *,
    kind: str,
    amount: Decimal,
    gateway_reference: str,
    idempotency_key: str,
    at: datetime,
    reason: str = "",
    by_account_id: int | None = None,
) -> LedgerEntry:
    """Append one immutable row for ``intent`` (inside the caller's transaction)."""
    assert intent.receipt_number is not None
    entry = LedgerEntry(
        intent=intent,
        **{name: getattr(intent, name) for name in FROM_THE_PAYMENT},
        kind=kind,
        amount=amount,
        gateway_reference=gateway_reference,
        idempotency_key=idempotency_key,
        reason=reason,
        by_account_id=by_account_id,
        recorded_at=at,
    )
    entry.digest = digest(entry)
    entry.save(force_insert=True)
    return entry


DIGESTED = (
    "intent_id",
    "kind",
    *FROM_THE_PAYMENT,
    "gateway_reference",
    "idempotency_key",
    "reason",
)


def digest(entry: LedgerEntry) -> str:
    """SHA-256 of a row's content: ``openecf payments check`` recomputes it."""
    body = json.dumps(
        [
            *(getattr(entry, name) for name in DIGESTED),
            entry.by_account_id,
            f"{Decimal(entry.amount):.2f}",
            entry.recorded_at.isoformat(timespec="microseconds"),
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()
