"""A double submit opens one case and charges once, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from openecf.cases.models import Case
from openecf.docket import actions
from openecf.docket.models import DocketEntry, OpenedCase
from openecf.docket.tests.conftest import pdf_file
from openecf.docket.tests.test_case_opening_api import CARD, charges
from openecf.payments import facade as payments
from openecf.payments.errors import PaymentInProgress
from openecf.tests_support.concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


def _civil_request(alice):
    from openecf.cases.factories import civil_opening

    return actions.OpeningRequest(opening=civil_opening(), redaction_confirmed=True)


def _submit(account, court, request, key, *, card=None):
    return lambda: actions.open_case_by_filing(
        account=account,
        court=court,
        request=request,
        key=key,
        document=actions.Upload(pdf_file("complaint.pdf"), "complaint.pdf"),
        fee=actions.FeeChoice(card=card),
        redaction_acknowledged=True,
    )


def test_two_submissions_of_one_opening_at_once_open_one_case_and_charge_once(mowd, alice):
    key = actions.opening_key("0b5c7a7e-8e43-4d8e-9b0c-4a3f8f1d2e11")
    request = _civil_request(alice)
    card = payments.Card(**CARD)
    results = run_together([_submit(alice, mowd, request, key, card=card) for _ in range(2)])

    opened = [r for r in results if isinstance(r, actions.OpenedFiling)]
    assert opened, results
    assert all(isinstance(r, actions.OpenedFiling | PaymentInProgress) for r in results), results
    assert len({r.case.caseid for r in opened}) == 1
    assert Case.objects.count() == 1
    assert DocketEntry.objects.count() == 1
    assert OpenedCase.objects.count() == 1
    assert len(charges()) == 1


def test_two_clerk_submissions_at_once_open_one_case(mowd, clerk):
    from openecf.cases.factories import criminal_opening

    key = actions.opening_key("5e0d1c4b-1a0e-4e52-8d7c-0e6a4b1f9c22")
    request = actions.OpeningRequest(opening=criminal_opening())
    results = run_together([_submit(clerk, mowd, request, key) for _ in range(2)])

    assert all(isinstance(r, actions.OpenedFiling) for r in results), results
    assert {r.case.caseid for r in results} == {Case.objects.get().caseid}
    assert sorted(r.replayed for r in results) == [False, True]
