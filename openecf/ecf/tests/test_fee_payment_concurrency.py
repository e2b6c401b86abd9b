"""Two "Pay now" at the same moment on one fee (a double click, two tabs): one charge."""

from __future__ import annotations

import pytest

from openecf.core.errors import DomainError
from openecf.core.models import AuditEvent
from openecf.ecf import actions
from openecf.ecf.factories import CourtFeeOwedFactory
from openecf.ecf.tests.conftest import SANDBOX_CARD
from openecf.payments import facade as payments
from openecf.tests_support.concurrency import run_together
from openecf.tests_support.factories import AccountFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_payments_of_one_fee_charge_once(courts):
    from openecf.courts.models import Court

    attorney = AccountFactory(purpose="attorney_filer")
    fee = CourtFeeOwedFactory(court=Court.objects.get(pk="mowd"), account=attorney)

    def pay():
        return actions.pay_court_fee(
            account_id=attorney.pk,
            account_kind="individual",
            fee_id=fee.pk,
            card=payments.Card(**SANDBOX_CARD),
        )

    results = run_together([pay, pay])

    paid = [r for r in results if isinstance(r, actions.PaidFee)]
    waiting = [r for r in results if isinstance(r, DomainError)]
    assert paid, results
    assert all(w.code == "payment_in_progress" for w in waiting), results
    assert len({p.receipt_number for p in paid}) == 1
    fee.refresh_from_db()
    assert fee.receipt_number == paid[0].receipt_number
    assert AuditEvent.objects.filter(verb="fee.paid").count() == 1
    assert (
        payments.payment_for(purpose_ref=f"ecf.fee:{fee.pk}").receipt_number == fee.receipt_number
    )
