"""Several "Pay now" clicks on one fee at the same moment charge once (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from openecf.core.errors import InputInvalid
from openecf.payments import facade, ledger_check
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
from openecf.payments.tests.conftest import (
    CONFIRMATION_LOST,
    begin_court_fee,
    card,
    pay_court_fee,
    refund,
)
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


@pytest.mark.django_db(transaction=True)
def test_coming_back_from_pay_gov_in_two_tabs_at_once_captures_once(courts, settings):
    """Three returns with the same token at the same moment (a reload, a second tab): pay.gov
    is asked to capture once, and whoever answers answers one receipt."""
    import urllib.parse

    from openecf.core.errors import DomainError
    from openecf.payments.tests import fake_paygov

    payer = AccountFactory(purpose="attorney_filer")
    with fake_paygov.as_the_gateway(settings, timeout=5) as paygov:
        begun = begin_court_fee(payer, "ecf.fee:78")
        token = urllib.parse.parse_qs(urllib.parse.urlsplit(begun.redirect_url).query)["token"][0]
        paygov.collections[token]["outcome"] = "approved"  # the payer typed an approved card
        paygov.collections[token]["last_four"] = "1111"

        def back():
            return facade.complete_hosted(payer_id=payer.pk, token=token)

        results = run_together([back, back, back])

    paid = [r for r in results if isinstance(r, facade.Payment)]
    assert paid and all(isinstance(r, facade.Payment | DomainError) for r in results), results
    assert len({p.receipt_number for p in paid}) == 1
    assert paygov.calls.count("completeOnlineCollection") == 1
    assert len(paygov.captures()) == 1
    assert LedgerEntry.objects.count() == 1
    assert ledger_check.check() == []
