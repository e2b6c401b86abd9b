"""Closing a quarter: waiver at $30.00, invoices and statements, e-mails, firms, idempotence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from openecf.billing import actions, queries
from openecf.billing.errors import QuarterNotOver
from openecf.billing.models import AccessCharge, LedgerEntry, QuarterStatement
from openecf.billing.tests.conftest import AFTER_Q3, run_up, view
from openecf.core.errors import InputInvalid
from openecf.firms.factories import FirmFactory, add_member


def close(traveller, quarter="2026Q3"):
    traveller.move_to(AFTER_Q3)
    return actions.close_quarter(quarter=quarter)


def test_a_quarter_of_exactly_30_dollars_is_waived(
    public_user, mowd, in_q3, django_capture_on_commit_callbacks
):
    run_up(public_user, 30)
    with django_capture_on_commit_callbacks(execute=True):
        result = close(in_q3)
    assert (result.invoices, result.statements) == (0, 1)
    statement = QuarterStatement.objects.get(account=public_user)
    assert (statement.kind, statement.quarter_charges, statement.waived, statement.balance) == (
        "statement", Decimal("30.00"), True, Decimal("0.00"),
    )  # fmt: skip
    assert queries.balance(public_user.pk) == Decimal("0.00")
    waiver = LedgerEntry.objects.get(kind="waiver")
    assert waiver.amount == Decimal("-30.00")
    [letter] = mail.outbox
    assert letter.subject == "PACER statement of account for 2026Q3: nothing owed"
    assert "$30.00 or less, so they are waived" in letter.body


def test_a_quarter_of_30_dollars_and_1_cent_is_billed_in_full(
    public_user, mowd, in_q3, django_capture_on_commit_callbacks
):
    run_up(public_user, 30)
    view(public_user, pages=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = close(in_q3)
    assert (result.invoices, result.statements) == (1, 0)
    invoice = QuarterStatement.objects.get(account=public_user)
    assert (invoice.kind, invoice.balance, invoice.waived) == ("invoice", Decimal("30.10"), False)
    assert invoice.due_on.isoformat() == "2026-11-01"
    [letter] = mail.outbox
    assert letter.subject == "PACER invoice for 2026Q3: $30.10 due by November 1, 2026"
    assert f"/account/invoices/{invoice.pk}/" in letter.body


def test_closing_twice_changes_nothing(
    public_user, attorney, mowd, in_q3, django_capture_on_commit_callbacks
):
    run_up(public_user, 45)
    run_up(attorney, 3)
    with django_capture_on_commit_callbacks(execute=True):
        first = close(in_q3)
    rows = list(LedgerEntry.objects.values_list("pk", "amount"))
    fields = ("pk", "balance", "issued_at", "letter_queued_at")
    statements = list(QuarterStatement.objects.values_list(*fields))
    assert all(letter_queued_at for *_, letter_queued_at in statements)
    with django_capture_on_commit_callbacks(execute=True):
        second = actions.close_quarter(quarter="2026Q3")
    assert (first.invoices, first.statements) == (1, 1)
    assert (second.invoices, second.statements) == (0, 0)
    assert list(LedgerEntry.objects.values_list("pk", "amount")) == rows
    assert list(QuarterStatement.objects.values_list(*fields)) == statements
    assert len(mail.outbox) == 2


def test_an_unpaid_invoice_carries_into_the_next_quarter(public_user, mowd, in_q3):
    run_up(public_user, 45)
    close(in_q3)
    in_q3.move_to("2026-11-10T15:00:00Z")
    run_up(public_user, 6)  # Q4: waived on its own
    in_q3.move_to("2027-01-03T15:00:00Z")
    actions.close_quarter(quarter="2026Q4")
    q4 = QuarterStatement.objects.get(account=public_user, quarter="2026Q4")
    assert (q4.kind, q4.quarter_charges, q4.waived, q4.balance) == (
        "invoice", Decimal("6.00"), True, Decimal("45.00"),
    )  # fmt: skip


def test_a_quarter_cannot_close_before_it_ends(in_q3, db):
    with pytest.raises(QuarterNotOver):
        actions.close_quarter(quarter="2026Q3")
    with pytest.raises(InputInvalid):
        actions.close_quarter(quarter="Q3-2026")
    assert not QuarterStatement.objects.exists()


def test_a_firm_members_charges_are_on_the_firms_invoice_by_person_and_client_code(
    attorney, public_user, mowd, in_q3
):
    firm = FirmFactory()
    add_member(firm, attorney)
    add_member(firm, public_user)
    run_up(attorney, 30, client_code="acme")
    run_up(attorney, 9, client_code="zenith")
    run_up(public_user, 6, client_code="acme")
    close(in_q3)
    assert not QuarterStatement.objects.filter(account__in=[attorney, public_user]).exists()
    invoice = QuarterStatement.objects.get(account_id=firm.paa_id)
    assert (invoice.kind, invoice.balance) == ("invoice", Decimal("45.00"))
    lines = [(line["username"], line["client_code"], str(line["amount"]))
             for line in queries.statement_lines(invoice)]  # fmt: skip
    assert lines == sorted([  # dollars and cents, as the invoice shows them
        (attorney.username, "acme", "30.00"),
        (attorney.username, "zenith", "9.00"),
        (public_user.username, "acme", "6.00"),
    ])  # fmt: skip


def test_a_joining_members_balance_moves_to_the_firm_and_later_charges_return_on_leaving(
    attorney, mowd, in_q3
):
    from datetime import datetime

    from openecf.firms.models import FirmMembership

    run_up(attorney, 20)  # on their own bill
    in_q3.move_to("2026-08-20T15:00:00Z")
    firm = FirmFactory()
    membership = add_member(
        firm, attorney, joined_at=datetime.fromisoformat("2026-08-20T15:00:00+00:00")
    )
    run_up(attorney, 15)  # the firm's
    assert actions.move_balances() == 1
    assert actions.move_balances() == 0
    assert queries.balance(attorney.pk) == 0
    assert queries.balance(firm.paa_id) == Decimal("35.00")
    in_q3.move_to("2026-09-01T15:00:00Z")
    FirmMembership.objects.filter(pk=membership.pk).update(
        ended_at=datetime.fromisoformat("2026-09-01T15:00:00+00:00"), ended_by="member"
    )
    run_up(attorney, 3)
    assert queries.balance(attorney.pk) == Decimal("3.00")
    close(in_q3)
    firm_invoice = QuarterStatement.objects.get(account_id=firm.paa_id)
    assert (firm_invoice.kind, firm_invoice.balance) == ("invoice", Decimal("35.00"))
    own = QuarterStatement.objects.get(account=attorney)
    assert (own.kind, own.waived, own.balance) == ("statement", True, Decimal("0.00"))


def test_free_views_never_reach_the_ledger(clerk, mowd, in_q3):
    view(clerk, pages=30)
    close(in_q3)
    assert AccessCharge.objects.count() == 1
    assert not LedgerEntry.objects.exists()
    assert not QuarterStatement.objects.exists()


def test_batches_go_by_account_id_skipping_gaps_and_the_progress_adds_up(mowd, in_q3, db):
    from openecf.tests_support.factories import AccountFactory

    people = [AccountFactory() for _ in range(6)]
    for person in people[::2]:  # gaps in the ids between the accounts with charges
        run_up(person, 4)
    in_q3.move_to(AFTER_Q3)
    started, batches = [], []
    result = actions.close_quarter(
        quarter="2026Q3", batch=1, on_start=started.append, on_batch=batches.append
    )
    assert (result.invoices, result.statements) == (0, 3)
    assert started == [people[4].pk - people[0].pk + 1]
    assert batches == [people[2].pk - people[0].pk, people[4].pk - people[2].pk, 1]


def _close_command(quarter="2026Q3") -> tuple[str, str]:
    from io import StringIO

    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    call_command("billing", "close-quarter", quarter, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_shows_the_share_of_the_ledger_closed(public_user, mowd, in_q3):
    run_up(public_user, 4)
    in_q3.move_to(AFTER_Q3)
    out, err = _close_command()
    assert out == "2026Q3 closed: 0 invoice(s), 1 statement(s) issued\n"
    assert "closing 2026Q3: 100%" in err
    assert "account id" not in err


def test_the_command_shows_no_bar_for_an_empty_ledger(mowd, in_q3):
    in_q3.move_to(AFTER_Q3)
    assert _close_command() == ("2026Q3 closed: 0 invoice(s), 0 statement(s) issued\n", "")
