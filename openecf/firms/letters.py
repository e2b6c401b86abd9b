"""The e-mails about a firm's PACER Administrative Account (PAA) and its members.

Pure: callers pass names, account numbers, the day and full links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openecf.core.letters import Letter


def paa_registered(
    *,
    contact: str,
    firm_name: str,
    account_number: str,
    username: str,
    verify_link: str,
    firm_url: str,
) -> Letter:
    """To the new PAA: the account, the 48-hour verification link, and what a PAA is for."""
    return Letter(
        f"PACER: PACER Administrative Account for {firm_name}",
        f"Dear {contact},\n\n"
        f"The PACER Administrative Account (PAA) for {firm_name} is registered.\n\n"
        f"Account number: {account_number}\nUsername: {username}\n\n"
        "The account becomes active when you verify your e-mail address. Open this "
        f"link within 48 hours:\n{verify_link}\n"
        "If you did not register, ignore this e-mail.\n\n"
        "A PAA is administrative only: it cannot search for cases, file, or pay court "
        "fees (filing fees, admission fees and dues are paid by each attorney). Use it "
        "to invite your attorneys and staff by their account number and last name, "
        "and to check that every attorney is ready for NextGen CM/ECF:\n"
        f"{firm_url}\n",
    )


def invitation(
    *, person: str, firm_name: str, account_number: str, remark: str, invitations_url: str
) -> Letter:
    """To the invited person: what joining means, and where to answer."""
    return Letter(
        f"PACER: {firm_name} invites you to its PACER Administrative Account",
        f"Dear {person},\n\n"
        f"{firm_name} asks to add your PACER account ({account_number}) to its "
        f"PACER Administrative Account (PAA).\nRemark from the firm: {remark}\n\n"
        "If you accept, the firm is billed for your PACER access fees and can see your "
        "PACER usage. It cannot pay your court fees, and your account stays yours: you "
        "can leave the firm's PAA at any time.\n\n"
        f"Accept or decline in Manage My Account: {invitations_url}\n"
        "If you do not know this firm, decline.\n",
    )


def invitation_accepted(
    *, person: str, account_number: str, firm_name: str, readiness_url: str
) -> Letter:
    """To the firm's PAA."""
    return Letter(
        f"PACER: {person} joined {firm_name}'s PAA",
        f"{person} (account {account_number}) accepted your "
        f"invitation and is now linked to {firm_name}'s PACER Administrative Account. "
        "Their PACER access fees are billed to the firm from now on.\n\n"
        f"Members and NextGen readiness: {readiness_url}\n",
    )


def invitation_declined(*, person: str, account_number: str, firm_name: str) -> Letter:
    """To the firm's PAA."""
    return Letter(
        f"PACER: {person} declined {firm_name}'s invitation",
        f"{person} (account {account_number}) declined the "
        f"invitation to join {firm_name}'s PACER Administrative Account.\n",
    )


@dataclass(frozen=True)
class Unlinking:
    """A membership that ended: who, from which firm, by whom, on PACER's day, and why."""

    person: str
    account_number: str
    firm_name: str
    by: str  # "the firm", or the person's own name
    day: date
    remark: str

    def text(self) -> str:
        return (
            f"{self.person} (account {self.account_number}) is no longer linked to "
            f"{self.firm_name}'s PACER Administrative Account. Unlinked by {self.by} on "
            f"{self.day:%B} {self.day.day}, {self.day.year}. Remark: {self.remark}\n\n"
        )


def unlinked_to_member(unlinking: Unlinking) -> Letter:
    """To the person who left or was removed: who pays from now on."""
    return Letter(
        f"PACER: your account was unlinked from {unlinking.firm_name}'s PAA",
        unlinking.text() + "From now on your PACER access fees are billed to you. Your PACER "
        "case search may be paused until you store a payment method in Manage My Account or "
        "another firm adds you. Your filing privileges and court logins are not affected.\n",
    )


def unlinked_to_firm(unlinking: Unlinking) -> Letter:
    """To the firm's PAA."""
    return Letter(
        f"PACER: {unlinking.person} was unlinked from {unlinking.firm_name}'s PAA",
        unlinking.text() + "The firm is no longer billed for this person's PACER access fees.\n",
    )
