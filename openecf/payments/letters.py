"""The e-mails of payments: pure functions returning ``core.letters.Letter``."""

from __future__ import annotations

from decimal import Decimal

from openecf.core.letters import Letter
from openecf.payments.rules import money


def receipt(
    *,
    payer_name: str,
    court_name: str,
    receipt_number: str,
    description: str,
    amount: Decimal,
    paid_at: str,
    card: str,
    receipt_link: str,
) -> Letter:
    """The receipt for one payment, sent to the payer."""
    return Letter(
        subject=f"Receipt {receipt_number}: {money(amount)} paid to the {court_name}",
        text=(
            f"Dear {payer_name},\n\n"
            f"The {court_name} received your payment.\n\n"
            f"Receipt number: {receipt_number}\n"
            f"For: {description}\n"
            f"Amount: {money(amount)}\n"
            f"Paid: {paid_at}\n"
            f"Paid with: {card}\n\n"
            f"Your receipt: {receipt_link}\n\n"
            "Keep this e-mail for your records. Questions about the fee go to the clerk's "
            "office of the court.\n"
        ),
    )


def refund_notice(
    *,
    payer_name: str,
    court_name: str,
    receipt_number: str,
    amount: Decimal,
    reason: str,
    refunded_at: str,
    receipt_link: str,
) -> Letter:
    """The clerk refunded (part of) a payment: the payer is told how much and why."""
    return Letter(
        subject=f"Refund of {money(amount)} on receipt {receipt_number}",
        text=(
            f"Dear {payer_name},\n\n"
            f"The {court_name} refunded {money(amount)} of the payment with receipt "
            f"{receipt_number} on {refunded_at}.\n\n"
            f"Reason: {reason}\n\n"
            "The refund goes back to the card that paid; your card issuer may take a few days "
            "to show it.\n\n"
            f"Your receipt: {receipt_link}\n"
        ),
    )
