"""Sign-in, upgrade, MFA and linking by keyboard alone: Tab to each control, type, Space, Enter.

No step clicks: a person who cannot use a mouse must finish every journey a filer needs. Each
page on the way also passes axe-core's WCAG 2.2 AA rules.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.tests_support.factories import DEFAULT_PASSWORD, LegacyAccountFactory
from tests.browser.accessibility import expect_accessible
from tests.browser.steps import AuthenticatorApp, email_to, field, primary_nav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Blue-Heron-Cascade-Lantern-7!"


def tab_to(page: Page, target: Locator, limit: int = 150) -> None:
    """Press Tab until ``target`` has the focus (the page's own tab order, nothing else)."""
    expect(target).to_be_attached()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def type_into(page: Page, target: Locator, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)


def press(page: Page, target: Locator, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def test_a_legacy_attorney_signs_in_upgrades_adds_mfa_and_links_by_keyboard(page, mowd):
    lena = LegacyAccountFactory(
        username="lw2009", purpose="attorney_filer", first_name="Lena", last_name="Whitaker"
    )
    CourtLoginFactory(court=mowd, login="lwhitaker", email=lena.email, first_name="Lena",
                      last_name="Whitaker")  # fmt: skip

    # Sign in.
    page.goto("/login/")
    expect_accessible(page)
    type_into(page, field(page, "Username"), "lw2009")
    type_into(page, field(page, "Password"), DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    notice = page.get_by_role("heading", name="IMPORTANT NOTICE OF REDACTION RESPONSIBILITY")
    skip = page.get_by_role("button", name=re.compile(r"^Skip \(\d left\)$"))
    courts = page.get_by_role("heading", name="Your courts", level=1)
    expect(notice.or_(skip).or_(courts)).to_be_visible()
    if notice.is_visible():
        expect_accessible(page)
        press(page, page.get_by_label(re.compile("^I understand that, if I file")), " ")
        press(page, page.get_by_role("button", name="Continue"))
        expect(skip.or_(courts)).to_be_visible()
    if skip.is_visible():
        expect_accessible(page)
        press(page, skip)

    # Landed on her courts: the next step is the upgrade.
    expect(courts).to_be_visible()
    expect_accessible(page)
    press(
        page,
        page.get_by_test_id("next-step").get_by_role("link", name="Upgrade your PACER account"),
    )

    # Upgrade: Person → Address → Security.
    expect(page.get_by_role("heading", name="Person", exact=True)).to_be_visible()
    expect_accessible(page)
    type_into(page, field(page, "Date of birth"), "02111971")
    press(page, field(page, "User type"), "ArrowDown")
    press(page, page.get_by_role("button", name="Next"))
    expect(page.get_by_role("heading", name="Address", exact=True)).to_be_visible()
    expect_accessible(page)
    for label, value in (("Street address", "400 E. 9th Street"), ("City", "Kansas City"),
                         ("State", "MO"), ("ZIP code", "64106"), ("County", "Jackson")):  # fmt: skip
        tab_to(page, field(page, label))
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Security", exact=True)).to_be_visible()
    expect_accessible(page)
    type_into(page, field(page, "New username"), "lwhitaker")
    type_into(page, field(page, "New password"), NEW_PASSWORD)
    type_into(page, field(page, "New password again"), NEW_PASSWORD)
    press(page, field(page, "Security question 1"), "ArrowDown")
    type_into(page, field(page, "Answer 1"), "Sedalia")
    tab_to(page, field(page, "Security question 2"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    type_into(page, field(page, "Answer 2"), "Longfellow")
    press(page, page.get_by_role("button", name="Submit"))
    expect(page.get_by_role("heading", name="Upgrade complete")).to_be_visible()
    expect_accessible(page)
    press(page, page.get_by_role("link", name="Continue where you were going"))

    # Back on her courts: multi-factor authentication, returning here once the app works.
    expect(courts).to_be_visible()
    press(
        page,
        page.get_by_test_id("next-step").get_by_role(
            "link", name="Set up multi-factor authentication"
        ),
    )
    expect(page).to_have_url(re.compile(r"/account/mfa/\?next=/account/courts/$"))
    expect_accessible(page)
    press(page, page.get_by_role("button", name="Add app"))
    expect(field(page, "Security code from the e-mail")).to_be_visible()
    letter = email_to(lena.email, "PACER security code to add an authenticator app")
    code = re.search(r"Your PACER security code is (\d+)\.", letter.body).group(1)
    type_into(page, field(page, "Security code from the e-mail"), code)
    press(page, page.get_by_role("button", name="Confirm"))
    expect(
        page.get_by_role("heading", name="Step 2 of 2: add the account to your app")
    ).to_be_visible()
    expect_accessible(page)
    app = AuthenticatorApp(page.get_by_test_id("totp-secret").inner_text())
    type_into(page, field(page, "Name for this app"), "Phone")
    type_into(page, field(page, "Code the app shows now"), app.code())
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Added “Phone”. Its codes now work at sign-in.")
    expect(courts).to_be_visible()

    # Link the W.D. Mo. CM/ECF login.
    press(
        page,
        page.get_by_test_id("next-step").get_by_role(
            "link", name="Link your CM/ECF login to your PACER account"
        ),
    )
    expect(
        page.get_by_role("heading", name="Link a CM/ECF account to my PACER account")
    ).to_be_visible()
    expect_accessible(page)
    type_into(page, field(page, "CM/ECF login"), "lwhitaker")
    type_into(page, field(page, "CM/ECF password"), COURT_PASSWORD)
    page.keyboard.press("Enter")
    confirm = page.get_by_label(
        "This CM/ECF login is mine. I understand that linking cannot be undone."
    )
    expect(confirm).to_be_attached()
    expect_accessible(page)
    press(page, confirm, " ")
    expect(confirm).to_be_checked()
    press(page, page.get_by_role("button", name="Link these accounts"))
    expect(page.get_by_role("heading", name="Your CM/ECF account is linked")).to_be_visible()
    expect_accessible(page)
    expect(primary_nav(page).get_by_role("link", name="Lena Whitaker (lwhitaker)")).to_be_visible()
