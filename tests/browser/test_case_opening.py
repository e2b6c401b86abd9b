"""Issue 10: Alice opens a civil case at W.D. Mo. from the filing menus ("Open a Civil
Case"): the case data and cover sheet, the parties, the complaint and its cover sheet, then
the $405 fee with a sandbox card. A declined card first opens nothing; the good card opens
the case, with its judge drawn and the complaint docketed as entry 1 with the fee's receipt."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from openecf.cases.factories import judge_at
from openecf.cases.models import Case
from openecf.docket.models import DocketEntry
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.payments.models import LedgerEntry
from openecf.signon.factories import SECRET, AuthenticatorAppFactory
from openecf.tests_support import factories
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.steps import (
    AuthenticatorApp,
    add_attachment,
    agree_to_redaction_rules,
    describe_civil_case,
    enter_app_code,
    enter_password,
    expect_signed_in_as,
    name_parties,
    pay_by_card,
    upload_main_document,
)
from tests.browser.steps import shot as _shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pay_with(page: Page, number: str) -> None:
    pay_by_card(page, number, "Alice Attorney")


def test_an_attorney_opens_a_civil_case_and_pays_the_405_fee_by_card(page: Page, mowd):
    alice = factories.AccountFactory(
        first_name="Alice", last_name="Attorney", purpose="attorney_filer"
    )
    FilingPrivilegeFactory(court=mowd, account=alice)
    AuthenticatorAppFactory(account=alice)
    judge_at(mowd)

    page.goto("/login/")
    enter_password(page, alice.username, DEFAULT_PASSWORD)
    enter_app_code(page, AuthenticatorApp(SECRET))
    agree_to_redaction_rules(page)
    expect_signed_in_as(page, f"Alice Attorney ({alice.username})")

    page.goto("/mowd/file/")
    _shot(page, "opening-1-filing-menus")
    page.get_by_role("link", name="Open a Civil Case").click()
    expect(page.get_by_label("Open a civil case (complaint)")).to_be_checked()
    page.get_by_role("button", name="Next").click()

    # The case data and the civil cover sheet.
    describe_civil_case(page, "Acme Widget Co. v. Roe")
    _shot(page, "opening-2-case")
    page.get_by_role("button", name="Next").click()

    # The parties; Alice is added as lead attorney for the plaintiff she files for.
    name_parties(
        page, ("Acme Widget Co.", "plaintiff", "dba: Acme"), ("Richard Roe", "defendant", "")
    )
    _shot(page, "opening-3-parties")
    page.get_by_role("button", name="Next").click()

    # The complaint, then the civil cover sheet as attachment 1.
    upload_main_document(page, "complaint.pdf", 3)
    add_attachment(page, "js44.pdf", "Civil Cover Sheet")
    _shot(page, "opening-4-documents")
    page.get_by_role("button", name="Next", exact=True).click()

    # Review: the final text and the fee; a declined card first.
    expect(page.get_by_test_id("final-text")).to_have_text(
        "COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number (given once paid)), "
        "filed by Acme Widget Co. (Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)"
    )
    expect(page.get_by_test_id("fee")).to_contain_text("$405.00")
    page.get_by_text(re.compile(r"^Have you redacted\?")).click()
    _pay_with(page, "4000000000000002")
    _shot(page, "opening-5-review")
    page.get_by_role("button", name="Pay $405.00 and open the case").click()
    expect(page.get_by_text(re.compile("declined"))).to_be_visible()
    _shot(page, "opening-6-declined")
    assert not Case.objects.exists()
    assert not LedgerEntry.objects.exists()

    # The good sandbox card (the answers given stay on the page): the case opens.
    expect(page.get_by_label(re.compile(r"^Have you redacted\?"))).to_be_checked()
    _pay_with(page, "4111111111111111")
    page.get_by_role("button", name="Pay $405.00 and open the case").click()
    expect(page.get_by_role("heading", name=re.compile("^Case opened"))).to_be_visible()

    case = Case.objects.get()
    shown = f"{case.case_number}-BW"
    expect(page.get_by_test_id("case-number")).to_have_text(shown)
    entry = DocketEntry.objects.get()
    assert re.fullmatch(r"AMOWDC-\d+", entry.fee_receipt)
    expect(page.get_by_test_id("docket-text")).to_have_text(
        f"COMPLAINT against Richard Roe ( Filing fee $ 405, receipt number {entry.fee_receipt}), "
        "filed by Acme Widget Co. (Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)"
    )
    expect(page.get_by_test_id("fee-receipt")).to_contain_text(entry.fee_receipt)
    expect(page.get_by_test_id("next-steps")).to_contain_text("File another document")
    _shot(page, "opening-7-receipt")
    assert list(LedgerEntry.objects.values_list("amount", "receipt_number")) == [
        (405, entry.fee_receipt)
    ]

    page.get_by_role("link", name="See the case").click()
    expect(page.get_by_text(shown).first).to_be_visible()
    _shot(page, "opening-8-case")
