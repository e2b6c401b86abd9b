"""Who may see or do what on the court side; a person's standing comes from courts.access."""

from __future__ import annotations

from openecf.core.errors import NotSignedIn


def require_signed_in(account) -> None:
    if account is None:
        raise NotSignedIn("Sign in with your PACER account first.")
