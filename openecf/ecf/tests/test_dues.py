"""Attorney dues: owed once per cycle by each attorney with a live privilege, with reminders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.courts.models import Court, CourtFee
from openecf.ecf import actions, tasks
from openecf.ecf.factories import CourtFeeOwedFactory, FilingPrivilegeFactory
from openecf.ecf.models import CourtFeeOwed

NOW = datetime(2026, 11, 30, 18, tzinfo=UTC)


@pytest.fixture
def dues_court(mowd):
    """W.D. Mo. charging $50 of dues every 2 years."""
    CourtFee.objects.create(court=mowd, kind="annual_dues", amount=Decimal("50.00"))
    Court.objects.filter(pk="mowd").update(dues_cycle_years=2)
    return mowd


def test_each_attorney_with_a_live_privilege_owes_dues_once_per_cycle(
    dues_court, attorney, legacy_attorney, public_user
):
    FilingPrivilegeFactory(court=dues_court, account=attorney)
    FilingPrivilegeFactory(court=dues_court, account=legacy_attorney, revoked_at=NOW)
    FilingPrivilegeFactory(
        court=dues_court, account=public_user, kind="pro_hac_vice", case_number="4:26-cv-00001"
    )

    first = actions.record_dues_owed(now=NOW)
    again = actions.record_dues_owed(now=NOW + timedelta(days=40))

    assert [(f.account_id, f.court_id, f.amount, f.period, f.due_on) for f in first] == [
        (attorney.pk, "mowd", Decimal("50.00"), "2026–2027", date(2026, 11, 30))
    ]
    assert again == []
    assert CourtFeeOwed.objects.count() == 1
    mail = OutboundEmail.objects.get(kind="fee.dues")
    assert (mail.to, mail.subject, mail.account_id) == (
        [attorney.email],
        "W.D. Mo.: attorney dues for 2026–2027",
        attorney.pk,
    )
    assert AuditEvent.objects.get(verb="fee.dues_recorded").chain == "mowd"


def test_the_next_cycle_owes_dues_again(dues_court, attorney):
    FilingPrivilegeFactory(court=dues_court, account=attorney)
    actions.record_dues_owed(now=NOW)

    later = actions.record_dues_owed(now=datetime(2028, 1, 2, 12, tzinfo=UTC))

    assert [f.period for f in later] == ["2028–2029"]


def test_a_court_without_dues_records_none(mowd, attorney):
    FilingPrivilegeFactory(court=mowd, account=attorney)
    CourtFee.objects.create(court=mowd, kind="annual_dues", amount=Decimal("50.00"))  # no cycle
    assert actions.record_dues_owed(now=NOW) == []
    Court.objects.filter(pk="mowd").update(dues_cycle_years=1)
    CourtFee.objects.filter(court=mowd).update(amount=Decimal("0"))  # a cycle, no amount
    assert actions.record_dues_owed(now=NOW) == []


def test_unpaid_dues_get_one_reminder_after_thirty_days(dues_court, attorney):
    FilingPrivilegeFactory(court=dues_court, account=attorney)
    actions.record_dues_owed(now=NOW)

    assert actions.remind_unpaid_dues(now=NOW + timedelta(days=29)) == 0
    assert actions.remind_unpaid_dues(now=NOW + timedelta(days=31)) == 1
    assert actions.remind_unpaid_dues(now=NOW + timedelta(days=32)) == 0
    subjects = list(OutboundEmail.objects.filter(kind="fee.dues").values_list("subject", flat=True))
    assert subjects == [
        "W.D. Mo.: attorney dues for 2026–2027",
        "W.D. Mo.: attorney dues for 2026–2027 (reminder)",
    ]


def test_paid_dues_get_no_reminder(dues_court, attorney):
    CourtFeeOwedFactory(
        court=dues_court,
        account=attorney,
        kind="annual_dues",
        period="2026–2027",
        reminded_at=NOW,
        paid_at=NOW,
        receipt_number="AMOWDC-0000009",
    )
    assert actions.remind_unpaid_dues(now=NOW + timedelta(days=60)) == 0


def test_the_daily_task_records_and_reminds(dues_court, attorney):
    FilingPrivilegeFactory(court=dues_court, account=attorney)
    with time_machine.travel(NOW, tick=False):
        assert tasks.record_annual_dues.call() == 1
        assert tasks.record_annual_dues.call() == 0


def test_your_courts_shows_dues_paid_with_the_receipt(dues_court, attorney, signed_in):
    FilingPrivilegeFactory(court=dues_court, account=attorney)
    CourtFeeOwedFactory(
        court=dues_court,
        account=attorney,
        kind="annual_dues",
        period="2026–2027",
        paid_at=NOW,
        receipt_number="AMOWDC-0000009",
        amount=Decimal("50.00"),
    )

    page = signed_in(attorney).get("/account/courts/").content.decode()

    assert (
        "Attorney dues for 2026–2027 ($50.00): <strong>paid</strong> November 30, 2026, receipt"
        in page
    )
    assert 'href="/payments/receipts/AMOWDC-0000009/"' in page


def test_a_court_that_wants_fees_first_refuses_filing_until_they_are_paid(
    mowd, attorney, signed_in
):
    FilingPrivilegeFactory(
        court=mowd, account=attorney, kind="pro_hac_vice", case_number="4:26-cv-00001"
    )
    fee = CourtFeeOwedFactory(court=mowd, account=attorney)
    client = signed_in(attorney)
    from openecf.ecf.access import can_file

    assert "fee" not in [s.code for s in can_file(attorney, mowd).missing]
    Court.objects.filter(pk="mowd").update(fee_before_privilege=True)
    mowd.refresh_from_db()

    check = can_file(attorney, mowd)
    utilities = client.get("/mowd/utilities/").content.decode()

    assert [s.code for s in check.missing][:1] == ["fee"]
    assert check.missing[0].text == (
        "W.D. Mo. requires its court fees to be paid before your privilege is active: pay what "
        "you owe (Utilities → Internet payments due)."
    )
    assert check.missing[0].link == "/mowd/utilities/fees/"
    assert 'data-testid="fee-due"' in utilities
    CourtFeeOwed.objects.filter(pk=fee.pk).update(paid_at=NOW, receipt_number="AMOWDC-0000001")
    assert "fee" not in [s.code for s in can_file(attorney, mowd).missing]
