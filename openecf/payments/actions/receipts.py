"""What a payment's receipt says and where it is, for the e-mails and the receipt page."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.core import clock, links, outbox
from openecf.core.letters import Letter
from openecf.payments.letters import ReceiptFacts
from openecf.payments.models import PaymentIntent


def receipt_path(receipt_number: str) -> str:
    return reverse("payments:receipt", args=[receipt_number])


def card_label(intent: PaymentIntent) -> str:
    """``Visa ending 1111 (Office Visa)``, or ``card ending 1111`` for a typed card."""
    method = intent.method
    if method is not None:
        return f"{method.get_kind_display()} ending {intent.card_last_four} ({method.nickname})"
    return f"card ending {intent.card_last_four}"


def mail_to_payer(
    intent: PaymentIntent,
    write: Callable[[ReceiptFacts], Letter],
    *,
    kind: str,
    payer: accounts.Person | None = None,
) -> None:
    """Queue ``write(facts) -> Letter`` to the payer (inside the caller's transaction)."""
    payer = payer or accounts.person(account_id=intent.payer_id)
    if payer is None or not payer.email or intent.receipt_number is None:
        return
    court = intent.court
    paid_at = clock.format_court_time(intent.paid_at, court.time_zone) if intent.paid_at else ""
    facts = ReceiptFacts(
        payer_name=payer.full_name,
        court_name=court.name,
        receipt_number=intent.receipt_number,
        description=intent.description,
        amount=intent.amount,
        paid_at=paid_at,
        card=card_label(intent),
        link=links.absolute(receipt_path(intent.receipt_number)),
    )
    outbox.queue_letter(write(facts), to=[payer.email], kind=kind, account_id=payer.id)
