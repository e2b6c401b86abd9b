"""Pure Central Sign-On rules: token shape and session expiry (callers pass ``now``)."""

from __future__ import annotations

import hashlib
import secrets
import string
from datetime import datetime, timedelta

TOKEN_LENGTH = 128
_ALPHABET = string.ascii_letters + string.digits


def new_token() -> str:
    """An opaque random token of 128 characters (about 762 bits), like PACER's nextGenCSO."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(TOKEN_LENGTH))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(token: str | None) -> bool:
    return bool(token) and len(token) == TOKEN_LENGTH and all(c in _ALPHABET for c in token)


def session_expiry(
    *, created_at: datetime, last_seen_at: datetime, idle: timedelta, absolute: timedelta
) -> datetime:
    """When a session ends by itself: idle timeout from last use, capped by the absolute one."""
    return min(last_seen_at + idle, created_at + absolute)


def session_is_live(
    *,
    created_at: datetime,
    last_seen_at: datetime,
    ended_at: datetime | None,
    now: datetime,
    idle: timedelta,
    absolute: timedelta,
) -> bool:
    if ended_at is not None:
        return False
    return now < session_expiry(
        created_at=created_at, last_seen_at=last_seen_at, idle=idle, absolute=absolute
    )
