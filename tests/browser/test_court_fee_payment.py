"""Issue 9: the pro hac vice applicant approved at W.D. Mo. pays the $100 fee with a sandbox card
and gets a receipt; the firm's office manager, signed in as its PAA, is refused."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

from openecf.ecf.models import CourtFeeOwed
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import field, sign_in_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("OPENECF_SCREENSHOTS", "")
PAA_REFUSAL = (
    "A PACER Administrative Account manages PACER fees only and cannot pay court fees: "
    "sign in with your individual PACER account."
)


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def _pay_with_card(page: Page, number: str) -> None:
    page.get_by_text("A card (typed now, not stored)", exact=True).click()
    field(page, "Card number").fill(number)
    field(page, "Expiry month (1–12)").fill("12")
    field(page, "Expiry year (YYYY)").fill("2030")
    field(page, "Security code (CVC)").fill("123")
    field(page, "Name on the card").fill("Paula Visiting")
    page.get_by_role("button", name="Pay now").click()


def test_the_approved_pro_hac_vice_applicant_pays_and_the_firms_paa_cannot(new_page, mowd, clerk):
    from openecf.firms import demo as firm_demo
    from openecf.registrations import actions, demo
    from openecf.registrations.models import RegistrationRequest

    demo.load()
    firm_demo.load()
    request = RegistrationRequest.objects.get(account__username=demo.USERNAME, court=mowd)
    actions.decide_request(
        actor_id=clerk.pk, court=mowd, registration_id=request.pk, decision="approve"
    )
    fee = CourtFeeOwed.objects.get(account__username=demo.USERNAME)

    office = new_page()
    sign_in_with(office, firm_demo.PAA_USERNAME, firm_demo.PAA_PASSWORD)
    office.goto(f"/account/fees/{fee.pk}/pay/")
    _pay_with_card(office, "4111111111111111")
    expect(
        office.get_by_role("alert").filter(has_text="PACER Administrative Account")
    ).to_have_text(PAA_REFUSAL)
    _shot(office, "paa-refused")
    expect_accessible(office)

    applicant = new_page()
    sign_in_with(applicant, demo.USERNAME, demo.PASSWORD)
    applicant.goto("/mowd/utilities/")
    applicant.get_by_role("link", name="Internet payments due").click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text(
        "Internet payments due — United States District Court for the Western District of Missouri"
    )
    expect(applicant.get_by_test_id("fees-due")).to_contain_text("$100.00")
    _shot(applicant, "fees-due")
    expect_accessible(applicant)
    applicant.get_by_role("link", name="Pay now Pro hac vice $100.00").click()
    expect(applicant.get_by_test_id("fee")).to_contain_text("$100.00")
    expect_accessible(applicant)
    _pay_with_card(applicant, "4111111111111111")

    fee.refresh_from_db()
    expect(applicant).to_have_url(re.compile(rf"/payments/receipts/{fee.receipt_number}/$"))
    expect(applicant.get_by_text(fee.receipt_number).first).to_be_visible()
    _shot(applicant, "receipt")
    expect_accessible(applicant)
    applicant.goto("/account/fees/")
    expect(applicant.get_by_test_id("no-fees-due")).to_be_visible()
    expect(applicant.get_by_test_id("fees-paid")).to_contain_text(fee.receipt_number)
    _shot(applicant, "fees-paid")


def test_with_pay_gov_pay_now_goes_to_its_page_and_comes_back_to_the_receipt(
    new_page, mowd, attorney, settings
):
    """The pay.gov gateway: "Pay now" leaves for pay.gov's hosted page (the fake pay.gov on
    loopback), the card is typed there, and the browser comes back to the receipt; Cancel
    there comes back to the pay page with nothing charged."""
    from openecf.ecf.factories import CourtFeeOwedFactory
    from openecf.payments.tests import fake_paygov
    from openecf.tests_support.factories import DEFAULT_PASSWORD

    fee = CourtFeeOwedFactory(court=mowd, account=attorney)
    with fake_paygov.as_the_gateway(settings, timeout=5) as paygov:
        person = new_page()
        sign_in_with(person, attorney.username, DEFAULT_PASSWORD)
        person.goto(f"/account/fees/{fee.pk}/pay/")
        expect(person.get_by_label("Card number")).to_have_count(0)  # never typed on our page
        _shot(person, "paygov-pay-page")
        expect_accessible(person)
        card = "A card, typed on Pay.gov's secure page (you then come back here)"

        person.get_by_text(card, exact=True).click()
        person.get_by_role("button", name="Pay now").click()
        expect(person).to_have_url(re.compile(rf"^{re.escape(paygov.url)}/pay\?token="))
        person.get_by_role("button", name="Cancel").click()
        expect(person.get_by_role("status")).to_contain_text("nothing was charged")
        _shot(person, "paygov-cancelled")

        person.get_by_text(card, exact=True).click()
        person.get_by_role("button", name="Pay now").click()
        expect(person).to_have_url(re.compile(rf"^{re.escape(paygov.url)}/pay\?token="))
        person.get_by_label("Name on card").fill("Alice Attorney")
        person.get_by_label("Card number").fill("4111111111111111")
        person.get_by_label("Month").fill("12")
        person.get_by_label("Year").fill("2030")
        person.get_by_label("Security code").fill("123")
        person.get_by_role("button", name="Continue").click()

        fee.refresh_from_db()
        expect(person).to_have_url(re.compile(rf"/payments/receipts/{fee.receipt_number}/$"))
        expect(person.get_by_text(fee.receipt_number).first).to_be_visible()
        _shot(person, "paygov-receipt")
        assert len(paygov.captures()) == 1
