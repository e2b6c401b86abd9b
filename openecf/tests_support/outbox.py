"""Read the link a person would click from the e-mails a test sent."""

from __future__ import annotations

import re

from django.core import mail

from openecf.tests_support.api import call


def link_from_outbox(path_prefix: str, *, to: str | None = None) -> str:
    """The token after ``path_prefix`` (``/account/verify/``, ``login.pl?reset=``) in the last
    e-mail sent, or in the last one sent to ``to``."""
    messages = [m for m in mail.outbox if to is None or m.to == [to]]
    assert messages, f"no e-mail was sent to {to}" if to else "no e-mail was sent"
    body = messages[-1].body
    match = re.search(re.escape(path_prefix) + r"([A-Za-z0-9_\-]+)", body)
    assert match, body
    return match.group(1)


def password_reset_token(client, account, capture_on_commit) -> str:
    """Ask for a password reset by API, as the holder would, and read the e-mailed token."""
    with capture_on_commit(execute=True):
        call(
            client,
            "post",
            "/api/v1/accounts/forgot-password",
            {"email": account.email, "username": account.username},
        )
    return link_from_outbox("/account/reset/")
