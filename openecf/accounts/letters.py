"""The plain-text e-mails PACER accounts send (subjects and bodies; links in the text part)."""

from __future__ import annotations

from openecf.core.letters import Letter

SIGNATURE = "\n\n— PACER Service Center (OpenECF)\nThis is an automated message; do not reply.\n"
NOT_ASKED = "If you did not ask for this, ignore this e-mail."


def _letter(subject: str, *, name: str, body: str) -> Letter:
    """A letter to ``name``: greeting, ``body``, then the PACER Service Center's signature."""
    return Letter(subject, f"Dear {name},\n\n{body}{SIGNATURE}")


def verify_registration(*, name: str, username: str, account_number: str, link: str) -> Letter:
    return _letter(
        "Verify your e-mail address for your new PACER account",
        name=name,
        body=f"Thank you for registering for a PACER account.\n\n"
        f"Username: {username}\nAccount number: {account_number}\n\n"
        f"Your account becomes active when you verify your e-mail address. Open this link "
        f"within 48 hours:\n\n{link}\n\n"
        f"If you did not register, ignore this e-mail.",
    )


def registration_on_hold(*, name: str, username: str, account_number: str) -> Letter:
    return _letter(
        "Your PACER registration is on hold for review",
        name=name,
        body=f"Your PACER registration (username {username}, account number {account_number}) "
        f"matches an existing PACER account by name, date of birth and e-mail address, so it "
        f"is on hold for review by the PACER Service Center. If you already have an account, "
        f"use Forgot Username or Forgot Password instead of registering again.",
    )


def confirm_new_email(*, name: str, link: str) -> Letter:
    return _letter(
        "Confirm your new PACER e-mail address",
        name=name,
        body=f"You asked to change the e-mail address on your PACER account to this address. "
        f"The change takes effect when you open this link within 48 hours:\n\n{link}\n\n"
        f"{NOT_ASKED}",
    )


def email_change_notice(*, name: str, new_email: str) -> Letter:
    return _letter(
        "A change of e-mail address was requested for your PACER account",
        name=name,
        body=f"Someone signed in to your PACER account asked to change its e-mail address to "
        f"{new_email}. Nothing changes until the new address is confirmed. If this was not "
        f"you, change your password now.",
    )


def password_changed(*, name: str, username: str) -> Letter:
    return _letter(
        "Your PACER password was changed",
        name=name,
        body=f"The password of PACER account {username} was changed. If this was not you, use "
        f"Forgot Password at once and contact the PACER Service Center.",
    )


def username_reminder(*, name: str, usernames: list[str]) -> Letter:
    listed = "\n".join(f"  {username}" for username in usernames)
    return _letter(
        "Your PACER username",
        name=name,
        body=f"You asked for the username of your PACER account:\n\n{listed}\n\n{NOT_ASKED}",
    )


def reset_password(*, name: str, username: str, link: str) -> Letter:
    return _letter(
        "Reset PACER Password",
        name=name,
        body=f"You asked to reset the password of PACER account {username}. Open this link "
        f"within 1 hour; it works once:\n\n{link}\n\n"
        f"If you did not ask for this, ignore this e-mail; your password stays the same.",
    )


def reactivate(*, name: str, username: str, link: str) -> Letter:
    return _letter(
        "Reactivate your PACER account",
        name=name,
        body=f"PACER account {username} became inactive because it was not used for more than "
        f"2 years. Open this link within 48 hours to reactivate it:\n\n{link}\n\n{NOT_ASKED}",
    )


def upgrade_complete(*, name: str, username: str, account_number: str) -> Letter:
    return _letter(
        "Your PACER account upgrade is complete",
        name=name,
        body=f"Your Legacy PACER Account {account_number} is now an Upgraded PACER Account. "
        f"Sign in with your new username {username}. Your account number, history and balance "
        f"are unchanged.",
    )
