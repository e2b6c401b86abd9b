"""The e-mails a court's CM/ECF sends about court logins, links and filing agents.

Pure: callers pass the court's names, the people's names and full links.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openecf.core.letters import Letter


def _court(short_name: str, name: str) -> str:
    """How a subject names the court: its short name, else its full name."""
    return short_name or name


def court_password_reset(
    *, court_name: str, short_name: str, login: str, link: str, by_clerk: bool
) -> Letter:
    """A single-use link to choose a new court password, asked for or set off by the clerk."""
    choose = f"Choose a new password here (the link works once, for one hour):\n{link}\n"
    if by_clerk:
        text = (
            f"The clerk's office at {court_name} reset the password of your CM/ECF login "
            f"{login}.\n\n{choose}"
        )
    else:
        text = (
            f"Someone asked to reset the password of the CM/ECF login {login} at {court_name}."
            f"\n\n{choose}\nIf you did not ask for this, ignore this e-mail: your password has "
            "not changed.\n"
        )
    return Letter(f"{_court(short_name, court_name)}: reset your CM/ECF password", text)


@dataclass(frozen=True)
class CourtLoginLink:
    """A court login's link to a PACER account, as the link letters name it."""

    court_name: str
    short_name: str
    login: str
    holder: str  # the court login's full name
    clerk_phone: str

    def court(self) -> str:
        return _court(self.short_name, self.court_name)

    def call_the_clerk(self) -> str:
        return f": {self.clerk_phone}." if self.clerk_phone else "."


def linked_to_account(link: CourtLoginLink, *, username: str, utilities_url: str) -> Letter:
    """To the PACER account: the court login is now linked to it."""
    return Letter(
        f"{link.court()}: CM/ECF login linked to your PACER account",
        f"Your PACER account {username} is now linked to the CM/ECF login {link.login} "
        f"({link.holder}) at {link.court_name}.\n\n"
        "From now on sign in with your PACER username and password (Central Sign-On); the old "
        "CM/ECF login no longer works. Your cases, filing history, noticing e-mails and filing "
        "agents at this court stay with you.\n\n"
        "If you did not do this, contact the clerk's office at once"
        f"{link.call_the_clerk()}\n\n{utilities_url}\n",
    )


def linked_to_login(link: CourtLoginLink) -> Letter:
    """To the court login's own address: the login now belongs to a PACER account."""
    return Letter(
        f"{link.court()}: CM/ECF login linked to your PACER account",
        f"Your CM/ECF login {link.login} ({link.holder}) at {link.court_name} is now linked to "
        "a PACER account.\n\n"
        "The CM/ECF login no longer works: sign in with the PACER account's username and "
        "password (Central Sign-On). The login's cases, filing history, noticing e-mails and "
        "filing agents at this court now belong to that PACER account.\n\n"
        "If you did not do this, contact the clerk's office at once"
        f"{link.call_the_clerk()}\n",
    )


def link_undone_to_account(link: CourtLoginLink, *, username: str, reason: str) -> Letter:
    return Letter(
        f"{link.court()}: CM/ECF login link undone by the clerk",
        f"The clerk's office at {link.court_name} undid the link between your PACER account "
        f"{username} and the CM/ECF login {link.login} ({link.holder}).\n\nReason: {reason}"
        "\n\nThe filing privilege that came from this login has ended. Contact the clerk's "
        f"office with any question{link.call_the_clerk()}\n",
    )


def link_undone_to_login(link: CourtLoginLink, *, reason: str) -> Letter:
    return Letter(
        f"{link.court()}: CM/ECF login link undone by the clerk",
        f"The clerk's office at {link.court_name} undid the link between your CM/ECF login "
        f"{link.login} ({link.holder}) and a PACER account.\n\nReason: {reason}\n\n"
        "The login is no longer linked to that PACER account. Contact the clerk's office with "
        f"any question{link.call_the_clerk()}\n",
    )


def agent_associated(*, court_name: str, short_name: str, principal: str) -> Letter:
    """To the new filing agent."""
    return Letter(
        f"{_court(short_name, court_name)}: you may now file for {principal}",
        f"{principal} made you a filing agent at {court_name}. Filings you make for them show "
        f"{principal} as the filer.\n",
    )


def agent_ended_to_principal(*, court_name: str, short_name: str, agent: str) -> Letter:
    return Letter(
        f"{_court(short_name, court_name)}: filing agent association ended",
        f"{agent} no longer files for you at {court_name}.\n",
    )


def agent_ended_to_agent(*, court_name: str, short_name: str, principal: str) -> Letter:
    return Letter(
        f"{_court(short_name, court_name)}: filing agent association ended",
        f"You no longer file for {principal} at {court_name}.\n",
    )


@dataclass(frozen=True)
class DuesOwed:
    """Attorney dues owed at a court for one cycle, as the dues letters name them."""

    court_name: str
    short_name: str
    name: str  # the attorney's
    amount: Decimal
    period: str  # "2026" or "2026–2027"
    pay_url: str


def dues_owed(dues: DuesOwed, *, reminder: bool) -> Letter:
    """To an attorney: the court's dues for this cycle are owed (or, as a reminder, still are)."""
    owed = f"your attorney dues of ${dues.amount} for {dues.period} at {dues.court_name}"
    opening = (
        f"This is a reminder: {owed} are not paid yet."
        if reminder
        else f"Dear {dues.name},\n\n{owed[0].upper()}{owed[1:]} are now owed."
    )
    return Letter(
        f"{_court(dues.short_name, dues.court_name)}: attorney dues for {dues.period}"
        + (" (reminder)" if reminder else ""),
        f"{opening}\n\n"
        "Pay them with your own PACER account (Utilities → Internet payments due):\n"
        f"{dues.pay_url}\n\n"
        "A firm's PACER Administrative Account cannot pay court fees.\n",
    )
