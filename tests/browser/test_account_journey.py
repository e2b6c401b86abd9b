"""A new attorney's PACER account, from registration to signing in with an authenticator app."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import (
    add_authenticator_app,
    agree_to_redaction_rules,
    email_to,
    enter_app_code,
    enter_password,
    expect_signed_in_as,
    expect_signed_out,
    field,
    link_path_in,
    primary_nav,
    sign_out,
    skip_mfa_prompt_if_shown,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Blue-Heron-Cascade-Lantern-7!"


def test_a_new_attorney_registers_signs_in_everywhere_once_and_then_with_an_authenticator_app(
    page, courts
):
    # Dana registers for a PACER account as an attorney filer.
    page.goto("/account/register/")
    field(page, "Register for").select_option(label="Attorney filer (CM/ECF e-filing)")
    field(page, "First name").fill("Dana")
    field(page, "Last name").fill("Whitfield")
    field(page, "Date of birth").fill("1984-09-30")
    field(page, "E-mail address").fill("dana.whitfield@kc-law.example")
    field(page, "Phone").fill("816-555-0142")
    field(page, "Street address").fill("1200 Main Street, Suite 400")
    field(page, "City").fill("Kansas City")
    field(page, "State").fill("MO")
    field(page, "ZIP code").fill("64105")
    field(page, "County").fill("Jackson")
    field(page, "Username").fill("dwhitfield")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password again").fill(PASSWORD)
    field(page, "Security question 1").select_option(label="In what city were you born?")
    field(page, "Answer 1").fill("Topeka")
    field(page, "Security question 2").select_option(label="What was the make of your first car?")
    field(page, "Answer 2").fill("Studebaker")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()

    # The account becomes active when she opens the link e-mailed to her.
    letter = email_to(
        "dana.whitfield@kc-law.example", "Verify your e-mail address for your new PACER account"
    )
    page.goto(link_path_in(letter, "/account/verify/"))
    expect(page.get_by_role("heading", name="E-mail address verified")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Your PACER account dwhitfield is active.")

    # She signs in once: a filer acknowledges the redaction rules; she skips MFA for now.
    page.get_by_role("main").get_by_role("link", name="Sign in").click()
    enter_password(page, "dwhitfield", PASSWORD)
    agree_to_redaction_rules(page)
    skip_mfa_prompt_if_shown(page)
    expect_signed_in_as(page, "Dana Whitfield (dwhitfield)")

    # One sign-in covers PACER and every NextGen court.
    page.goto("/account/")
    expect(page.get_by_test_id("account-type")).to_have_text("Upgraded PACER Account")
    expect_signed_in_as(page, "Dana Whitfield (dwhitfield)")
    page.goto("/mowd/")
    expect(
        page.get_by_role(
            "heading", name="United States District Court for the Western District of Missouri"
        )
    ).to_be_visible()
    expect_signed_in_as(page, "Dana Whitfield (dwhitfield)")
    page.goto("/mowb/")
    expect(
        page.get_by_role(
            "heading", name="United States Bankruptcy Court for the Western District of Missouri"
        )
    ).to_be_visible()
    expect_signed_in_as(page, "Dana Whitfield (dwhitfield)")

    # She adds an authenticator app in Manage My Account.
    app = add_authenticator_app(page, "dana.whitfield@kc-law.example")

    # One sign-out ends the session at PACER and at every court.
    sign_out(page)
    expect_signed_out(page)
    page.goto("/mowd/")
    expect_signed_out(page)

    # Signing in again from the court's page now asks for the app's code, and comes back here.
    primary_nav(page).get_by_role("link", name="Sign in").click()
    enter_password(page, "dwhitfield", PASSWORD)
    enter_app_code(page, app)
    agree_to_redaction_rules(page)
    page.wait_for_url("**/mowd/")
    expect_signed_in_as(page, "Dana Whitfield (dwhitfield)")
