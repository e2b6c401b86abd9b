"""Secrets handed out once (e-mailed links, session keys) and what is stored of them.

Only the SHA-256 digest of a token is stored (hex, 64 characters), never the token: a stolen
table opens no session and no link. Every app stores and looks up its tokens through these two
functions, so a link or session issued before a change keeps working after it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime


def new_token() -> str:
    """A random URL-safe token of 43 characters (256 bits) for a link or a session key."""
    return secrets.token_urlsafe(32)


def new_number_token(digits: int = 18) -> str:
    """A random token of ``digits`` decimal digits (60 bits at 18, the most a query value may
    hold, ``core.input_rules``), for links whose readers expect a number: CM/ECF's
    free-look ``magic_num`` (juriscraper reads it as ``\\d+``). Such a link also expires."""
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def digest(token: str) -> str:
    """What is stored of ``token``: the hex SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(token.encode()).hexdigest()


def matches(token: str, stored_digest: str) -> bool:
    """Whether ``token`` is the one whose digest was stored (compared in constant time)."""
    return secrets.compare_digest(digest(token), stored_digest)


def link_is_live(*, expires_at: datetime, used_at: datetime | None, now: datetime) -> bool:
    """A single-use link works until it is used or its expiry comes, whichever is first."""
    return used_at is None and now < expires_at
