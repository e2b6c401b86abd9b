"""A member of the public finds a case by party name at W.D. Mo., sees the cost of its docket
report, views it (the sealed entry absent), opens a document (the attachment page, the cost,
then the PDF), and the clerk sees the sealed entry; each page passes axe-core's WCAG 2.2 AA
rules."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect

from openecf.reports.tests.conftest import build_record
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.storage import use_own_storage
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import enter_password, field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("OPENECF_SCREENSHOTS")  # a folder: save each page to look at


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def record(mowd, settings, tmp_path):
    use_own_storage(settings, tmp_path)
    return build_record(mowd)


def run_docket_report(page: Page) -> None:
    page.get_by_role("link", name="Docket Report ...").click()
    expect(page.get_by_test_id("report-case")).to_contain_text("Müller & Söhne GmbH")
    expect_accessible(page)
    shot(page, "docket-report-criteria")
    page.get_by_test_id("run-report").click()


def test_the_public_finds_a_case_by_party_name_and_reads_its_docket(
    new_page, record, public_user, clerk
):
    page = new_page()
    page.goto("/mowd/")
    page.get_by_test_id("court-menu-query").get_by_role("link").click()
    enter_password(page, public_user.username, DEFAULT_PASSWORD)
    field(page, "Party name").fill("Söhne")
    expect_accessible(page)
    shot(page, "query")
    page.get_by_test_id("run-query").click()
    expect(page.get_by_test_id("case-reports")).to_be_visible()
    expect_accessible(page)
    shot(page, "case-query-summary")
    run_docket_report(page)
    expect(page.get_by_test_id("report-cost")).to_contain_text("1 billable page, cost $0.10")
    expect_accessible(page)
    shot(page, "docket-report-cost")
    page.get_by_test_id("view-report").click()
    sheet = page.locator("#cmecfMainContent")
    expect(sheet).to_contain_text("CIVIL DOCKET FOR CASE #")
    expect(sheet).to_contain_text("MOTION to Dismiss filed by Richard Roe")
    expect(sheet).not_to_contain_text("SEALED EXHIBIT")
    expect(page.get_by_test_id("receipt")).to_contain_text("0.10")
    expect_accessible(page)
    shot(page, "docket-report")
    sheet.get_by_role("link", name="1", exact=True).click()  # the complaint, with an attachment
    expect(page.get_by_test_id("attachments")).to_contain_text("Civil Cover Sheet")
    expect_accessible(page)
    shot(page, "attachment-page")
    page.get_by_test_id("attachments").get_by_role("link", name="1", exact=True).last.click()
    expect(page.get_by_test_id("document-cost")).to_contain_text("Image1-1")
    expect_accessible(page)
    shot(page, "document-cost")
    with page.expect_response(lambda r: r.request.method == "POST") as served:
        page.get_by_test_id("view-document").click()
    assert served.value.status == 200
    assert served.value.headers["content-type"] == "application/pdf"
    page.goto("/mowd/")  # leave the PDF viewer

    court = new_page()
    court.goto(f"/mowd/cgi-bin/iquery.pl?{record.case.caseid}")
    enter_password(court, clerk.username, DEFAULT_PASSWORD)
    run_docket_report(court)
    expect(court.locator("#cmecfMainContent")).to_contain_text("SEALED EXHIBIT")
    expect(court.get_by_test_id("receipt")).to_contain_text("0.00")
    shot(court, "docket-report-clerk")
