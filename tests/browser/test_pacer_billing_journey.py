"""Issue 13's whole journey, through the pages: PACER access fees from the first search to the
paid firm invoice.

In 2026Q3 a member of the public searches the Case Locator, opens a docket report (the cost
shown first, then charged) and a 42-page document (charged, capped at 30 pages: $3.00). An
attorney of Jefferson & Clay LLP, the demo firm, does the same and runs up $45.00 in all. The
quarter closes with ``openecf billing close-quarter 2026Q3``: the public user's $3.20 is waived
and their invoice page says $0.00; the firm's invoice lists the attorney's $45.00 by client
code, the office manager pays it, and the attorney has no invoice of their own. Each page
passes axe-core's WCAG 2.2 AA rules; ``OPENECF_SCREENSHOTS=<folder>`` saves every step.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import Page, expect

from openecf.billing import ledger_check, queries
from openecf.billing.models import AccessCharge, QuarterStatement
from openecf.billing.tests.conftest import IN_Q3, view
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.firms.factories import add_member
from openecf.firms.models import Firm
from openecf.reports.tests.conftest import build_record, file_entry, own_storage  # noqa: F401
from openecf.tests_support.factories import DEFAULT_PASSWORD
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import enter_password, field, pay_with_card, primary_nav, sign_out
from tests.browser.test_roles import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("OPENECF_SCREENSHOTS")
LONG_PAGES = 42


def shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/journey-{name}.png", full_page=True)


@pytest.fixture
def record(mowd):
    """The reports' W.D. Mo. record (files kept in ``tmp_path`` by ``own_storage``), plus entry
    8: a 42-page notice of a deposition."""
    built = build_record(mowd)
    long_pdf, _ = kept_and_stamped(corpus.text_pdf(LONG_PAGES), doc_id=80)
    assert long_pdf.page_count == LONG_PAGES
    file_entry(built.case, 8, "notice", "NOTICE of filing deposition of Richard Roe filed by "
               "Müller & Söhne GmbH. (Attorney, Alice)", day=20, documents=("Main Document",),
               pdf_id=long_pdf.id, by=built.alice)  # fmt: skip
    return built


def find_the_case_and_read_it(page: Page, who: str, account) -> None:
    """Case Locator → the case → its docket report (cost, then the sheet) → the long document."""
    primary_nav(page).get_by_role("link", name="Case Locator").click()
    expect(page.get_by_test_id("locator-cost")).to_contain_text("$0.10")
    field(page, "Last name or business name").fill("Roe")
    field(page, "First name").fill("Richard")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("locator-count")).to_have_text("1 case found")
    expect(page.get_by_test_id("receipt-cost")).to_have_text("0.10")
    expect_accessible(page)
    shot(page, f"{who}-1-locator-results")
    page.get_by_test_id("locator-results").get_by_role("link", name=re.compile("26-cv")).click()
    expect(page.get_by_test_id("case-reports")).to_contain_text("Docket Report")
    shot(page, f"{who}-2-case-reports")

    page.get_by_role("link", name="Docket Report ...").click()
    expect(page.get_by_test_id("report-case")).to_contain_text("Müller & Söhne GmbH")
    shot(page, f"{who}-3-docket-criteria")
    page.get_by_test_id("run-report").click()
    cost = page.get_by_test_id("report-cost")
    expect(cost).to_contain_text("billable page")
    quoted = re.search(r"cost \$(\d+\.\d\d)", cost.inner_text()).group(1)
    assert [kind for kind, _ in charges_of(account)] == ["search"], "not charged before accepting"
    expect_accessible(page)
    shot(page, f"{who}-4-docket-cost")
    page.get_by_test_id("view-report").click()
    sheet = page.locator("#cmecfMainContent")
    expect(sheet).to_contain_text("CIVIL DOCKET FOR CASE #")
    expect(page.get_by_test_id("receipt")).to_contain_text(quoted)
    expect_accessible(page)
    shot(page, f"{who}-5-docket-report")

    sheet.get_by_role("link", name="8", exact=True).click()
    document_cost = page.get_by_test_id("document-cost")
    expect(document_cost).to_contain_text("Billable Pages: 30")
    expect(document_cost).to_contain_text("Cost: 3.00")
    expect(page.get_by_test_id("document-cap")).to_have_text(
        f"This document has {LONG_PAGES} pages; its fee is capped at 30 pages ($3.00)."
    )
    expect_accessible(page)
    shot(page, f"{who}-6-document-cost")
    with page.expect_response(lambda r: r.request.method == "POST") as served:
        page.get_by_test_id("view-document").click()
    assert served.value.status == 200
    assert served.value.headers["content-type"] == "application/pdf"
    page.goto("/")  # leave the PDF viewer


def charges_of(account) -> list[tuple[str, Decimal]]:
    rows = AccessCharge.objects.filter(account_id=account.pk).order_by("pk")
    return [(c.kind, c.amount) for c in rows]


def test_pacer_fees_from_the_first_search_to_the_paid_firm_invoice(
    new_page, record, public_user, attorney, office_manager
):
    firm = Firm.objects.get(paa=office_manager)
    public = new_page()
    lawyer = new_page()

    with time_machine.travel(IN_Q3, tick=True):
        for browser_page in (public, lawyer):  # the browsers' clocks travel too
            browser_page.clock.install(time=IN_Q3)
        public.goto("/")
        public.get_by_role("link", name="Sign in").first.click()
        enter_password(public, public_user.username, DEFAULT_PASSWORD)
        find_the_case_and_read_it(public, "public", public_user)
        public_charges = charges_of(public_user)
        assert [kind for kind, _ in public_charges] == ["search", "docket_report", "document"]
        assert public_charges[2] == ("document", Decimal("3.00"))  # 42 pages, capped at 30
        public_total = sum(amount for _, amount in public_charges)
        assert public_total < Decimal("30.00")

        add_member(firm, attorney, joined_at=IN_Q3)
        sign_in(lawyer, attorney.username)
        lawyer.goto("/account/client-code/")
        field(lawyer, "Client code").fill("roe-matter")
        lawyer.get_by_role("button", name="Set client code").click()
        find_the_case_and_read_it(lawyer, "attorney", attorney)
        browsed = sum(amount for _, amount in charges_of(attorney))
        rest_cents = int((Decimal("45.00") - browsed) * 100)  # the rest of the quarter's reading
        while rest_cents:
            pages = min(30, rest_cents // 10)
            view(attorney, pages=pages, client_code="acme-merger")
            rest_cents -= pages * 10
    assert sum(amount for _, amount in charges_of(attorney)) == Decimal("45.00")
    assert set(
        AccessCharge.objects.filter(account=attorney).values_list("billed_to", flat=True)
    ) == {office_manager.pk}

    for browser_page in (public, lawyer):
        browser_page.clock.set_system_time(datetime.now(UTC))
    call_command("billing", "close-quarter", "2026Q3", "--no-progress")  # today is December
    assert ledger_check.check() == []

    public.goto("/")
    public.get_by_role("link", name="Sign in").first.click()
    enter_password(public, public_user.username, DEFAULT_PASSWORD)
    public.goto("/")
    primary_nav(public).get_by_role("link", name=re.compile(public_user.username)).click()
    public.get_by_role("link", name="Payments", exact=True).click()
    expect(public.get_by_test_id("balance")).to_have_text("Balance: $0.00")
    expect_accessible(public)
    shot(public, "public-7-payments")
    public.get_by_test_id("statements").get_by_role("link", name="2026Q3").click()
    expect(public.get_by_text(f"Charges this quarter: ${public_total}")).to_contain_text("waived")
    expect(public.get_by_test_id("statement-balance")).to_have_text("Balance: $0.00")
    expect_accessible(public)
    shot(public, "public-8-waived-statement")
    assert queries.balance(public_user.pk) == 0

    manager = new_page()
    sign_in(manager, office_manager.username)
    manager.get_by_role("link", name="Your firm").click()
    manager.get_by_role("link", name="Invoices and payments").click()
    expect(
        manager.get_by_role("heading", name="Pay the invoice for 2026Q3: $45.00")
    ).to_be_visible()
    manager.get_by_test_id("statements").get_by_role("link", name="2026Q3").click()
    lines = manager.get_by_test_id("lines")
    for code in ("roe-matter", "acme-merger"):
        expect(lines.get_by_role("row").filter(has_text=code)).to_contain_text(attorney.username)
    expect(manager.get_by_test_id("statement-balance")).to_have_text("Balance due: $45.00")
    expect_accessible(manager)
    shot(manager, "manager-1-firm-invoice")
    manager.go_back()
    pay_with_card(manager, "$45.00", "Olive Manager")
    expect(manager.get_by_text("your payment of $45.00 for 2026Q3 is recorded")).to_be_visible()
    expect(manager.get_by_test_id("balance")).to_have_text("Balance: $0.00")
    expect(
        manager.get_by_test_id("statements").get_by_role("row").filter(has_text="2026Q3")
    ).to_contain_text("Paid")
    expect_accessible(manager)
    shot(manager, "manager-2-paid")
    sign_out(manager)
    assert queries.balance(office_manager.pk) == 0

    sign_in(lawyer, attorney.username)
    lawyer.goto("/account/payments/")
    expect(lawyer.get_by_test_id("balance")).to_have_text("Balance: $0.00")
    expect(lawyer.get_by_test_id("billed-to-firm")).to_contain_text("Jefferson & Clay LLP")
    expect_accessible(lawyer)
    shot(lawyer, "attorney-7-no-invoice")
    assert not QuarterStatement.objects.filter(account_id=attorney.pk).exists()
    assert ledger_check.check() == []
