"""What people do in the browser, in the pages' own words (shared by the journey tests).

Every step finds things the way a person (or a screen reader) does: by label, role and name.
Each step waits on what the page shows, never on the clock.
"""

from __future__ import annotations

import os
import re
import time
from typing import TYPE_CHECKING

import pyotp
from django.core import mail
from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from openecf.accounts.models import Account


SCREENSHOTS = os.environ.get("OPENECF_SCREENSHOTS", "")  # a folder: each step's page, to look at


def shot(page: Page, name: str) -> None:
    """Save the whole page as ``<name>.png`` when ``OPENECF_SCREENSHOTS`` names a folder."""
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def field(page: Page, label: str) -> Locator:
    """The form field labelled exactly ``label`` (a required field's label ends in "*")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def tick(page: Page, label: str) -> None:
    """Tick a USWDS checkbox: its input is drawn by the label, so a person clicks the label."""
    page.get_by_text(label, exact=True).click()
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def pay_with_card(page: Page, amount: str, name: str) -> None:
    """Pay ``amount`` (e.g. "$45.00") on the payments page with the sandbox's approved card."""
    card = {"Card number": "4111 1111 1111 1111", "Expiry month": "12", "Expiry year": "2030"}
    card |= {"Security code": "123", "Name on the card": name}
    for label, value in card.items():
        field(page, label).fill(value)
    page.get_by_role("button", name=f"Pay {amount}").click()


def primary_nav(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Primary navigation")


def expect_signed_in_as(page: Page, who: str) -> None:
    """Every page's header names the signed-in person: "First Last (username)"."""
    expect(primary_nav(page).get_by_role("link", name=who, exact=True)).to_be_visible()
    expect(primary_nav(page).get_by_role("button", name="Sign out")).to_be_visible()


def expect_signed_out(page: Page) -> None:
    expect(primary_nav(page).get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(primary_nav(page).get_by_role("button", name="Sign out")).to_have_count(0)


def sign_out(page: Page) -> None:
    primary_nav(page).get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("You have signed out of PACER and every court.")


# --- Signing in, one step at a time ------------------------------------------------------------


def enter_password(page: Page, username: str, password: str) -> None:
    expect(page.get_by_role("heading", name="Sign in to PACER")).to_be_visible()
    field(page, "Username").fill(username)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def enter_app_code(page: Page, app: AuthenticatorApp) -> None:
    expect(page.get_by_role("heading", name="Multi-factor authentication")).to_be_visible()
    field(page, "Code").fill(app.code())
    page.get_by_role("button", name="Verify").click()


def agree_to_redaction_rules(page: Page) -> None:
    """Filers acknowledge the redaction notice at every sign-in."""
    expect(
        page.get_by_role("heading", name="IMPORTANT NOTICE OF REDACTION RESPONSIBILITY")
    ).to_be_visible()
    tick(
        page,
        "I understand that, if I file, I must comply with the redaction rules. "
        "I have read this notice.",
    )
    page.get_by_role("button", name="Continue").click()


def skip_mfa_prompt_if_shown(page: Page) -> None:
    """Filers without MFA are prompted (from MFA_REQUIRED_FOR_FILERS_FROM) and may skip 3 times."""
    skip = page.get_by_role("button", name=re.compile(r"^Skip \(\d left\)$"))
    signed_in = primary_nav(page).get_by_role("button", name="Sign out")
    expect(skip.or_(signed_in)).to_be_visible()
    if skip.is_visible():
        skip.click()
    expect(signed_in).to_be_visible()


# --- E-mail (locmem: the live server runs in this process) -------------------------------------


def email_to(address: str, subject: str) -> mail.EmailMessage:
    """The one e-mail with this subject sent to ``address``."""
    found = [m for m in mail.outbox if address in m.to and m.subject == subject]
    assert len(found) == 1, [(m.to, m.subject) for m in mail.outbox]
    return found[0]


def link_path_in(email: mail.EmailMessage, path_prefix: str) -> str:
    """The path of the link starting with ``path_prefix`` (the host is OPENECF_BASE_URL's)."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+)", email.body)
    assert match, email.body
    return match.group(1)


# --- Multi-factor authentication ---------------------------------------------------------------


class AuthenticatorApp:
    """A phone's authenticator app holding one PACER secret (RFC 6238, 30-second codes).

    PACER accepts each code once and allows one step of clock drift, so when the code on screen
    was already used (two sign-ins within 30 seconds) the app gives the next one instead of
    making the test wait for the clock.
    """

    def __init__(self, secret: str) -> None:
        self.totp = pyotp.TOTP(secret)
        self.last_step: int | None = None

    def code(self) -> str:
        step = int(time.time()) // self.totp.interval
        if self.last_step is not None and step <= self.last_step:
            step = self.last_step + 1
        self.last_step = step
        return self.totp.at(step * self.totp.interval)


def add_authenticator_app(page: Page, email_address: str) -> AuthenticatorApp:
    """Manage My Account → MFA → Add app: the e-mailed code, the secret, the app's first code."""
    page.goto("/account/mfa/")
    page.get_by_role("button", name="Add app").click()
    email_code = field(page, "Security code from the e-mail")
    expect(email_code).to_be_visible()
    letter = email_to(email_address, "PACER security code to add an authenticator app")
    email_code.fill(re.search(r"Your PACER security code is (\d+)\.", letter.body).group(1))
    page.get_by_role("button", name="Confirm").click()
    expect(
        page.get_by_role("heading", name="Step 2 of 2: add the account to your app")
    ).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    app = AuthenticatorApp(page.get_by_test_id("totp-secret").inner_text())
    field(page, "Name for this app").fill("Phone")
    field(page, "Code the app shows now").fill(app.code())
    page.get_by_role("button", name="Add app").click()
    expect(page.get_by_role("status")).to_have_text("Added “Phone”. Its codes now work at sign-in.")
    expect(page.get_by_role("heading", name="Authenticator apps (1 of 5)")).to_be_visible()
    return app


# --- The office manager's readiness table ------------------------------------------------------


def readiness_of(page: Page, name: str) -> dict[str, str]:
    """One member's row of /firm/readiness/, as {column heading: value}."""
    table = page.get_by_role("table", name=re.compile(r"^Members of "))
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))
    expect(row).to_have_count(1)
    headings = table.get_by_role("columnheader").all_inner_texts()
    values = (
        row.get_by_role("rowheader").all_inner_texts() + row.get_by_role("cell").all_inner_texts()
    )
    return dict(zip(headings, values, strict=True))


def sign_in_with_app(page: Page, who: Account, password: str, app: AuthenticatorApp) -> None:
    """A filer's sign-in from ``/login/``: password, the authenticator app's code, the
    redaction notice; the header then names them."""
    page.goto("/login/")
    enter_password(page, who.username, password)
    enter_app_code(page, app)
    agree_to_redaction_rules(page)
    expect_signed_in_as(page, f"{who.first_name} {who.last_name} ({who.username})")


def sign_in_with(page: Page, username: str, password: str) -> None:
    """Sign in from ``/login/``, past the redaction notice and the MFA prompt when shown."""
    page.goto("/login/")
    enter_password(page, username, password)
    notice = page.get_by_role("heading", name="IMPORTANT NOTICE OF REDACTION RESPONSIBILITY")
    skip = page.get_by_role("button", name=re.compile(r"^Skip \(\d left\)$"))
    signed_in = primary_nav(page).get_by_role("button", name="Sign out")
    expect(notice.or_(skip).or_(signed_in)).to_be_visible()
    if notice.is_visible():
        page.get_by_text("I understand that, if I file", exact=False).click()
        page.get_by_role("button", name="Continue").click()
        expect(skip.or_(signed_in)).to_be_visible()
    if skip.is_visible():
        skip.click()
    expect(signed_in).to_be_visible()


# --- Opening a case and filing into one (the court's filing pages) ----------------------------


def pdf_file(name: str, pages: int = 2) -> dict:
    """A real text PDF of ``pages`` pages, as the file chooser hands it to the page."""
    from openecf.documents.tests import corpus

    return {"name": name, "mimeType": "application/pdf", "buffer": corpus.text_pdf(pages)}


def pay_by_card(page: Page, number: str, name: str) -> None:
    """The fee step: a card entered on the page (the sandbox approves 4111..., declines 4000...2)."""
    page.get_by_text("A card (entered below)", exact=True).click()
    field(page, "Card number").fill(number)
    field(page, "Name on the card").fill(name)
    field(page, "Expires (month)").fill("12")
    field(page, "Expires (year)").fill("2030")
    field(page, "Security code").fill("123")


def describe_civil_case(page: Page, title: str) -> None:
    """Open a civil case, first page: the case data and the civil cover sheet (a § 1983 claim
    at the Western Division, jury demanded by the plaintiff)."""
    expect(page.get_by_role("heading", name=re.compile("Open a civil case"))).to_be_visible()
    field(page, "Case title").fill(title)
    field(page, "Divisional office").select_option("4")
    field(page, "Nature of suit").select_option("440")
    field(page, "Cause (statute)").fill("42:1983 Civil Rights Act")
    field(page, "Basis of jurisdiction").select_option("federal_question")
    field(page, "Jury demand").select_option("plaintiff")
    field(page, "Demand ($)").fill("75000")


def name_parties(page: Page, *parties: tuple[str, str, str]) -> None:
    """Open a civil case, the parties page: each party as (name, role, aliases)."""
    for number, (name, role, aliases) in enumerate(parties, 1):
        field(page, f"Party {number}: name").fill(name)
        field(page, f"Party {number}: role").select_option(role)
        if aliases:
            field(page, f"Party {number}: aliases").fill(aliases)


def upload_main_document(page: Page, name: str, pages: int = 2) -> None:
    page.get_by_label("Drag file here or choose from folder").set_input_files(pdf_file(name, pages))
    page.get_by_role("button", name="Upload the main document").click()
    expect(page.get_by_test_id("draft-files")).to_contain_text(name)


def add_attachment(page: Page, name: str, description: str, kind: str = "") -> None:
    """One attachment after the main document: its type (when given) and description."""
    page.get_by_label("Drag file here or choose from folder").set_input_files(pdf_file(name, 1))
    if kind:
        field(page, "Attachment type").select_option(label=kind)
    field(page, "Description (e.g. A)").fill(description)
    page.get_by_role("button", name="Add this attachment").click()
    expect(page.get_by_test_id("draft-files")).to_contain_text(name)


def start_filing(page: Page, event: str, case_number: str = "") -> None:
    """The filing pages' first step: the event, and the case number unless the link filled it."""
    expect(page.get_by_role("heading", level=1)).to_contain_text("File a document")
    field(page, "Event").select_option(label=event)
    if case_number:
        field(page, "Case number").fill(case_number)
    page.get_by_role("button", name="Next").click()


def file_for(page: Page, *parties: str, lead: bool = False) -> None:
    """The parties step: the party or parties filed for, as "Name (Role)"."""
    for party in parties:
        page.get_by_text(party, exact=True).click()
    if lead:
        tick(page, "Lead attorney (first filing for a party)")
    page.get_by_role("button", name="Next").click()


def refer_to(page: Page, *entry_numbers: int, free_text: str = "") -> None:
    """The links step: the earlier entries this filing answers, and the free text."""
    for number in entry_numbers:
        page.locator("label").filter(has_text=re.compile(rf"^{number} ")).click()
    if free_text:
        field(page, "Free text (after the event's name)").fill(free_text)
    page.get_by_role("button", name="Next").click()


def confirm_redaction_and_submit(page: Page) -> None:
    """The review step: "Have you redacted?", then Submit; the receipt is the NEF."""
    page.get_by_text(re.compile(r"^Have you redacted\?")).click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Notice of Electronic Filing")).to_be_visible()
