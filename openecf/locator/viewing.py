"""One key per view of a result page, so a charge is recorded once per view.

The page hands out a signed token with each form and each link to another result page; the
same link opened again (a refresh, a double click) within an hour is the same view and is not
charged again. A missing, damaged, foreign or older token starts a new view. The key also
names the criteria and the page, so changing either is a new view.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing

MAX_AGE = 3600  # seconds a result page's link stays the same view
_SIGNER = signing.TimestampSigner(salt="openecf.locator.view")


def new_token() -> str:
    return _SIGNER.sign(secrets.token_hex(8))


def view_key(*, account_id: int, token: str, criteria: str, page: int) -> str:
    """The billing view key of this page of this search, for this person."""
    try:
        nonce = _SIGNER.unsign(token or "", max_age=MAX_AGE)
    except signing.BadSignature:
        nonce = secrets.token_hex(8)
    digest = hashlib.sha256(f"{criteria}\n{page}".encode()).hexdigest()[:20]
    return f"locator:{account_id}:{nonce}:{digest}"


def fresh_key(account_id: int) -> str:
    """A key for a view nothing else shares (each API request is its own view)."""
    return f"locator:{account_id}:{secrets.token_hex(12)}"
