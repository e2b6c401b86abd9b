"""What one sandbox payment asks of the database: no re-reads, no redundant checks.

The bench (``bench/bench_payments.py``) measures the time; this keeps the statements from
growing back. Transaction control (BEGIN, COMMIT, savepoints) is left out: it differs between
SQLite and PostgreSQL and between a test's wrapping transaction and a request
(``tests_support.statements``).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.payments.tests.conftest import pay_court_fee
from openecf.tests_support.statements import statements

pytestmark = pytest.mark.django_db


def test_one_payment_with_a_typed_card_runs_these_statements_and_no_more(attorney, mowd):
    with CaptureQueriesContext(connection) as captured:
        payment = pay_court_fee(attorney)

    assert payment.receipt_number.startswith("AMOWDC-")
    assert statements(captured.captured_queries) == [
        ("SELECT", "accounts_account"),  # the payer: may this account pay court fees?
        ("SELECT", "courts_court"),
        ("INSERT", "payments_paymentintent"),  # committed before the gateway is asked
        ("INSERT", "payments_sandboxcharge"),  # the sandbox gateway's own books
        ("UPDATE", "payments_paymentintent"),  # completed, only if not completed already
        ("INSERT", "payments_ledgerentry"),
        ("SELECT", "core_auditchain"),
        ("INSERT", "core_auditevent"),
        ("UPDATE", "core_auditchain"),
        ("INSERT", "core_outboundbody"),  # the receipt e-mail: its content once,
        ("INSERT", "core_outboundemail"),  # and its row for the one address
    ]


def test_a_repeat_of_a_paid_fee_asks_the_gateway_nothing(attorney, mowd):
    first = pay_court_fee(attorney)

    with CaptureQueriesContext(connection) as captured:
        again = pay_court_fee(attorney)

    assert again == first
    tables = {table for _, table in statements(captured.captured_queries)}
    assert "payments_sandboxcharge" not in tables
    assert "payments_ledgerentry" not in tables
