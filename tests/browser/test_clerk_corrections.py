"""Issue 10, clerk quality control and judges' orders: the clerk corrects one entry's text and
seals another, the public sees the corrected text and not the sealed entry, and the judge
dockets a text order from the case's page. Each page passes axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import io
import os

import pytest
from playwright.sync_api import Page, expect

from openecf.cases import facade as cases
from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.docket import actions
from openecf.docket.tests.conftest import make_filer
from openecf.documents.tests import corpus
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.storage import use_own_storage
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import field, sign_in_with, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("OPENECF_SCREENSHOTS")  # a folder: save each page to look at


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    use_own_storage(settings, tmp_path)


def file(account, court, caseid: int, party: int, event: str, links=()) -> None:
    actions.file_entry(
        account=account,
        court=court,
        caseid=caseid,
        choices=actions.FilingChoices(
            event=event, filer_parties=(party,), links=tuple(links), redaction_confirmed=True
        ),
        document=actions.Upload(io.BytesIO(corpus.text_pdf(2)), f"{event}.pdf"),
        redaction_acknowledged=True,
    )


def test_the_clerk_corrects_and_seals_and_the_judge_dockets_a_text_order(
    new_page, mowd, clerk, public_user
):
    judge = judge_at(mowd).account  # Brian Wimes
    alice = make_filer(mowd, first_name="Alice", last_name="Attorney")
    case = open_case(mowd, civil_opening(plaintiff_attorney_id=alice.pk))
    plaintiff = next(p.id for p in cases.parties(caseid=case.pk) if p.role == "plaintiff")
    file(alice, mowd, case.pk, plaintiff, "motion-dismiss")
    file(alice, mowd, case.pk, plaintiff, "exhibit")
    docket = f"/mowd/cases/{case.pk}/docket/"

    # The clerk corrects entry 1's text from the docket page.
    office = new_page()
    sign_in_with(office, clerk.username, DEFAULT_PASSWORD)
    office.goto(docket)
    expect(office.get_by_test_id("docket")).to_contain_text("MOTION to Dismiss filed by Acme")
    expect_accessible(office)
    office.get_by_test_id("correct-1").click()
    expect(office.get_by_role("heading", level=1)).to_contain_text("Entry 1 of 4:")
    expect_accessible(office)
    field(office, "Docket text").fill(
        "MOTION to Dismiss for Lack of Jurisdiction filed by Acme Corp. (Attorney, Alice)"
    )
    field(office, "Reason for the correction (kept with the entry's history)").fill(
        "Relief corrected"
    )
    office.get_by_role("button", name="Save the corrections").click()
    expect(office.get_by_role("status")).to_have_text("Entry 1 corrected.")
    expect(office.get_by_test_id("revisions")).to_contain_text("Relief corrected")
    expect(office.get_by_test_id("entry-text")).to_contain_text("Modified on ")
    shot(office, "clerk-entry-corrected")

    # The review queue lists both filings; the clerk accepts the corrected one.
    office.get_by_role("button", name="Clerk's office").click()
    office.get_by_role("link", name="Review queue", exact=True).click()
    queue = office.get_by_test_id("queue")
    expect(queue.locator("tbody tr")).to_have_count(2)
    expect_accessible(office)
    shot(office, "review-queue")
    queue.locator(f'[data-entry="{case.pk}:1"]').get_by_role("button", name="Accept").click()
    expect(office.get_by_role("status")).to_have_text("Entry 1 accepted.")
    expect(queue.locator("tbody tr")).to_have_count(1)

    # ... and seals entry 2.
    office.goto(f"/mowd/clerk/cases/{case.pk}/entries/2/")
    tick(office, "Sealed (the court only)")
    office.get_by_role("button", name="Save the corrections").click()
    expect(office.get_by_role("status")).to_have_text("Entry 2 corrected.")
    office.goto(docket)
    expect(office.locator('[data-entry="2"]').get_by_test_id("entry-sealed")).to_be_visible()
    shot(office, "docket-as-clerk")

    # The public is sent to the docket report (the cost first): the corrected text; entry 2
    # is simply not there.
    visitor = new_page()
    sign_in_with(visitor, public_user.username, DEFAULT_PASSWORD)
    visitor.goto(docket)
    visitor.get_by_test_id("run-report").click()
    visitor.get_by_test_id("view-report").click()
    entries = visitor.locator("#cmecfMainContent")
    expect(entries).to_contain_text("MOTION to Dismiss for Lack of Jurisdiction")
    expect(entries).not_to_contain_text("EXHIBIT")
    expect_accessible(visitor)
    shot(visitor, "docket-as-public")

    # The judge finds the case in My cases and dockets a text order from its page.
    chambers = new_page()
    sign_in_with(chambers, judge.username, DEFAULT_PASSWORD)
    chambers.goto("/account/cases/")
    chambers.get_by_role("link", name="4:").first.click()
    chambers.get_by_test_id("case-docket").click()
    chambers.get_by_test_id("docket-order").click()
    expect(chambers.get_by_role("heading", level=1)).to_contain_text("File a document")
    chambers.get_by_role("button", name="Next").click()
    chambers.get_by_role("button", name="Next").click()  # parties: none for a text order
    field(chambers, "Free text (after the event's name)").fill(
        "granting 1 Motion to Dismiss for lack of jurisdiction"
    )
    chambers.get_by_role("button", name="Next").click()
    expect(chambers.get_by_test_id("final-text")).to_contain_text(
        "TEXT ORDER granting 1 Motion to Dismiss for lack of jurisdiction. (bw, COURT STAFF)"
    )
    expect_accessible(chambers)
    shot(chambers, "judge-order-review")
    chambers.get_by_role("button", name="Submit").click()
    expect(chambers.get_by_role("status")).to_contain_text("Entry 3 filed.")
    chambers.goto(docket)
    expect(chambers.locator('[data-entry="3"]')).to_contain_text(
        "TEXT ORDER granting 1 Motion to Dismiss for lack of jurisdiction. (bw, COURT STAFF)"
    )
    shot(chambers, "docket-as-judge")
