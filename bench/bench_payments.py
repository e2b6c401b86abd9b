"""Payments: one fee paid through the sandbox gateway and the ledger, against one ledger insert."""

from __future__ import annotations

import functools
import itertools
from decimal import Decimal

from bench.harness import Result, benchmark, best_of


@benchmark
def fee_payment() -> Result:
    """``payments.facade.pay`` with the sandbox's approved card (intent, capture, ledger row,
    receipt number, audit row, receipt e-mail) versus inserting one ledger row by raw SQL."""
    from django.db import connection

    from openecf.accounts.facade import person_by_username
    from openecf.core import clock
    from openecf.payments import facade
    from openecf.payments.models import LedgerEntry

    payer = person_by_username(username="aattorney1")
    assert payer is not None
    card = facade.Card(
        number="4111111111111111", exp_month=12, exp_year=2030, cvc="123", name="Alice"
    )
    serial = itertools.count()
    pay = functools.partial(
        facade.pay,
        payer_id=payer.id,
        court_id="mowd",
        purpose="court_fee",
        description="Bench fee",
        amount=Decimal("100.00"),
        card=card,
    )
    first = pay(purpose_ref="bench.fee:seed")
    intent_id = LedgerEntry.objects.get(receipt_number=first.receipt_number).intent_id

    def ours() -> None:
        pay(purpose_ref=f"bench.fee:{next(serial)}")

    def raw() -> None:
        n = next(serial)
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO payments_ledgerentry (intent_id, kind, court_id, payer_id, purpose,"
                " purpose_ref, amount, receipt_number, gateway_reference, idempotency_key, reason,"
                " by_account_id, recorded_at, digest)"
                " VALUES (%s, 'refund', 'mowd', %s, 'court_fee', %s, -1, %s, 'SBX', %s, '', NULL,"
                " %s, '')",
                [intent_id, payer.id, f"raw:{n}", first.receipt_number, f"raw:{n}", clock.now()],
            )

    return Result(
        "fee_payment_sandbox_vs_one_ledger_insert", best_of(ours), best_of(raw), target="at most 3x"
    )
