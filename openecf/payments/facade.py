"""What other apps may ask of payments (the fees lane, docket, billing import this).

Only plain frozen dataclasses and simple values cross this boundary. ``pay`` must be called
OUTSIDE any open transaction: it commits its own intent row before talking to the gateway, and
``purpose_ref`` is the idempotency anchor (at most one completed charge per ``purpose_ref``; a
repeat answers the same ``Payment``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import ParamSpec, TypeVar

from openecf.payments import actions, queries, rules
from openecf.payments.errors import (
    GatewayUnavailable,
    HostedPaymentEnded,
    PaaCannotPayCourtFees,
    PaymentDeclined,
    PaymentInProgress,
    PaymentMethodExpired,
)
from openecf.payments.gateways import Card
from openecf.payments.models import LedgerEntry, PaymentIntent

P = ParamSpec("P")

__all__ = [
    "Card",
    "GatewayUnavailable",
    "HostedCheckout",
    "HostedPaymentEnded",
    "LedgerRow",
    "PaaCannotPayCourtFees",
    "Payment",
    "PaymentDeclined",
    "PaymentInProgress",
    "PaymentMethodExpired",
    "begin_hosted",
    "cancel_hosted",
    "complete_hosted",
    "court_ledger",
    "hosted_checkout",
    "pay",
    "payment_by_receipt",
    "payment_for",
    "refund",
    "settle_pending",
    "stored_methods",
    "StoredMethod",
]


@dataclass(frozen=True)
class Payment:
    receipt_number: str
    amount: Decimal
    court_id: str
    paid_at: datetime
    payer_id: int
    purpose: str
    purpose_ref: str
    description: str
    gateway_reference: str
    refunded: Decimal


@dataclass(frozen=True)
class LedgerRow:
    """One charge (positive) or refund (negative) at a court, for the clerk's fee report."""

    kind: str
    receipt_number: str
    amount: Decimal
    court_id: str
    payer_id: int
    purpose: str
    purpose_ref: str
    description: str
    recorded_at: datetime
    reason: str
    gateway_reference: str


@dataclass(frozen=True)
class StoredMethod:
    """A person's stored card as a pay page offers it: never the number, only what it shows."""

    id: int
    label: str
    is_default: bool
    expired: bool


Copy = TypeVar("Copy")


def _copy(kind: type[Copy], source: object, **given: object) -> Copy:
    """A ``kind`` dataclass with each field read from ``source`` unless ``given``."""
    found = {f.name: getattr(source, f.name) for f in fields(kind) if f.name not in given}  # type: ignore[arg-type]
    return kind(**found, **given)


def _payment(intent: PaymentIntent) -> Payment:
    return _copy(Payment, intent)


def _answering_payment(action: Callable[P, PaymentIntent]) -> Callable[P, Payment]:
    """The action, answering a frozen ``Payment`` instead of the model row."""

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> Payment:
        return _payment(action(*args, **kwargs))

    return run


# pay(*, payer_id, court_id, purpose, purpose_ref, description, amount, method_id=None,
#     card=None) -> Payment: charge once for ``purpose_ref``. Raises ``PaaCannotPayCourtFees``
# (403), ``PaymentDeclined`` (402), ``PaymentMethodExpired``/``InputInvalid`` (422),
# ``GatewayUnavailable`` (503), ``PaymentInProgress`` (409).
pay = _answering_payment(actions.pay)

# refund(*, receipt_number, amount, reason, by_account_id) -> Payment: refund (part of) a
# payment; the caller has checked that the refunder is the court's clerk.
refund = _answering_payment(actions.refund)


@dataclass(frozen=True)
class HostedCheckout:
    """A hosted payment begun: where to send the payer's browser, or the payment when the
    thing was already paid (then ``redirect_url`` is empty)."""

    redirect_url: str
    paid: Payment | None


def hosted_checkout() -> bool:
    """Whether typed cards go to the gateway's own hosted page (pay.gov) instead of our form."""
    return actions.hosted_checkout()


def begin_hosted(
    *,
    payer_id: int,
    court_id: str,
    purpose: str,
    purpose_ref: str,
    description: str,
    amount: Decimal,
    return_url: str,
    cancel_url: str,
) -> HostedCheckout:
    """Start paying ``purpose_ref`` on the gateway's hosted page (call outside any transaction).

    The gateway sends the payer back to ``return_url?token=...`` (then call
    ``complete_hosted``) or ``cancel_url?token=...`` (``cancel_hosted``). Refusals as ``pay``.
    """
    begun = actions.begin_hosted(
        payer_id=payer_id,
        court_id=court_id,
        purpose=purpose,
        purpose_ref=purpose_ref,
        description=description,
        amount=amount,
        return_url=return_url,
        cancel_url=cancel_url,
    )
    paid = _payment(begun.paid) if begun.paid is not None else None
    return HostedCheckout(redirect_url=begun.redirect_url, paid=paid)


# complete_hosted(*, payer_id, token) -> Payment: the payer came back from the hosted page;
# capture once and record. Coming back twice answers the same Payment. Raises ``NotFound``
# (not this payer's token), ``PaymentDeclined`` (402, a decline or an expired page),
# ``HostedPaymentEnded`` (409, cancelled or abandoned), ``GatewayUnavailable`` (503).
complete_hosted = _answering_payment(actions.complete_hosted)


def cancel_hosted(*, payer_id: int, token: str) -> None:
    """The payer cancelled on the hosted page: nothing is charged under it."""
    actions.cancel_hosted(payer_id=payer_id, token=token)


def payment_for(*, purpose_ref: str) -> Payment | None:
    """The completed payment for ``purpose_ref``, or None."""
    found = queries.payment_for(purpose_ref)
    return _payment(found) if found is not None else None


def payment_by_receipt(*, receipt_number: str) -> Payment | None:
    found = queries.payment_by_receipt(receipt_number)
    return _payment(found) if found is not None else None


def court_ledger(*, court_id: str, start: datetime, end: datetime) -> list[LedgerRow]:
    """Payments and refunds recorded at one court in ``[start, end)``, oldest first."""
    return [_ledger_row(entry) for entry in queries.court_ledger(court_id, start, end)]


def _ledger_row(entry: LedgerEntry) -> LedgerRow:
    return _copy(LedgerRow, entry, description=entry.intent.description)


def settle_pending() -> int:
    """Settle payments left pending by a process that stopped; how many were settled."""
    return len(actions.settle_pending())


def stored_methods(*, payer_id: int, now: datetime) -> list[StoredMethod]:
    """The person's live stored methods, the default first, each labelled as the pages show it."""
    methods = sorted(actions.live_methods(payer_id), key=lambda m: not m.is_default)
    return [
        StoredMethod(
            id=m.pk,
            label=f"{m.nickname} ({m.get_kind_display()} ending {m.last_four}, "
            f"expires {m.exp_month:02d}/{m.exp_year})",
            is_default=m.is_default,
            expired=rules.is_expired(exp_month=m.exp_month, exp_year=m.exp_year, now=now),
        )
        for m in methods
    ]
