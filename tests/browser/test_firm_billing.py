"""The letter's central billing: a firm member's PACER charges land on the firm's invoice, which
the office manager reads by person and client code and pays; the member gets no bill."""

from __future__ import annotations

import pytest
import time_machine
from playwright.sync_api import Page, expect

from openecf.billing import actions, queries
from openecf.billing.tests.conftest import IN_Q3, run_up
from openecf.firms.factories import add_member
from openecf.firms.models import Firm
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import field, pay_with_card, sign_out
from tests.browser.test_roles import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_manager_sees_and_pays_a_members_pacer_charges(
    page: Page, attorney, office_manager, mowd, tmp_path
):
    add_member(Firm.objects.get(paa=office_manager), attorney)
    with time_machine.travel(IN_Q3, tick=False):
        run_up(attorney, 30, client_code="smith-v-jones")
        run_up(attorney, 15, client_code="acme")
    actions.close_quarter(quarter="2026Q3")  # today is after the quarter ended

    sign_in(page, office_manager.username)
    page.get_by_role("link", name="Your firm").click()
    page.get_by_role("link", name="PACER usage by attorney and client code").click()
    field(page, "From").fill("2026-07-01")
    field(page, "To").fill("2026-09-30")
    page.get_by_role("button", name="Show usage").click()
    totals = page.get_by_test_id("totals")
    expect(totals.get_by_role("row").filter(has_text="smith-v-jones")).to_contain_text("$30.00")
    expect(totals.get_by_role("row").filter(has_text="acme")).to_contain_text("$15.00")
    expect(totals).to_contain_text(attorney.username)
    expect_accessible(page)
    page.screenshot(path=str(tmp_path / "firm-usage.png"), full_page=True)

    page.get_by_role("link", name="Invoices and payments").click()
    expect(page.get_by_role("heading", name="Pay the invoice for 2026Q3: $45.00")).to_be_visible()
    page.get_by_test_id("statements").get_by_role("link", name="2026Q3").click()
    lines = page.get_by_test_id("lines")
    expect(lines.get_by_role("row").filter(has_text="smith-v-jones")).to_contain_text(
        attorney.username
    )
    expect(page.get_by_test_id("statement-balance")).to_have_text("Balance due: $45.00")
    expect_accessible(page)
    page.screenshot(path=str(tmp_path / "firm-invoice.png"), full_page=True)

    page.go_back()
    pay_with_card(page, "$45.00", "Olive Manager")
    expect(
        page.get_by_text("your payment of $45.00 for 2026Q3 is recorded, receipt AMOWDC-")
    ).to_be_visible()
    expect(page.get_by_test_id("balance")).to_have_text("Balance: $0.00")
    expect(page.get_by_role("heading", name="Pay the invoice for 2026Q3: $45.00")).to_have_count(0)
    page.screenshot(path=str(tmp_path / "firm-paid.png"), full_page=True)
    assert queries.balance(office_manager.pk) == 0
    sign_out(page)

    sign_in(page, attorney.username)
    page.goto("/account/payments/")
    expect(page.get_by_test_id("balance")).to_have_text("Balance: $0.00")
    expect(page.get_by_test_id("billed-to-firm")).to_contain_text("Jefferson & Clay LLP")
    page.screenshot(path=str(tmp_path / "member-payments.png"), full_page=True)
