"""The PACER Service Center's e-mails, byte for byte (pure: no database)."""

from openecf.accounts import letters
from openecf.core.letters import Letter

SIGNATURE = "\n\n— PACER Service Center (OpenECF)\nThis is an automated message; do not reply.\n"


def test_the_reset_link_letter_says_one_hour_and_once():
    letter = letters.reset_password(
        name="Lee Attorney", username="lattorney1", link="https://ecf.example/account/reset/t/"
    )
    assert letter == Letter(
        "Reset PACER Password",
        "Dear Lee Attorney,\n\n"
        "You asked to reset the password of PACER account lattorney1. Open this link within "
        "1 hour; it works once:\n\nhttps://ecf.example/account/reset/t/\n\n"
        "If you did not ask for this, ignore this e-mail; your password stays the same."
        + SIGNATURE,
    )


def test_the_verification_letter_names_the_account_and_the_48_hour_link():
    letter = letters.verify_registration(
        name="Ann Filer",
        username="afiler2026",
        account_number="1234567",
        link="https://ecf.example/account/verify/t/",
    )
    assert letter.subject == "Verify your e-mail address for your new PACER account"
    assert letter.text == (
        "Dear Ann Filer,\n\nThank you for registering for a PACER account.\n\n"
        "Username: afiler2026\nAccount number: 1234567\n\n"
        "Your account becomes active when you verify your e-mail address. Open this link "
        "within 48 hours:\n\nhttps://ecf.example/account/verify/t/\n\n"
        "If you did not register, ignore this e-mail." + SIGNATURE
    )


def test_the_username_reminder_lists_every_username_indented():
    letter = letters.username_reminder(name="Ann Filer", usernames=["afiler2026", "afiler-old"])
    assert letter.text == (
        "Dear Ann Filer,\n\nYou asked for the username of your PACER account:\n\n"
        "  afiler2026\n  afiler-old\n\nIf you did not ask for this, ignore this e-mail." + SIGNATURE
    )
