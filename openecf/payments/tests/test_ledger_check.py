"""``openecf payments check``: every balance is the sum of its rows; nothing stuck or doubled."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from openecf.core import clock
from openecf.payments import facade, ledger_check
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
from openecf.payments.tests.conftest import DECLINED, card, refund

pytestmark = pytest.mark.django_db


def test_a_sound_ledger_passes_the_check(attorney, clerk, pay_fee, capsys):
    payment = pay_fee(attorney)
    refund(payment, clerk, "10.00", "Overpaid")

    call_command("payments", "check")

    assert capsys.readouterr().out == (
        "payments ledger sound: 1 payments, 2 ledger rows verified, 0 pending\n"
    )


def test_an_edited_ledger_row_is_found(attorney, pay_fee):
    payment = pay_fee(attorney)
    LedgerEntry.objects.filter(kind="charge").update(amount=Decimal("10.00"))

    assert ledger_check.check() == [
        f"ledger row {LedgerEntry.objects.get().pk} ({payment.receipt_number}) was edited",
        f"payment {PaymentIntent.objects.get().pk} (ecf.fee:1): its charge row does not match "
        "its amount or receipt",
    ]
    with pytest.raises(CommandError, match="NOT sound: 2 problems found"):
        call_command("payments", "check")


def test_a_refunded_balance_that_is_not_the_sum_of_its_rows_is_found(attorney, pay_fee):
    pay_fee(attorney)
    PaymentIntent.objects.update(refunded=Decimal("5.00"))

    [problem] = ledger_check.check()
    assert "refunded balance 5.00 is not the sum of its refund rows 0" in problem


def test_a_payment_stuck_pending_is_found_and_resolve_settles_it(attorney, pay_fee, capsys):
    pay_fee(attorney)
    with pytest.raises(facade.PaymentDeclined):
        pay_fee(attorney, ref="ecf.fee:2", card=card(DECLINED))
    # As a process killed before the gateway heard of it leaves it:
    PaymentIntent.objects.filter(purpose_ref="ecf.fee:2").update(
        state="pending", created_at=clock.now() - timedelta(minutes=5)
    )
    stuck = PaymentIntent.objects.get(purpose_ref="ecf.fee:2")

    assert ledger_check.check() == [
        f"payment {stuck.pk} (ecf.fee:2) is stuck pending since {stuck.created_at.isoformat()}"
    ]

    call_command("payments", "resolve")

    stuck.refresh_from_db()
    assert (stuck.state, stuck.failure_code) == ("failed", "not_charged")
    assert ledger_check.check() == []


def test_a_charge_the_gateway_made_that_no_payment_records_is_found(attorney, pay_fee):
    SandboxCharge.objects.create(
        idempotency_key="ecf.fee:7#1",
        kind="capture",
        reference="SBXLOST",
        amount=Decimal("100.00"),
        created_at=clock.now(),
    )

    assert ledger_check.check() == [
        "the gateway charged 100.00 under ecf.fee:7#1 but no payment records it"
    ]
