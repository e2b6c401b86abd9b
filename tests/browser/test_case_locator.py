"""A public user searches the national Case Locator from the main menu, reads the cost, pages
through the results (each page charged once, the receipt at the bottom) and opens a case;
each page passes axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from openecf.billing.models import AccessCharge
from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.cases.rules import PartyOpening
from openecf.locator.tests.conftest import many
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import enter_password, field, primary_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("OPENECF_SCREENSHOTS")


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_public_user_searches_the_case_locator_and_opens_a_case(page, mowd, public_user):
    judge_at(mowd)
    opening = civil_opening(
        title="Acme Corp. v. Pennington",
        parties=(
            PartyOpening(name="Acme Corp.", role="plaintiff"),
            PartyOpening(name="Walter Pennington", role="defendant"),
        ),
    )
    case = open_case(mowd, opening, now=datetime(2026, 4, 24, 15, tzinfo=UTC))
    many(60, names=("Margaret Pennington",))
    page.goto("/")
    page.get_by_role("link", name="Sign in").first.click()
    enter_password(page, public_user.username, DEFAULT_PASSWORD)
    page.goto("/")
    primary_nav(page).get_by_role("link", name="Case Locator").click()
    expect(page.get_by_test_id("locator-cost")).to_contain_text("$0.10")
    expect_accessible(page)
    shot(page, "locator-form")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("alert").first).to_contain_text("Say what to search by")
    field(page, "Last name or business name").fill("Penn*")
    field(page, "Filed from").fill("2026-05-01")
    field(page, "Filed to").fill("2026-04-01")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("must be on or after the “filed from” date")).to_be_visible()
    assert not AccessCharge.objects.exists()
    field(page, "Filed from").fill("")
    field(page, "Filed to").fill("")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("locator-count")).to_have_text("61 cases found, page 1 of 2")
    expect(page.get_by_test_id("receipt-cost")).to_have_text("0.10")
    expect_accessible(page)
    shot(page, "locator-results")
    page.get_by_test_id("locator-next").click()
    expect(page.get_by_test_id("locator-count")).to_have_text("61 cases found, page 2 of 2")
    page.reload()
    expect(page.get_by_test_id("locator-count")).to_have_text("61 cases found, page 2 of 2")
    assert [c.amount for c in AccessCharge.objects.order_by("pk")] == [Decimal("0.10")] * 2
    shot(page, "locator-page-2")
    field(page, "Last name or business name").fill("Pennington")
    field(page, "First name").fill("Walter")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("locator-count")).to_have_text("1 case found")
    page.get_by_role("link", name="4:26-cv-00001-BW").click()
    expect(page.get_by_test_id("case-reports")).to_contain_text("Docket Report")
    assert page.url.endswith(f"/mowd/cgi-bin/iquery.pl?{case.pk}")
    page.get_by_role("link", name="Case Summary").click()
    expect(page.get_by_test_id("case-number")).to_have_text("4:26-cv-00001-BW")
