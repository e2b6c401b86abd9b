"""Several "Pay now" clicks on one fee at the same moment charge once (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from openecf.core.errors import InputInvalid
from openecf.payments import facade, ledger_check
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
from openecf.payments.tests.conftest import CONFIRMATION_LOST, card, pay_court_fee, refund
from openecf.tests_support.concurrency import run_together
from openecf.tests_support.factories import AccountFactory


def pay(payer, number: str = "4111111111111111"):
    return lambda: pay_court_fee(payer, "ecf.fee:77", card=card(number))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("number", ["4111111111111111", CONFIRMATION_LOST])
def test_simultaneous_payments_of_one_fee_charge_once_and_answer_one_receipt(courts, number):
    payer = AccountFactory(purpose="attorney_filer")

    results = run_together([pay(payer, number) for _ in range(4)])

    assert all(isinstance(r, facade.Payment) for r in results), results
    assert len({r.receipt_number for r in results}) == 1
    assert SandboxCharge.objects.count() == 1
    assert LedgerEntry.objects.count() == 1
    assert PaymentIntent.objects.get().state == "completed"
    assert ledger_check.check() == []


@pytest.mark.django_db(transaction=True)
def test_two_clerks_refunding_at_once_refund_once(courts):
    payer = AccountFactory(purpose="attorney_filer")
    clerk = AccountFactory(purpose="case_search")
    payment = pay(payer)()

    results = run_together([lambda: refund(payment, clerk), lambda: refund(payment, clerk)])

    done = [r for r in results if isinstance(r, facade.Payment)]
    refused = [r for r in results if isinstance(r, InputInvalid)]
    assert (len(done), len(refused)) == (1, 1), results
    assert refused[0].problems == {
        "amount": ["At most $0.00 of this payment can still be refunded."]
    }
    assert LedgerEntry.objects.filter(kind="refund").count() == 1
    assert SandboxCharge.objects.filter(kind="refund").count() == 1
    assert ledger_check.check() == []
