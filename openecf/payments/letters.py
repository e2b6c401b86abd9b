"""The e-mails of payments: pure functions returning ``core.letters.Letter``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openecf.core.letters import Letter
from openecf.payments.rules import money


@dataclass(frozen=True)
class ReceiptFacts:
    """What a receipt says, in words: the caller formats times and builds the full link."""

    payer_name: str
    court_name: str
    receipt_number: str
    description: str
    amount: Decimal
    paid_at: str
    card: str
    link: str


def receipt(facts: ReceiptFacts) -> Letter:
    """The receipt for one payment, sent to the payer."""
    return Letter(
        subject=f"Receipt {facts.receipt_number}: {money(facts.amount)} paid to the "
        f"{facts.court_name}",
        text=(
            f"Dear {facts.payer_name},\n\n"
            f"The {facts.court_name} received your payment.\n\n"
            f"Receipt number: {facts.receipt_number}\n"
            f"For: {facts.description}\n"
            f"Amount: {money(facts.amount)}\n"
            f"Paid: {facts.paid_at}\n"
            f"Paid with: {facts.card}\n\n"
            f"Your receipt: {facts.link}\n\n"
            "Keep this e-mail for your records. Questions about the fee go to the clerk's "
            "office of the court.\n"
        ),
    )


def refund_notice(facts: ReceiptFacts, *, amount: Decimal, reason: str, on: str) -> Letter:
    """The clerk refunded (part of) a payment: the payer is told how much and why."""
    return Letter(
        subject=f"Refund of {money(amount)} on receipt {facts.receipt_number}",
        text=(
            f"Dear {facts.payer_name},\n\n"
            f"The {facts.court_name} refunded {money(amount)} of your payment of "
            f"{money(facts.amount)} with receipt {facts.receipt_number} on {on}.\n\n"
            f"Reason: {reason}\n\n"
            f"The refund goes back to the {facts.card}; your card issuer may take a few days "
            "to show it.\n\n"
            f"Your receipt: {facts.link}\n"
        ),
    )
