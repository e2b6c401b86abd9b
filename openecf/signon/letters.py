"""The e-mails Central Sign-On sends (pure: callers pass the code and its lifetime)."""

from __future__ import annotations

from openecf.core.letters import Letter


def mfa_email_code(*, code: str, minutes: int) -> Letter:
    """The security code that proves the owner before an authenticator app is added."""
    return Letter(
        "PACER security code to add an authenticator app",
        f"Your PACER security code is {code}.\n\n"
        "Enter it on the Manage MFA page to add an authenticator app to your account. "
        f"It expires in {minutes} minutes.\n\n"
        "If you did not ask to add an authenticator app, change your password now.",
    )
