"""Pure rules of payments: cards, receipts, who may pay what, refunds. No database, no clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Protocol

MAX_STORED_METHODS = 3
# How long a payer may take on the gateway's hosted page before the payment is abandoned.
HOSTED_PAGE_LIFETIME = timedelta(minutes=30)
COURT_PURPOSES = frozenset({"court_fee", "filing_fee"})
PURPOSES = frozenset({"court_fee", "filing_fee", "pacer_invoice"})

PAA_CANNOT_PAY = (
    "A PACER Administrative Account manages PACER fees only and cannot pay court fees: "
    "sign in with your individual PACER account."
)
SHARED_CANNOT_PAY = (
    "A shared PACER account cannot pay court fees: sign in with your individual PACER account."
)
PAA_METHOD_ONLY_FOR_PACER = (
    "A payment method stored in a PACER Administrative Account is only used for PACER fees."
)
CARD_EXPIRED = "This card has expired: use another card or update the stored payment method."
TOO_MANY_METHODS = (
    "You can keep at most three stored payment methods: delete one before adding another."
)


def court_payment_refusal(*, account_kind: str, purpose: str) -> str | None:
    """Why this kind of account may not make this payment, or None.

    Court fees and filing fees are paid by an individual; a firm's PACER Administrative Account
    (and a shared account) pays PACER fees only.
    """
    if purpose not in COURT_PURPOSES:
        return None
    if account_kind == "administrative":
        return PAA_CANNOT_PAY
    if account_kind == "shared":
        return SHARED_CANNOT_PAY
    return None


def receipt_number(*, court_id: str, serial: int) -> str:
    """The court's receipt number: ``A`` + court id + ``C-`` + seven digits (``AMOWDC-0000042``)."""
    return f"A{court_id.upper()}C-{serial:07d}"


CARD_KINDS = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}
CARD_KINDS |= {"discover": "Discover", "card": "Card"}


def card_kind(number: str) -> str:
    """The card network from the number's first digits."""
    if number.startswith("4"):
        return "visa"
    if (
        number[:2] in {"51", "52", "53", "54", "55"}
        or number[:4].isdigit()
        and (2221 <= int(number[:4]) <= 2720)
    ):
        return "mastercard"
    if number[:2] in {"34", "37"}:
        return "amex"
    if number.startswith("6011") or number.startswith("65"):
        return "discover"
    return "card"


def luhn_ok(number: str) -> bool:
    total = 0
    for index, digit in enumerate(reversed(number)):
        value = int(digit)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def is_expired(*, exp_month: int, exp_year: int, now: datetime) -> bool:
    """A card is good through the last day of its expiry month."""
    return (exp_year, exp_month) < (now.year, now.month)


class TypedCard(Protocol):
    """A card as typed (``gateways.Card``): read-only attributes."""

    @property
    def digits(self) -> str: ...
    @property
    def exp_month(self) -> int: ...
    @property
    def exp_year(self) -> int: ...
    @property
    def cvc(self) -> str: ...
    @property
    def name(self) -> str: ...


def card_problems(card: TypedCard) -> dict[str, list[str]]:
    """What is wrong with a card as typed (field -> sentences); an expired card is its own error."""
    problems: dict[str, list[str]] = {}
    if not card.digits.isdigit() or not 12 <= len(card.digits) <= 19:
        problems["number"] = ["Enter the card number: 12 to 19 digits."]
    elif not luhn_ok(card.digits):
        problems["number"] = ["This card number is not valid: check the digits."]
    if not 1 <= card.exp_month <= 12:
        problems["exp_month"] = ["Enter the expiry month as 1 to 12."]
    if not 2000 <= card.exp_year <= 2100:
        problems["exp_year"] = ["Enter the expiry year with four digits, e.g. 2030."]
    if not card.cvc.isdigit() or len(card.cvc) not in (3, 4):
        problems["cvc"] = ["Enter the card's 3- or 4-digit security code."]
    problems.update(_text_problems("name", card.name, 100, "Enter the name on the card."))
    return problems


def _text_problems(field: str, text: str, longest: int, missing: str) -> dict[str, list[str]]:
    if not text.strip():
        return {field: [missing]}
    if len(text) > longest:
        return {field: [f"This is too long (at most {longest} characters)."]}
    return {}


def amount_problems(amount: Decimal) -> dict[str, list[str]]:
    if not amount.is_finite() or amount <= 0:
        return {"amount": ["The amount must be more than $0.00."]}
    if amount != amount.quantize(Decimal("0.01")):
        return {"amount": ["The amount must be in whole cents."]}
    if amount >= Decimal("1000000000"):
        return {"amount": ["The amount is too large."]}
    return {}


def refund_problems(
    *, amount: Decimal, paid: Decimal, refunded: Decimal, reason: str
) -> dict[str, list[str]]:
    problems = amount_problems(amount)
    if not problems and amount > paid - refunded:
        problems["amount"] = [
            f"At most {money(paid - refunded)} of this payment can still be refunded."
        ]
    missing = "Say why the payment is refunded (e.g. a duplicate payment)."
    return {**problems, **_text_problems("reason", reason, 300, missing)}


def nickname_problems(nickname: str) -> dict[str, list[str]]:
    return _text_problems("nickname", nickname, 40, "Give the card a nickname (e.g. Office Visa).")


def money(amount: Decimal) -> str:
    """``$1,738.00``"""
    return f"${amount:,.2f}"
