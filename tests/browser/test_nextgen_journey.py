"""The letter's journey: a firm's Legacy PACER attorney gets ready for W.D. Mo.'s move to NextGen.

The office manager watches the firm's readiness page; the attorney upgrades the Legacy account,
adds an authenticator app, is told linking waits for go-live, and links the old CM/ECF login once
the clerk's office has put the court live.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from openecf.core import clock
from openecf.courts import actions as court_actions
from openecf.courts import rules as court_rules
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.firms import actions as firm_actions
from openecf.firms.factories import FirmFactory, add_member
from openecf.tests_support.factories import DEFAULT_PASSWORD, LegacyAccountFactory
from tests.browser.steps import (
    add_authenticator_app,
    agree_to_redaction_rules,
    enter_app_code,
    enter_password,
    expect_signed_in_as,
    field,
    readiness_of,
    sign_out,
    skip_mfa_prompt_if_shown,
    tick,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Blue-Heron-Cascade-Lantern-7!"


def test_a_legacy_attorney_upgrades_and_links_the_court_login_once_the_court_goes_live(
    page, new_page, mowd, clerk
):
    # W.D. Mo. moves to NextGen CM/ECF in three weeks.
    today = clock.in_zone(clock.now(), mowd.time_zone).date()
    go_live = court_rules.go_live_moment(today + timedelta(days=21), mowd.time_zone)
    court_actions.schedule_go_live(actor_id=None, court=mowd, go_live=go_live)
    # Lena files there with her own CM/ECF login and has a Legacy PACER account (from 2009),
    # which belongs to her firm's PACER Administrative Account; the firm checks W.D. Mo.
    lena = LegacyAccountFactory(
        username="lw2009", purpose="attorney_filer", first_name="Lena", last_name="Whitaker"
    )
    CourtLoginFactory(
        court=mowd,
        login="lwhitaker",
        first_name="Lena",
        last_name="Whitaker",
        email="lwhitaker@jeffersonclay.example",
        bar_id="58123",
    )
    firm = FirmFactory(name="Jefferson & Clay LLP")
    add_member(firm, lena)
    firm_actions.choose_readiness_courts(firm=firm, actor_id=firm.paa_id, court_ids=["mowd"])

    # The office manager signs in as the firm's PAA: Lena is not ready, she must upgrade first.
    office = page
    office.goto("/firm/readiness/")
    enter_password(office, firm.paa.username, DEFAULT_PASSWORD)
    expect(
        office.get_by_role("heading", name="NextGen readiness: Jefferson & Clay LLP")
    ).to_be_visible()
    assert readiness_of(office, "Lena Whitaker") == {
        "Name": "Lena Whitaker",
        "Username": "lw2009",
        "Account number": lena.account_number,
        "Individual": "Yes",
        "Upgraded": "No",
        "MFA enrolled": "No",
        "mowd": "Not yet",
        "Ready": "No",
        "Next step": "Upgrade the Legacy PACER account in Manage My Account (Settings → "
        "Account type → Upgrade).",
    }

    # Lena signs in with her Legacy account and sees that it must be upgraded.
    attorney = new_page()
    attorney.goto("/account/")
    enter_password(attorney, "lw2009", DEFAULT_PASSWORD)
    agree_to_redaction_rules(attorney)
    skip_mfa_prompt_if_shown(attorney)
    expect(attorney.get_by_test_id("account-type")).to_have_text(
        re.compile(r"^Legacy PACER Account \(Upgrade\)")
    )

    # She upgrades: Person → Address → Security.
    attorney.get_by_role("link", name="Upgrade my account").click()
    expect(attorney.get_by_role("heading", name="Person", exact=True)).to_be_visible()
    field(attorney, "Date of birth").fill("1971-02-11")
    field(attorney, "User type").select_option(label="Individual")
    attorney.get_by_role("button", name="Next").click()
    expect(attorney.get_by_role("heading", name="Address", exact=True)).to_be_visible()
    expect(field(attorney, "Street address")).to_have_value("400 E. 9th Street")
    field(attorney, "County").fill("Jackson")
    attorney.get_by_role("button", name="Next").click()
    expect(attorney.get_by_role("heading", name="Security", exact=True)).to_be_visible()
    field(attorney, "New username").fill("lwhitaker")
    field(attorney, "New password").fill(NEW_PASSWORD)
    field(attorney, "New password again").fill(NEW_PASSWORD)
    field(attorney, "Security question 1").select_option(label="In what city were you born?")
    field(attorney, "Answer 1").fill("Sedalia")
    field(attorney, "Security question 2").select_option(
        label="What was the name of your elementary school?"
    )
    field(attorney, "Answer 2").fill("Longfellow")
    attorney.get_by_role("button", name="Submit").click()
    expect(attorney.get_by_role("heading", name="Upgrade complete")).to_be_visible()
    expect_signed_in_as(attorney, "Lena Whitaker (lwhitaker)")

    # Filers need multi-factor authentication: she adds an authenticator app.
    app = add_authenticator_app(attorney, lena.email)

    # Linking her CM/ECF login waits for the court's go-live.
    attorney.goto("/mowd/utilities/link/")
    expect(attorney.get_by_role("alert")).to_contain_text(
        "United States District Court for the Western District of Missouri is not on NextGen "
        f"CM/ECF yet: linking opens on {clock.format_court_time(go_live, mowd.time_zone)}."
    )
    sign_out(attorney)

    # The clerk's office puts W.D. Mo. live today.
    clerk_office = new_page()
    clerk_office.goto("/mowd/clerk/settings/")
    enter_password(clerk_office, clerk.username, DEFAULT_PASSWORD)
    field(clerk_office, "NextGen go-live (court time)").fill(today.isoformat())
    clerk_office.get_by_role("button", name="Save settings").click()
    expect(clerk_office.get_by_role("status")).to_have_text("Settings for W.D. Mo. saved.")
    expect(clerk_office.get_by_role("main")).to_contain_text("Status now: NextGen CM/ECF.")

    # Lena opens W.D. Mo.'s filing menus: she is told to sign in, then to link her login.
    attorney.goto("/mowd/file/")
    expect(attorney.get_by_role("heading", name="You cannot file at W.D. Mo. yet")).to_be_visible()
    missing = attorney.get_by_test_id("missing-steps").get_by_role("listitem")
    expect(missing).to_have_text(
        [re.compile(r"^Sign in with your PACER account \(Central Sign-On\)\.")]
    )
    missing.get_by_role("link").click()
    enter_password(attorney, "lwhitaker", NEW_PASSWORD)
    enter_app_code(attorney, app)
    agree_to_redaction_rules(attorney)
    expect(attorney.get_by_role("heading", name="You cannot file at W.D. Mo. yet")).to_be_visible()
    expect_signed_in_as(attorney, "Lena Whitaker (lwhitaker)")
    expect(missing).to_have_text(
        [
            re.compile(r"^If you had a CM/ECF login at this court, link it to your PACER account"),
            re.compile(r"^If you never had a CM/ECF login here, request e-filing privileges"),
        ]
    )
    missing.filter(has_text="link it to your PACER account").get_by_role("link").click()
    expect(
        attorney.get_by_role("heading", name="Link a CM/ECF account to my PACER account")
    ).to_be_visible()
    field(attorney, "CM/ECF login").fill("lwhitaker")
    field(attorney, "CM/ECF password").fill(COURT_PASSWORD)
    attorney.get_by_role("button", name="Next: check the court's record").click()
    expect(attorney.get_by_role("heading", name="Is this your CM/ECF account?")).to_be_visible()
    record = attorney.get_by_test_id("court-record")
    expect(record).to_contain_text("lwhitaker")
    expect(record).to_contain_text("Lena Whitaker")
    expect(record).to_contain_text("58123 (MO)")
    tick(attorney, "This CM/ECF login is mine. I understand that linking cannot be undone.")
    attorney.get_by_role("button", name="Link these accounts").click()
    expect(attorney.get_by_role("heading", name="Your CM/ECF account is linked")).to_be_visible()

    # The filing menus open for her.
    attorney.get_by_role("link", name="Go to the filing menus").click()
    expect(
        attorney.get_by_role(
            "heading",
            name="Filing — United States District Court for the Western District of Missouri",
        )
    ).to_be_visible()
    # The filing menus lead to the opening and filing pages, for the same filer.
    menus = attorney.get_by_test_id("filing-menus")
    expect(menus.get_by_role("link", name="Open a Civil Case")).to_be_visible()
    menus.get_by_role("link", name="File a document in an existing criminal case").click()
    expect(attorney.get_by_role("heading", name=re.compile("^File a document"))).to_be_visible()

    # The office manager reloads the readiness page: Lena is ready.
    office.reload()
    assert readiness_of(office, "Lena Whitaker") == {
        "Name": "Lena Whitaker",
        "Username": "lwhitaker",
        "Account number": lena.account_number,
        "Individual": "Yes",
        "Upgraded": "Yes",
        "MFA enrolled": "Yes",
        "mowd": "Linked",
        "Ready": "Yes",
        "Next step": "None: ready for NextGen.",
    }
