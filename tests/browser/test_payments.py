"""An attorney keeps a card in Manage My Account, pays a fee with it and reads the receipt."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from openecf.payments import actions
from openecf.payments.tests.conftest import pay_court_fee
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import field
from tests.browser.test_roles import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_stored_card_pays_a_fee_and_the_receipt_shows_it(page: Page, attorney, courts, tmp_path):
    sign_in(page, attorney.username)
    page.goto("/account/payments/")
    page.get_by_role("link", name="Stored payment methods").click()
    expect(page.get_by_role("heading", name="Stored payment methods")).to_be_visible()
    expect_accessible(page)

    typed = {"Nickname": "Office Visa", "Name on the card": "Alice Attorney"}
    typed |= {"Card number": "4111 1111 1111 1111", "Expiry month": "12", "Expiry year": "2030"}
    for label, value in {**typed, "Security code": "123"}.items():
        field(page, label).fill(value)
    page.get_by_role("button", name="Add card").click()

    expect(page.get_by_text("Office Visa (Visa ending 1111) was added.")).to_be_visible()
    methods = page.get_by_test_id("payment-methods")
    expect(methods.get_by_role("cell", name="Visa ending 1111")).to_be_visible()
    expect_accessible(page)
    page.screenshot(path=str(tmp_path / "payment-methods.png"), full_page=True)

    [method_id] = actions.live_methods(attorney.pk).values_list("pk", flat=True)
    payment = pay_court_fee(attorney, "ecf.fee:browser", card=None, method_id=method_id)

    page.goto("/account/payment-history/")
    page.get_by_role("link", name=payment.receipt_number).click()
    expect(page.get_by_role("heading", name=f"Receipt {payment.receipt_number}")).to_be_visible()
    expect(page.get_by_test_id("receipt-amount")).to_have_text("$100.00")
    expect(page.get_by_text("Visa ending 1111 (Office Visa)")).to_be_visible()
    expect_accessible(page)
    page.screenshot(path=str(tmp_path / "receipt.png"), full_page=True)
