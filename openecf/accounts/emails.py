"""The plain-text e-mails PACER accounts send (subjects and bodies; links in the text part)."""

from __future__ import annotations

from dataclasses import dataclass

SIGNATURE = "\n\n— PACER Service Center (OpenECF)\nThis is an automated message; do not reply.\n"


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str


def verify_registration(*, name: str, username: str, account_number: str, link: str) -> Letter:
    return Letter(
        "Verify your e-mail address for your new PACER account",
        f"Dear {name},\n\n"
        f"Thank you for registering for a PACER account.\n\n"
        f"Username: {username}\nAccount number: {account_number}\n\n"
        f"Your account becomes active when you verify your e-mail address. Open this link "
        f"within 48 hours:\n\n{link}\n\n"
        f"If you did not register, ignore this e-mail." + SIGNATURE,
    )


def registration_on_hold(*, name: str, username: str, account_number: str) -> Letter:
    return Letter(
        "Your PACER registration is on hold for review",
        f"Dear {name},\n\n"
        f"Your PACER registration (username {username}, account number {account_number}) "
        f"matches an existing PACER account by name, date of birth and e-mail address, so it "
        f"is on hold for review by the PACER Service Center. If you already have an account, "
        f"use Forgot Username or Forgot Password instead of registering again." + SIGNATURE,
    )


def confirm_new_email(*, name: str, link: str) -> Letter:
    return Letter(
        "Confirm your new PACER e-mail address",
        f"Dear {name},\n\n"
        f"You asked to change the e-mail address on your PACER account to this address. "
        f"The change takes effect when you open this link within 48 hours:\n\n{link}\n\n"
        f"If you did not ask for this, ignore this e-mail." + SIGNATURE,
    )


def email_change_notice(*, name: str, new_email: str) -> Letter:
    return Letter(
        "A change of e-mail address was requested for your PACER account",
        f"Dear {name},\n\n"
        f"Someone signed in to your PACER account asked to change its e-mail address to "
        f"{new_email}. Nothing changes until the new address is confirmed. If this was not "
        f"you, change your password now." + SIGNATURE,
    )


def password_changed(*, name: str, username: str) -> Letter:
    return Letter(
        "Your PACER password was changed",
        f"Dear {name},\n\n"
        f"The password of PACER account {username} was changed. If this was not you, use "
        f"Forgot Password at once and contact the PACER Service Center." + SIGNATURE,
    )


def username_reminder(*, name: str, usernames: list[str]) -> Letter:
    listed = "\n".join(f"  {username}" for username in usernames)
    return Letter(
        "Your PACER username",
        f"Dear {name},\n\nYou asked for the username of your PACER account:\n\n{listed}\n\n"
        f"If you did not ask for this, ignore this e-mail." + SIGNATURE,
    )


def reset_password(*, name: str, username: str, link: str) -> Letter:
    return Letter(
        "Reset PACER Password",
        f"Dear {name},\n\n"
        f"You asked to reset the password of PACER account {username}. Open this link within "
        f"1 hour; it works once:\n\n{link}\n\n"
        f"If you did not ask for this, ignore this e-mail; your password stays the same."
        + SIGNATURE,
    )


def reactivate(*, name: str, username: str, link: str) -> Letter:
    return Letter(
        "Reactivate your PACER account",
        f"Dear {name},\n\n"
        f"PACER account {username} became inactive because it was not used for more than "
        f"2 years. Open this link within 48 hours to reactivate it:\n\n{link}\n\n"
        f"If you did not ask for this, ignore this e-mail." + SIGNATURE,
    )


def upgrade_complete(*, name: str, username: str, account_number: str) -> Letter:
    return Letter(
        "Your PACER account upgrade is complete",
        f"Dear {name},\n\n"
        f"Your Legacy PACER Account {account_number} is now an Upgraded PACER Account. "
        f"Sign in with your new username {username}. Your account number, history and balance "
        f"are unchanged." + SIGNATURE,
    )
