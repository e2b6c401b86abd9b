"""The built-in sandbox gateway: test cards with fixed outcomes, books kept in the database.

| card | outcome |
| --- | --- |
| 4111111111111111 | approved |
| 4000000000000002 | declined |
| 4000000000009995 | insufficient funds |
| 4000000000000069 | expired card |
| 4000000000000119 | gateway down: times out, nothing charged |
| 4000000000003220 | approved, but the confirmation is lost (times out after charging) |

Any other number that passes the Luhn check is approved. The sandbox never keeps a card
number: a stored card is a token naming its outcome. Its books (``SandboxCharge``) are rows
written in their own transaction, as a remote gateway's would be, so ``find`` answers the same
to a crashed process, the worker and ``openecf payments check``.
"""

from __future__ import annotations

import contextlib
import secrets
from decimal import Decimal

from django.db import IntegrityError, transaction

from openecf.core import clock, tokens
from openecf.payments import rules
from openecf.payments.gateways import (
    Card,
    Charge,
    ChargeOrder,
    GatewayDeclined,
    GatewayTimeout,
    Tokenized,
)
from openecf.payments.models import SandboxCharge, SandboxToken

APPROVED = "approved"
DECLINED = "declined"
INSUFFICIENT_FUNDS = "insufficient_funds"
EXPIRED = "expired"
GATEWAY_DOWN = "gateway_down"
CONFIRMATION_LOST = "confirmation_lost"

TEST_CARDS = {
    "4111111111111111": APPROVED,
    "4000000000000002": DECLINED,
    "4000000000009995": INSUFFICIENT_FUNDS,
    "4000000000000069": EXPIRED,
    "4000000000000119": GATEWAY_DOWN,
    "4000000000003220": CONFIRMATION_LOST,
}

REFUSALS = {
    DECLINED: "Your card was declined by the card issuer.",
    INSUFFICIENT_FUNDS: "Your card was declined: insufficient funds.",
    EXPIRED: "Your card was declined: the card has expired.",
}


class SandboxGateway:
    name = "sandbox"
    hosted = False  # cards are typed on our own pay page

    def charge(self, order: ChargeOrder) -> Charge:
        outcome, last_four = self._outcome(card=order.card, token=order.token)
        _raise_refusal(outcome)
        done = self._record(
            idempotency_key=order.idempotency_key,
            kind=SandboxCharge.Kind.CAPTURE,
            amount=order.amount,
            card_last_four=last_four,
        )
        if outcome == CONFIRMATION_LOST:
            raise GatewayTimeout("The sandbox charged the card but its answer was lost.")
        return done

    def refund(self, *, idempotency_key: str, capture: str, amount: Decimal) -> Charge:
        return self._record(
            idempotency_key=idempotency_key,
            kind=SandboxCharge.Kind.REFUND,
            amount=amount,
            captured_reference=capture,
        )

    def find(self, *, idempotency_key: str) -> Charge | None:
        row = SandboxCharge.objects.filter(idempotency_key=idempotency_key).first()
        return _charge(row) if row is not None else None

    def tokenize(self, card: Card) -> Tokenized:
        outcome, last_four = self._outcome(card=card, token=None)
        _raise_refusal(outcome if outcome in (GATEWAY_DOWN, DECLINED, EXPIRED) else APPROVED)
        row = SandboxToken.objects.create(
            token=f"sbx_{tokens.new_token()[:32]}",
            outcome=outcome,
            last_four=last_four,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
        )
        return Tokenized(
            token=row.token,
            kind=rules.card_kind(card.digits),
            last_four=last_four,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
        )

    # The sandbox's own bookkeeping.

    def _outcome(self, *, card: Card | None, token: str | None) -> tuple[str, str]:
        if card is not None:
            return TEST_CARDS.get(card.digits, APPROVED), card.digits[-4:]
        stored = SandboxToken.objects.filter(token=token or "").first()
        if stored is None:
            raise GatewayDeclined("The sandbox does not know this stored card.", code="unknown")
        return stored.outcome, stored.last_four

    def _record(
        self,
        *,
        idempotency_key: str,
        kind: str,
        amount: Decimal,
        card_last_four: str = "",
        captured_reference: str = "",
    ) -> Charge:
        """One row per key (a unique constraint): a second ask answers the first row.

        The sandbox stands for a remote service, so its books cost what such a service's own
        insert would: one parameterized ``INSERT`` in its own transaction (autocommit; a
        savepoint when a caller's transaction is open), without building a model instance. A
        repeat of a key fails the constraint and reads the row already kept.
        """
        reference = f"SBX{secrets.token_hex(8).upper()}"
        connection = transaction.get_connection()
        ops = connection.ops
        row = [
            idempotency_key,
            str(kind),  # the value, not a TextChoices member a driver might name instead
            reference,
            ops.adapt_decimalfield_value(amount, _AMOUNT.max_digits, _AMOUNT.decimal_places),
            card_last_four,
            captured_reference,
            ops.adapt_datetimefield_value(clock.now()),
        ]
        try:
            with (
                transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext(),
                connection.cursor() as cursor,
            ):
                cursor.execute(_INSERT, row)
        except IntegrityError:
            return _charge(SandboxCharge.objects.get(idempotency_key=idempotency_key))
        return Charge(reference=reference, amount=amount, card_last_four=card_last_four)


_AMOUNT = SandboxCharge._meta.get_field("amount")
_INSERT = (
    'INSERT INTO "payments_sandboxcharge" (idempotency_key, kind, reference, amount, '
    "card_last_four, captured_reference, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


def _charge(row: SandboxCharge) -> Charge:
    return Charge(reference=row.reference, amount=row.amount, card_last_four=row.card_last_four)


def _raise_refusal(outcome: str) -> None:
    if outcome == GATEWAY_DOWN:
        raise GatewayTimeout("The sandbox gateway did not answer (test card 4000000000000119).")
    if outcome in REFUSALS:
        raise GatewayDeclined(REFUSALS[outcome], code=outcome)
