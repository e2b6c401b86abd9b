"""A court's CM/ECF e-mails, byte for byte (pure: no database)."""

from dataclasses import replace
from decimal import Decimal

from openecf.core.letters import Letter
from openecf.ecf import letters

COURT = {"court_name": "the Western District of Missouri", "short_name": "W.D. Mo."}
LINK = letters.CourtLoginLink(**COURT, login="jdoe", holder="Jane Doe", clerk_phone="")
LINK_WITH_PHONE = replace(LINK, clerk_phone="816-512-5000")


def test_a_reset_asked_for_says_to_ignore_it_if_not_asked():
    letter = letters.court_password_reset(
        **COURT,
        login="jdoe",
        link="https://ecf.example/mowd/cgi-bin/login.pl?reset=t",
        by_clerk=False,
    )
    assert letter == Letter(
        "W.D. Mo.: reset your CM/ECF password",
        "Someone asked to reset the password of the CM/ECF login jdoe at the Western District "
        "of Missouri.\n\nChoose a new password here (the link works once, for one hour):\n"
        "https://ecf.example/mowd/cgi-bin/login.pl?reset=t\n\nIf you did not ask for this, "
        "ignore this e-mail: your password has not changed.\n",
    )


def test_a_reset_by_the_clerk_says_the_clerk_did_it():
    letter = letters.court_password_reset(
        court_name="the Western District of Missouri", short_name="", login="jdoe", link="L",
        by_clerk=True,
    )  # fmt: skip
    assert letter == Letter(
        "the Western District of Missouri: reset your CM/ECF password",
        "The clerk's office at the Western District of Missouri reset the password of your CM/ECF "
        "login jdoe.\n\nChoose a new password here (the link works once, for one hour):\nL\n",
    )


def test_the_link_confirmation_to_the_account_ends_with_the_utilities_page():
    letter = letters.linked_to_account(
        LINK_WITH_PHONE, username="jdoe2026", utilities_url="https://ecf.example/mowd/utilities/"
    )
    assert letter.subject == "W.D. Mo.: CM/ECF login linked to your PACER account"
    assert letter.text == (
        "Your PACER account jdoe2026 is now linked to the CM/ECF login jdoe (Jane Doe) at "
        "the Western District of Missouri.\n\nFrom now on sign in with your PACER username and "
        "password (Central Sign-On); the old CM/ECF login no longer works. Your cases, filing "
        "history, noticing e-mails and filing agents at this court stay with you.\n\n"
        "If you did not do this, contact the clerk's office at once: 816-512-5000.\n\n"
        "https://ecf.example/mowd/utilities/\n"
    )


def test_the_link_confirmation_to_the_login_shows_no_account():
    letter = letters.linked_to_login(LINK)
    assert letter.text == (
        "Your CM/ECF login jdoe (Jane Doe) at the Western District of Missouri is now linked to a "
        "PACER account.\n\nThe CM/ECF login no longer works: sign in with the PACER account's "
        "username and password (Central Sign-On). The login's cases, filing history, noticing "
        "e-mails and filing agents at this court now belong to that PACER account.\n\n"
        "If you did not do this, contact the clerk's office at once.\n"
    )


def test_an_undone_link_gives_the_clerks_reason_to_both():
    to_account = letters.link_undone_to_account(LINK, username="jdoe2026", reason="Wrong person")
    to_login = letters.link_undone_to_login(LINK_WITH_PHONE, reason="Wrong person")
    assert (
        to_account.subject
        == to_login.subject
        == ("W.D. Mo.: CM/ECF login link undone by the clerk")
    )
    assert to_account.text == (
        "The clerk's office at the Western District of Missouri undid the link between your PACER "
        "account jdoe2026 and the CM/ECF login jdoe (Jane Doe).\n\nReason: Wrong person\n\n"
        "The filing privilege that came from this login has ended. Contact the clerk's office "
        "with any question.\n"
    )
    assert to_login.text == (
        "The clerk's office at the Western District of Missouri undid the link between your CM/ECF "
        "login jdoe (Jane Doe) and a PACER account.\n\nReason: Wrong person\n\n"
        "The login is no longer linked to that PACER account. Contact the clerk's office with "
        "any question: 816-512-5000.\n"
    )


def test_filing_agent_letters_name_the_other_person():
    assert letters.agent_associated(**COURT, principal="Pat Lee") == Letter(
        "W.D. Mo.: you may now file for Pat Lee",
        "Pat Lee made you a filing agent at the Western District of Missouri. Filings you make for "
        "them show Pat Lee as the filer.\n",
    )
    assert letters.agent_ended_to_principal(**COURT, agent="Al Agent") == Letter(
        "W.D. Mo.: filing agent association ended",
        "Al Agent no longer files for you at the Western District of Missouri.\n",
    )
    assert letters.agent_ended_to_agent(**COURT, principal="Pat Lee") == Letter(
        "W.D. Mo.: filing agent association ended",
        "You no longer file for Pat Lee at the Western District of Missouri.\n",
    )


DUES = letters.DuesOwed(
    court_name="United States District Court for the Western District of Missouri",
    short_name="W.D. Mo.",
    name="Alice Attorney",
    amount=Decimal("50.00"),
    period="2026–2027",
    pay_url="https://ecf.example/account/fees/",
)


def test_the_dues_letter_says_how_much_for_which_cycle_and_where_to_pay():
    letter = letters.dues_owed(DUES, reminder=False)

    assert letter.subject == "W.D. Mo.: attorney dues for 2026–2027"
    assert letter.text == (
        "Dear Alice Attorney,\n\nYour attorney dues of $50.00 for 2026–2027 at United States "
        "District Court for the Western District of Missouri are now owed.\n\n"
        "Pay them with your own PACER account (Utilities → Internet payments due):\n"
        "https://ecf.example/account/fees/\n\n"
        "A firm's PACER Administrative Account cannot pay court fees.\n"
    )


def test_the_dues_reminder_says_they_are_not_paid_yet():
    letter = letters.dues_owed(replace(DUES, period="2026"), reminder=True)

    assert letter.subject == "W.D. Mo.: attorney dues for 2026 (reminder)"
    assert letter.text.startswith(
        "This is a reminder: your attorney dues of $50.00 for 2026 at United States District "
        "Court for the Western District of Missouri are not paid yet.\n\n"
    )
