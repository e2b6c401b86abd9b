"""Issue 10, the whole walk through one civil case at W.D. Mo., each person in their own
browser and each step reached from the page before it:

1. Alice Attorney opens a civil case from the filing menus and pays the $405 fee by card.
2. Dana Counsel (the demo's defence attorney, ``dcounsel1``) enters her appearance for the
   defendant, then files a motion to dismiss with two exhibits.
3. Alice files a response in opposition linked to the motion.
4. The clerk corrects the motion's docket text and seals the appearance.
5. The judge dockets a text order from the case's page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from openecf.accounts import demo as accounts_demo
from openecf.accounts.models import Account
from openecf.cases.factories import judge_at
from openecf.ecf import demo as ecf_demo
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.signon.factories import SECRET, AuthenticatorAppFactory
from openecf.tests_support import factories
from openecf.tests_support.factories import DEFAULT_PASSWORD
from openecf.tests_support.storage import use_own_storage
from tests.browser.steps import (
    AuthenticatorApp,
    add_attachment,
    confirm_redaction_and_submit,
    describe_civil_case,
    field,
    file_for,
    name_parties,
    pay_by_card,
    primary_nav,
    refer_to,
    shot,
    sign_in_with,
    sign_in_with_app,
    start_filing,
    tick,
    upload_main_document,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    use_own_storage(settings, tmp_path)


def _next_document_step(page: Page) -> None:
    page.get_by_role("button", name="Next", exact=True).click()


def _docket_row(page: Page, number: int):
    return page.get_by_test_id("docket").locator(f'[data-entry="{number}"]')


def test_a_civil_case_from_its_opening_to_the_judges_text_order(new_page, mowd, clerk):
    judge = judge_at(mowd).account  # Brian Wimes: the only active judge, so the draw is his
    alice = factories.AccountFactory(
        first_name="Alice", last_name="Attorney", purpose="attorney_filer"
    )
    FilingPrivilegeFactory(court=mowd, account=alice)
    AuthenticatorAppFactory(account=alice)
    ecf_demo.load()  # the demo's court logins, among them Dana Counsel's, linked at mowd
    dana = Account.objects.get(username=ecf_demo.DEFENCE_USERNAME)
    AuthenticatorAppFactory(account=dana)  # filers must use an authenticator app

    # 1. Alice opens the case from the court's File menu and pays the fee.
    plaintiff_side = new_page()
    sign_in_with_app(plaintiff_side, alice, DEFAULT_PASSWORD, AuthenticatorApp(SECRET))
    plaintiff_side.goto("/mowd/")
    primary_nav(plaintiff_side).get_by_role("link", name="File", exact=True).click()
    shot(plaintiff_side, "walk-01-filing-menus")
    plaintiff_side.get_by_role("link", name="Open a Civil Case").click()
    plaintiff_side.get_by_role("button", name="Next").click()
    describe_civil_case(plaintiff_side, "Acme Widget Co. v. Roe")
    plaintiff_side.get_by_role("button", name="Next").click()
    name_parties(
        plaintiff_side, ("Acme Widget Co.", "plaintiff", ""), ("Richard Roe", "defendant", "")
    )
    plaintiff_side.get_by_role("button", name="Next").click()
    upload_main_document(plaintiff_side, "complaint.pdf", 3)
    add_attachment(plaintiff_side, "js44.pdf", "Civil Cover Sheet")
    _next_document_step(plaintiff_side)
    expect(plaintiff_side.get_by_test_id("fee")).to_contain_text("$405.00")
    plaintiff_side.get_by_text(re.compile(r"^Have you redacted\?")).click()
    pay_by_card(plaintiff_side, "4111111111111111", "Alice Attorney")
    shot(plaintiff_side, "walk-02-opening-review")
    plaintiff_side.get_by_role("button", name="Pay $405.00 and open the case").click()
    expect(plaintiff_side.get_by_role("heading", name=re.compile("^Case opened"))).to_be_visible()
    number = plaintiff_side.get_by_test_id("case-number").inner_text()
    assert re.fullmatch(r"4:\d\d-cv-\d{5}-BW", number), number
    receipt = re.search(r"AMOWDC-\d+", plaintiff_side.get_by_test_id("fee-receipt").inner_text())
    assert receipt, "the fee's receipt number"
    expect(plaintiff_side.get_by_test_id("docket-text")).to_have_text(
        f"COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number {receipt.group(0)}), "
        "filed by Acme Widget Co. (Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)"
    )
    shot(plaintiff_side, "walk-03-case-opened")

    # 2. Dana enters her appearance for the defendant: her first filing for him makes her
    # his attorney of record. Then, from the receipt, the motion with its two exhibits.
    defence = new_page()
    sign_in_with_app(defence, dana, accounts_demo.DEMO_PASSWORD, AuthenticatorApp(SECRET))
    defence.goto("/mowd/")
    primary_nav(defence).get_by_role("link", name="File", exact=True).click()
    defence.get_by_role("link", name="File a document in an existing civil case").click()
    start_filing(defence, "NOTICE of Appearance", number)
    shot(defence, "walk-04-appearance-parties")
    file_for(defence, "Richard Roe (Defendant)", lead=True)
    upload_main_document(defence, "appearance.pdf", 1)
    _next_document_step(defence)
    refer_to(defence)
    confirm_redaction_and_submit(defence)
    expect(defence.get_by_test_id("docket-text")).to_have_text(
        "NOTICE of Appearance filed by Richard Roe. (Counsel, Dana)"
    )
    shot(defence, "walk-05-appearance-receipt")

    defence.get_by_test_id("next-steps").get_by_role(
        "link", name="File another document in this case"
    ).click()
    expect(field(defence, "Case number")).to_have_value(re.compile(r"^4:\d\d-cv-\d{5}$"))
    start_filing(defence, "MOTION to Dismiss")
    file_for(defence, "Richard Roe (Defendant)")
    upload_main_document(defence, "motion.pdf", 4)
    add_attachment(defence, "contract.pdf", "A", kind="Exhibit")
    add_attachment(defence, "letter.pdf", "B", kind="Exhibit")
    shot(defence, "walk-06-motion-documents")
    _next_document_step(defence)
    refer_to(defence, free_text="for Failure to State a Claim")
    confirm_redaction_and_submit(defence)
    motion_text = (
        "MOTION to Dismiss for Failure to State a Claim filed by Richard Roe. "
        "(Attachments: # 1 Exhibit A, # 2 Exhibit B)(Counsel, Dana)"
    )
    expect(defence.get_by_test_id("docket-text")).to_have_text(motion_text)
    expect(defence.get_by_test_id("entry-number")).to_have_text("3")
    shot(defence, "walk-07-motion-receipt")

    # 3. Alice answers it, from the case's page: a response linked to entry 3.
    plaintiff_side.get_by_role("link", name="See the case").click()
    shot(plaintiff_side, "walk-08-case-before-response")
    plaintiff_side.get_by_test_id("file-in-case").click()
    start_filing(plaintiff_side, "RESPONSE in Opposition")
    file_for(plaintiff_side, "Acme Widget Co. (Plaintiff)")
    upload_main_document(plaintiff_side, "opposition.pdf", 3)
    _next_document_step(plaintiff_side)
    shot(plaintiff_side, "walk-09-response-links")
    refer_to(plaintiff_side, 3)
    expect(plaintiff_side.get_by_test_id("final-text")).to_have_text(
        "RESPONSE in Opposition re 3 MOTION to Dismiss filed by Acme Widget Co. (Attorney, Alice)"
    )
    confirm_redaction_and_submit(plaintiff_side)
    expect(plaintiff_side.get_by_test_id("entry-number")).to_have_text("4")
    shot(plaintiff_side, "walk-10-response-receipt")

    # 4. The clerk's office corrects the motion's text and seals the appearance.
    office = new_page()
    sign_in_with(office, clerk.username, DEFAULT_PASSWORD)
    office.get_by_role("button", name="Clerk's office").click()
    office.get_by_role("link", name="Review queue", exact=True).click()
    base = number.rsplit("-", 1)[0]  # without the judge's initials
    expect(office.get_by_test_id("queue")).to_contain_text(base)
    shot(office, "walk-11-review-queue")
    office.get_by_test_id("queue").get_by_role(
        "link", name=re.compile(f"^{re.escape(base)}")
    ).first.click()
    office.get_by_test_id("correct-3").click()
    field(office, "Docket text").fill(
        "MOTION to Dismiss for Failure to State a Claim filed by Richard Roe. "
        "(Attachments: # 1 Exhibit A Contract, # 2 Exhibit B Letter)(Counsel, Dana)"
    )
    field(office, "Reason for the correction (kept with the entry's history)").fill(
        "Exhibit descriptions completed"
    )
    office.get_by_role("button", name="Save the corrections").click()
    expect(office.get_by_role("status")).to_have_text("Entry 3 corrected.")
    shot(office, "walk-12-entry-corrected")
    office.get_by_role("link", name="The case's docket").click()
    office.get_by_test_id("correct-2").click()
    tick(office, "Sealed (the court only)")
    office.get_by_role("button", name="Save the corrections").click()
    expect(office.get_by_role("status")).to_have_text("Entry 2 corrected.")
    office.get_by_role("link", name="The case's docket").click()
    expect(_docket_row(office, 2).get_by_test_id("entry-sealed")).to_be_visible()
    shot(office, "walk-13-docket-as-clerk")

    # 5. The judge finds the case in My cases and dockets a text order from its page.
    chambers = new_page()
    sign_in_with(chambers, judge.username, DEFAULT_PASSWORD)
    primary_nav(chambers).get_by_role(
        "link", name=f"{judge.first_name} {judge.last_name} ({judge.username})"
    ).click()
    chambers.get_by_role("link", name="My cases").click()
    shot(chambers, "walk-14-my-cases")
    chambers.get_by_test_id("my-cases").get_by_role("link", name=number).click()
    chambers.get_by_test_id("case-docket").click()
    chambers.get_by_test_id("docket-order").click()
    start_filing(chambers, "TEXT ORDER")
    chambers.get_by_role("button", name="Next").click()  # parties: none for a text order
    refer_to(chambers, 3, free_text="granting in part")
    expect(chambers.get_by_test_id("final-text")).to_contain_text(
        "TEXT ORDER re 3 MOTION to Dismiss granting in part. (bw, COURT STAFF)"
    )
    shot(chambers, "walk-15-text-order-review")
    chambers.get_by_role("button", name="Submit").click()
    expect(chambers.get_by_role("status")).to_contain_text("Entry 5 filed.")
    shot(chambers, "walk-16-text-order-filed")

    # Alice's docket: five entries but the sealed one, the corrected text marked modified.
    # Counsel read the docket as PACER's docket report: the cost first, then the sheet.
    plaintiff_side.get_by_test_id("next-steps").get_by_role("link", name="See the docket").click()
    plaintiff_side.get_by_test_id("run-report").click()
    expect(plaintiff_side.get_by_test_id("report-cost")).to_contain_text("cost $")
    plaintiff_side.get_by_test_id("view-report").click()
    sheet = plaintiff_side.locator("#cmecfMainContent")
    expect(sheet).to_contain_text("Exhibit A Contract")
    expect(sheet).to_contain_text("TEXT ORDER re 3 MOTION to Dismiss")
    expect(sheet).not_to_contain_text("NOTICE of Appearance")
    shot(plaintiff_side, "walk-17-docket-report-as-plaintiff")
