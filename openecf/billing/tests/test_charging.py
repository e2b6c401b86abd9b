"""Recording access charges: once per view, free rules, firms, client codes, suspension."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from openecf.billing import actions, facade
from openecf.billing.errors import PacerAccessSuspended, ViewKeyReused
from openecf.billing.models import AccessCharge, LedgerEntry
from openecf.billing.tests.conftest import view
from openecf.core.errors import InputInvalid
from openecf.firms import facade as firms
from openecf.firms.factories import FirmFactory, add_member
from openecf.tests_support.concurrency import run_together
from openecf.tests_support.factories import AccountFactory


def test_a_view_is_charged_once_with_its_receipt(public_user, mowd, in_q3):
    first = view(public_user, pages=31, key="dkt-1", client_code="smith-v-jones",
                 criteria="Case 4:26-cv-00012")  # fmt: skip
    again = view(public_user, pages=31, key="dkt-1", client_code="smith-v-jones")
    assert again == first
    assert (first.username, first.client_code, first.pages, first.amount) == (
        public_user.username, "smith-v-jones", 30, Decimal("3.00"),
    )  # fmt: skip
    assert first.criteria == "Case 4:26-cv-00012"
    assert AccessCharge.objects.count() == 1
    row = LedgerEntry.objects.get()
    assert (row.account_id, row.kind, row.amount, row.quarter) == (
        public_user.pk, "charge", Decimal("3.00"), "2026Q3",
    )  # fmt: skip


def test_the_quote_is_what_the_charge_will_be(public_user, mowd, in_q3):
    quoted = facade.quote(account_id=public_user.pk, court_id="mowd", kind="docket_report",
                          size_bytes=4321)  # fmt: skip
    assert (quoted.pages, quoted.amount, quoted.capped) == (2, Decimal("0.20"), False)
    assert AccessCharge.objects.count() == 0
    charged = view(public_user, kind="docket_report", pages=None, size_bytes=4321)
    assert (charged.pages, charged.amount) == (quoted.pages, quoted.amount)


@pytest.mark.django_db(transaction=True)
def test_two_requests_for_one_view_charge_once(courts):
    person = AccountFactory()
    results = run_together([lambda: view(person, key="same-view")] * 2)
    assert results[0] == results[1]
    assert AccessCharge.objects.count() == 1
    assert LedgerEntry.objects.count() == 1


def test_a_view_key_of_another_person_is_refused(public_user, attorney, mowd, in_q3):
    view(public_user, key="k")
    with pytest.raises(ViewKeyReused):
        view(attorney, key="k")
    assert AccessCharge.objects.count() == 1


def test_court_users_view_free_at_their_court_only(clerk, mowd, in_q3):
    at_home = view(clerk, pages=10)
    elsewhere = view(clerk, pages=10, court_id="ksd")
    assert (at_home.amount, at_home.free_reason) == (Decimal("0.00"), "court_user")
    assert elsewhere.amount == Decimal("1.00")
    assert LedgerEntry.objects.count() == 1


def test_a_free_look_from_a_notice_costs_nothing(attorney, mowd, in_q3):
    receipt = view(attorney, pages=12, free_look=True)
    assert (receipt.amount, receipt.free_reason, receipt.pages) == (
        Decimal("0.00"),
        "free_look",
        12,
    )
    assert not LedgerEntry.objects.exists()


def test_an_exemption_frees_its_scope_until_switched_off(clerk, public_user, mowd, in_q3):
    exemption = actions.grant_exemption(
        court_id="mowd", by_account_id=clerk.pk, account_id=public_user.pk,
        reason="Scholarly research, not for redistribution", scope="documents",
        ends_on=date(2026, 12, 31),
    )  # fmt: skip
    assert view(public_user).free_reason == "exemption"
    assert view(public_user, kind="docket_report", pages=None, size_bytes=100).amount == Decimal(
        "0.10"
    )
    actions.switch_exemption(account_id=public_user.pk, exemption_id=exemption.pk, enabled=False)
    assert view(public_user).amount == Decimal("3.00")


def test_an_exemption_ends_on_its_end_date(clerk, public_user, mowd, in_q3):
    actions.grant_exemption(
        court_id="mowd", by_account_id=clerk.pk, account_id=public_user.pk,
        reason="Pro bono", scope="all", ends_on=date(2026, 8, 14),
    )  # fmt: skip
    assert view(public_user).amount == 0
    in_q3.move_to("2026-08-15T15:00:00Z")
    assert view(public_user).amount == Decimal("3.00")


def test_only_the_courts_clerk_grants_an_exemption(other_court_clerk, public_user, mowd, in_q3):
    from openecf.core.errors import NotFound

    with pytest.raises(NotFound):
        actions.grant_exemption(
            court_id="mowd", by_account_id=other_court_clerk.pk, account_id=public_user.pk,
            reason="x", scope="all", ends_on=date(2026, 12, 31),
        )  # fmt: skip


def test_a_firm_members_views_land_on_the_firms_bill(attorney, mowd, in_q3):
    firm = FirmFactory()
    add_member(firm, attorney)
    receipt = view(attorney, client_code="acme-merger")
    assert receipt.username == attorney.username
    row = LedgerEntry.objects.get()
    assert row.account_id == firm.paa_id
    assert AccessCharge.objects.get().billed_to_id == firm.paa_id


def test_a_firm_can_require_a_client_code(attorney, mowd, in_q3):
    firm = FirmFactory()
    add_member(firm, attorney)
    firms.set_client_code_rule(firm_id=firm.pk, actor_id=firm.paa_id, required=True)
    assert facade.quote(account_id=attorney.pk, court_id="mowd", kind="document", pages=1
                        ).client_code_required  # fmt: skip
    with pytest.raises(InputInvalid) as refused:
        view(attorney)
    assert "client_code" in refused.value.problems
    assert not AccessCharge.objects.exists()
    assert view(attorney, client_code="matter-7").client_code == "matter-7"


def test_an_unknown_kind_is_refused(public_user, mowd, in_q3):
    with pytest.raises(InputInvalid) as refused:
        view(public_user, kind="hologram")
    assert refused.value.problems == {"kind": ["Unknown kind of view."]}
    assert not AccessCharge.objects.exists()


def test_may_access_is_true_for_a_fresh_account(public_user):
    assert facade.may_access(public_user.pk) == facade.Access(allowed=True, message="")


def test_a_suspended_account_is_refused_charges_but_not_free_views(public_user, clerk, mowd, in_q3):
    from openecf.billing.models import QuarterStatement
    from openecf.billing.tests.conftest import run_up

    run_up(public_user, 45)
    in_q3.move_to("2026-10-02T15:00:00Z")
    actions.close_quarter(quarter="2026Q3")
    invoice = QuarterStatement.objects.get(account=public_user)
    assert invoice.kind == "invoice"
    in_q3.move_to("2026-12-01T15:00:00Z")  # due Nov 1, then 30 days of grace
    assert facade.may_access(public_user.pk).allowed is True
    in_q3.move_to("2026-12-02T15:00:00Z")
    access = facade.may_access(public_user.pk)
    assert access.allowed is False
    assert "suspended" in access.message and "$45.00" in access.message
    assert "Filing in CM/ECF is not affected" in access.message
    before = AccessCharge.objects.count()
    with pytest.raises(PacerAccessSuspended):
        view(public_user)
    assert AccessCharge.objects.count() == before
    assert view(public_user, kind="opinion").amount == 0


def test_a_view_charged_before_a_suspension_still_answers_its_receipt(public_user, mowd, in_q3):
    from openecf.billing.tests.conftest import run_up

    first = view(public_user, key="dkt-before")
    run_up(public_user, 45)
    in_q3.move_to("2026-10-02T15:00:00Z")
    actions.close_quarter(quarter="2026Q3")
    in_q3.move_to("2026-12-02T15:00:00Z")
    assert facade.may_access(public_user.pk).allowed is False
    before = AccessCharge.objects.count()
    assert view(public_user, key="dkt-before") == first
    assert AccessCharge.objects.count() == before


@pytest.mark.parametrize(
    ("kind", "pages", "size_bytes", "billed_pages", "amount"),
    [
        ("docket_report", None, 4320, 1, "0.10"),
        ("docket_report", None, 4321, 2, "0.20"),
        ("docket_report", None, 30 * 4320, 30, "3.00"),
        ("docket_report", None, 30 * 4320 + 1, 30, "3.00"),
        ("report", None, 30 * 4320 + 1, 31, "3.10"),
        ("document", 30, None, 30, "3.00"),
        ("document", 31, None, 30, "3.00"),
        ("transcript", 31, None, 31, "3.10"),
        ("search", 0, None, 1, "0.10"),
    ],
)
def test_each_fee_rule_at_its_boundary_is_what_the_ledger_records(
    public_user, mowd, in_q3, kind, pages, size_bytes, billed_pages, amount
):
    receipt = view(public_user, kind=kind, pages=pages, size_bytes=size_bytes)
    assert (receipt.pages, receipt.amount) == (billed_pages, Decimal(amount))
    row = LedgerEntry.objects.get(account_id=public_user.pk)
    assert (row.kind, row.amount) == ("charge", Decimal(amount))
