"""How long a Central Sign-On session lives, and ending sessions (one or all of an account's).

Imports nothing of ``accounts``: accounts ends sessions through ``signon.facade``, which uses
this module, so no import chain runs accounts -> signon -> accounts (checked by import-linter).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from openecf.core import audit, clock
from openecf.signon import rules
from openecf.signon.models import CentralSession


def idle_timeout() -> timedelta:
    return timedelta(minutes=settings.CSO_IDLE_TIMEOUT_MINUTES)


def absolute_timeout() -> timedelta:
    return timedelta(hours=settings.CSO_ABSOLUTE_TIMEOUT_HOURS)


def expires_at(session: CentralSession) -> datetime:
    return rules.session_expiry(
        created_at=session.created_at,
        last_seen_at=session.last_seen_at,
        idle=idle_timeout(),
        absolute=absolute_timeout(),
    )


def is_live(session: CentralSession, now: datetime) -> bool:
    """The session is neither ended nor past its idle or absolute time-out at ``now``."""
    return rules.session_is_live(
        created_at=session.created_at,
        last_seen_at=session.last_seen_at,
        ended_at=session.ended_at,
        now=now,
        idle=idle_timeout(),
        absolute=absolute_timeout(),
    )


def end_session(*, session: CentralSession, actor_id: int | None, reason: str = "logout") -> None:
    """End one session: it stops working at PACER, every court and the API at once."""
    with transaction.atomic():
        updated = CentralSession.objects.filter(pk=session.pk, ended_at__isnull=True).update(
            ended_at=clock.now(), ended_reason=reason
        )
        if updated:
            audit.record(
                actor_id=actor_id,
                verb="signon.session_ended",
                subject=audit.Subject("account", session.account_id),
                details={"session": session.pk, "reason": reason},
            )


def end_all_sessions(
    *, account_id: int, actor_id: int | None, reason: str, keep: int | None = None
) -> int:
    """End every live session of an account (except ``keep``); returns how many ended."""
    with transaction.atomic():
        live = CentralSession.objects.filter(account_id=account_id, ended_at__isnull=True)
        if keep is not None:
            live = live.exclude(pk=keep)
        ended = live.update(ended_at=clock.now(), ended_reason=reason)
        if ended:
            audit.record(
                actor_id=actor_id,
                verb="signon.sessions_ended",
                subject=audit.Subject("account", account_id),
                details={"count": ended, "reason": reason},
            )
    return ended
