"""Central Sign-On's e-mails, byte for byte (pure: no database)."""

from openecf.core.letters import Letter
from openecf.signon import letters


def test_the_mfa_security_code_letter_gives_the_code_and_its_lifetime():
    assert letters.mfa_email_code(code="042917", minutes=10) == Letter(
        "PACER security code to add an authenticator app",
        "Your PACER security code is 042917.\n\n"
        "Enter it on the Manage MFA page to add an authenticator app to your account. "
        "It expires in 10 minutes.\n\n"
        "If you did not ask to add an authenticator app, change your password now.",
    )
