"""``openecf billing check`` finds each way the ledger can stop adding up.

Every database test ends with the check (``record_holds`` in ``openecf/conftest.py``), so the
check itself must be able to fail: each test here breaks the rows one way inside a savepoint,
reads the command's verdict, and rolls the damage back.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from openecf.billing import actions, ledger_check
from openecf.billing.models import AccessCharge, LedgerEntry, QuarterStatement
from openecf.billing.tests.conftest import AFTER_Q3, run_up, view


def damage(breaks) -> list[str]:
    """The check's problems while ``breaks()`` has damaged the rows (then undone)."""
    with transaction.atomic():
        breaks()
        problems = ledger_check.check()
        with pytest.raises(CommandError, match="billing ledger is NOT sound"):
            call_command("billing", "check")
        transaction.set_rollback(True)
    return problems


@pytest.fixture
def closed(public_user, attorney, mowd, in_q3):
    """2026Q3 closed: Pat's $4.00 waived (a statement), Alice's $31.00 invoiced."""
    run_up(public_user, 4)
    run_up(attorney, 31)
    in_q3.move_to(AFTER_Q3)
    actions.close_quarter(quarter="2026Q3")


def test_a_sound_ledger_passes(closed, capsys):
    call_command("billing", "check")
    assert "billing ledger sound: 13 charge, 1 waiver; 2 statements" in capsys.readouterr().out


def test_a_billed_view_without_its_ledger_row_is_found(public_user, mowd, in_q3):
    view(public_user, pages=5)
    problems = damage(lambda: LedgerEntry.objects.filter(kind="charge").delete())
    assert problems == [f"charge {AccessCharge.objects.get().pk}: billed but has no ledger row"]


def test_a_ledger_row_of_another_amount_is_found(public_user, mowd, in_q3):
    view(public_user, pages=5)
    problems = damage(lambda: LedgerEntry.objects.update(amount=Decimal("0.60")))
    assert problems[0].endswith("its ledger row has another amount")


def test_a_free_view_on_the_ledger_is_found(clerk, mowd, in_q3):
    free = view(clerk, pages=5)
    assert free.amount == 0

    def bill_it():
        charge = AccessCharge.objects.get()
        LedgerEntry.objects.create(account_id=clerk.pk, kind="charge", quarter="2026Q3",
                                   amount=Decimal("0"), at=charge.at, recorded_at=charge.at,
                                   charge=charge)  # fmt: skip

    assert damage(bill_it)[0].endswith("free but on the ledger")


def test_a_statement_that_is_not_the_sum_of_its_rows_is_found(closed, attorney):
    invoice = QuarterStatement.objects.get(account=attorney)
    problems = damage(lambda: QuarterStatement.objects.filter(pk=invoice.pk).update(balance=40))
    assert f"invoice {invoice.pk} (2026Q3): balance 40.00 but rows sum to 31.00" in problems


def test_a_waiver_of_another_amount_is_found(closed):
    problems = damage(lambda: LedgerEntry.objects.filter(kind="waiver").update(amount=-1))
    assert any("is not the quarter's charges" in p for p in problems)


def test_a_payment_without_a_receipt_is_found(closed, attorney):
    def pay_without_receipt():
        LedgerEntry.objects.create(account_id=attorney.pk, kind="payment", quarter="2026Q3",
                                   amount=Decimal("-31.00"), at=AFTER_Q3, recorded_at=AFTER_Q3)  # fmt: skip

    assert any("needs a receipt" in p for p in damage(pay_without_receipt))
