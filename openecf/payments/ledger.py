"""The ledger's one writer and its digest: rows are appended, never changed."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from decimal import Decimal

from openecf.payments.models import LedgerEntry, PaymentIntent


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
        kind=kind,
        court_id=intent.court_id,
        payer_id=intent.payer_id,
        purpose=intent.purpose,
        purpose_ref=intent.purpose_ref,
        amount=amount,
        receipt_number=intent.receipt_number,
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
    "court_id",
    "payer_id",
    "purpose",
    "purpose_ref",
    "receipt_number",
    "gateway_reference",
    "idempotency_key",
    "reason",
    "by_account_id",
)


def digest(entry: LedgerEntry) -> str:
    """SHA-256 of a row's content: ``openecf payments check`` recomputes it."""
    body = json.dumps(
        [
            *(getattr(entry, name) for name in DIGESTED),
            f"{Decimal(entry.amount):.2f}",
            entry.recorded_at.isoformat(timespec="microseconds"),
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()
