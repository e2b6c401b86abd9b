"""The clerk finds a case by a partial number, reads its summary and closes it; each page
passes axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from openecf.cases.factories import civil_opening, criminal_opening, judge_at, open_case
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import enter_password, field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("OPENECF_SCREENSHOTS")  # a folder: save each page to look at


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_the_clerk_finds_reads_and_closes_a_case(page, mowd, clerk, attorney):
    judge_at(mowd)
    case = open_case(
        mowd,
        civil_opening(plaintiff_attorney_id=attorney.pk),
        now=datetime(2018, 4, 24, 15, tzinfo=UTC),
    )
    open_case(mowd, criminal_opening(), now=datetime(2018, 4, 24, 16, tzinfo=UTC))
    page.goto("/mowd/cases/")
    enter_password(page, clerk.username, DEFAULT_PASSWORD)
    field(page, "Case number").fill("18-1")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_role("heading", name="Possible cases")).to_be_visible()
    expect_accessible(page)
    shot(page, "possible-cases")
    page.get_by_role("link", name="4:18-cv-00001-BW").click()
    expect(page.get_by_test_id("case-number")).to_have_text("4:18-cv-00001-BW")
    expect(page.get_by_test_id("parties")).to_contain_text("Alice Attorney")
    expect_accessible(page)
    shot(page, "case-summary")
    page.get_by_role("link", name="Manage this case").click()
    expect_accessible(page)
    page.get_by_role("button", name="Close the case").click()
    expect(page.get_by_role("status")).to_have_text("The case is closed.")
    expect(page.get_by_test_id("closed")).to_be_visible()
    expect_accessible(page)
    shot(page, "clerk-case")
    case.refresh_from_db()
    assert case.date_terminated is not None
