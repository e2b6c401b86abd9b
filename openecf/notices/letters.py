"""The e-mails of notices to the bar, and the text of a go-live reminder (pure)."""

from __future__ import annotations

from openecf.core.letters import Letter
from openecf.notices.rules import AUDIENCES


def bar_notice(
    *, court_name: str, short_name: str, subject: str, body: str, audience: str, archive_url: str
) -> Letter:
    """A notice as each recipient gets it: the clerk's text, then who sent it to whom."""
    return Letter(
        f"{short_name}: {subject}",
        f"{body}\n\n--\nNotice to the bar from the Clerk's Office, {court_name}. Sent to "
        f"{AUDIENCES[audience]} registered to file at this court.\nArchive of notices: "
        f"{archive_url}\n",
    )


def go_live_reminder(
    *, court_name: str, go_live_text: str, go_live_day: str, days_before: int
) -> Letter:
    """The subject and text of a go-live reminder notice: the letter's checklist. It is sent
    as a ``bar_notice``, like every notice."""
    left = "1 day" if days_before == 1 else f"{days_before} days"
    subject = f"NextGen CM/ECF begins {go_live_day}: {left} to go"
    body = (
        f"The {court_name} moves to NextGen CM/ECF with PACER Central Sign-On on "
        f"{go_live_text}.\n\n"
        "Before then, every filer must:\n"
        "- have his/her own individual PACER account: shared PACER accounts cannot be used "
        "to file once the court has upgraded;\n"
        "- upgrade a Legacy PACER account (created before August 11, 2014) in Manage My "
        "Account: Settings → Account type → Upgrade;\n"
        "- enrol in multi-factor authentication in Manage My Account: Settings → Manage "
        "multi-factor authentication (MFA);\n"
        '- know the current CM/ECF login and password. If you do not, use "Forgot your '
        "password\" on this court's CM/ECF login page now: passwords stored in a browser will "
        "be lost.\n\n"
        "After go-live, link your CM/ECF login to your upgraded PACER account (Utilities → "
        "Link a CM/ECF account to my PACER account). You cannot file until the link is made, "
        "and the link cannot be made before go-live."
    )
    return Letter(subject, body)
