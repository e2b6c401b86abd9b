"""What charging a view asks of the database: two short reads, then its rows.

The bench (``docket_report_charged_vs_uncharged``) measures the time; this keeps the
statements from growing back. A court page passes the viewer's standing and username, so
billing reads neither the court, nor the court's staff, nor the account.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge, LedgerEntry
from openecf.billing.tests.conftest import view
from openecf.courts.access import standing_at
from openecf.tests_support.statements import statements

FIRM = ("SELECT", "firms_firm")  # whose bill: the firm's PAA while the viewer is a member
FACTS = ("SELECT", "billing_accesscharge")  # charged already? exempt? bill overdue? (one read)


def _court_page(account, court):
    """What a court page knows of the viewer (its one standing query ran before the charge)."""
    return {
        "standing": standing_at(court=court, account_id=account.pk),
        "username": account.username,
    }


def test_a_first_charge_from_a_court_page_reads_twice_and_writes_two_rows(public_user, mowd, in_q3):
    page = _court_page(public_user, mowd)
    with CaptureQueriesContext(connection) as captured:
        receipt = view(public_user, key="dkt-1", **page)

    assert (receipt.username, receipt.amount) == (public_user.username, Decimal("3.00"))
    assert statements(captured.captured_queries) == [
        FIRM,
        FACTS,
        ("INSERT", "billing_accesscharge"),
        ("INSERT", "billing_ledgerentry"),
    ]


def test_a_repeat_reads_its_receipt_and_writes_nothing(public_user, mowd, in_q3):
    page = _court_page(public_user, mowd)
    first = view(public_user, key="dkt-1", **page)

    with CaptureQueriesContext(connection) as captured:
        again = view(public_user, key="dkt-1", **page)

    assert again == first
    assert statements(captured.captured_queries) == [
        FIRM,
        FACTS,
        ("SELECT", "billing_accesscharge"),  # the first receipt, by its id
    ]
    assert AccessCharge.objects.count() == 1


def test_a_free_view_writes_no_ledger_row(clerk, mowd, in_q3):
    page = _court_page(clerk, mowd)
    with CaptureQueriesContext(connection) as captured:
        receipt = view(clerk, **page)

    assert (receipt.amount, receipt.free_reason) == (Decimal("0.00"), "court_user")
    assert statements(captured.captured_queries) == [
        FIRM,
        FACTS,
        ("INSERT", "billing_accesscharge"),
    ]


def test_without_the_standing_and_username_billing_reads_them(public_user, mowd, in_q3):
    with CaptureQueriesContext(connection) as captured:
        view(public_user)

    assert statements(captured.captured_queries) == [
        FIRM,
        FACTS,
        ("SELECT", "courts_court"),
        ("SELECT", "courts_courtstaff"),  # the standing: the account, its role at the court
        ("SELECT", "accounts_account"),  # the username on the receipt
        ("INSERT", "billing_accesscharge"),
        ("INSERT", "billing_ledgerentry"),
    ]


def test_a_standing_at_another_court_is_refused_and_nothing_is_charged(
    public_user, mowd, ksd, in_q3
):
    elsewhere = standing_at(court=ksd, account_id=public_user.pk)
    with pytest.raises(ValueError, match="not account .* at mowd"):
        view(public_user, standing=elsewhere, username=public_user.username)
    assert not AccessCharge.objects.exists()
    assert not LedgerEntry.objects.exists()
