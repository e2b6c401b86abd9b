"""Pure court-login rules: no database, no clock (callers pass ``now``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

# Legacy CM/ECF lockout, throttled like Central Sign-On (openecf.core.throttle): 5 invalid
# attempts lock for 5 minutes, plus 1 minute per further one, both per login name and per source
# address. Failures are forgotten after a quiet hour.
FAILURE_WINDOW = timedelta(hours=1)

RESET_LINK_LIFETIME = timedelta(hours=1)
RESET_LINKS_PER_HOUR = 3  # "Forgot your password" e-mails per login per hour

# The privilege a linked login carries, by the login's role. Court users (clerks' own logins)
# never become filing privileges.
PRIVILEGE_KIND_FOR_ROLE = {
    "attorney": "attorney",
    "trustee": "trustee",
    "creditor": "creditor",
    "filing_agent": "filing_agent",
    "pro_se": "pro_se",
}

# Privilege kinds that may have filing agents file for them.
PRINCIPAL_KINDS = frozenset({"attorney", "pro_hac_vice", "trustee"})
ATTORNEY_KINDS = frozenset({"attorney", "pro_hac_vice"})


def privilege_kind_for_role(role: str) -> str | None:
    return PRIVILEGE_KIND_FOR_ROLE.get(role)


@dataclass(frozen=True)
class MissingStep:
    """One thing a person must do before filing: a sentence and where to do it."""

    code: str
    text: str
    link: str

    @property
    def action(self) -> str:
        """The words on the link (screen readers read links out of context)."""
        return _STEP_ACTIONS.get(self.code, "Do this now")


_STEP_ACTIONS = {
    "sign_in": "Sign in with your PACER account",
    "upgrade": "Upgrade your PACER account",
    "individual_account": "Register an individual PACER account",
    "account": "Manage your PACER account",
    "court_login": "Log in with your court CM/ECF login",
    "link": "Link your CM/ECF login to your PACER account",
    "request": "Request e-file registration at this court",
    "mfa": "Set up multi-factor authentication",
    "redaction": "Sign out, then sign in again",
    "fee": "Pay the court fees you owe",
}


@dataclass(frozen=True)
class FilingCheck:
    allowed: bool
    missing: list[MissingStep]

    @property
    def account_cannot_file(self) -> bool:
        """This account can never file (a PAA or a shared account), whatever else is done."""
        return any(step.code == "individual_account" for step in self.missing)


def court_password_problem(password: str) -> str | None:
    """Legacy CM/ECF password rules: 8+ characters, upper and lower case, a digit or symbol."""
    if len(password) < 8:
        return "Use at least 8 characters."
    if not any(c.isupper() for c in password) or not any(c.islower() for c in password):
        return "Use both upper- and lower-case letters."
    if not any(not c.isalpha() for c in password):
        return "Use at least one digit or special character."
    return None
