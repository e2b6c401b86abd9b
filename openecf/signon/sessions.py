"""Central Sign-On sessions: start one, find it from a token, end it everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from openecf.core import audit, clock
from openecf.signon import rules
from openecf.signon.models import CentralSession

# Refresh last_seen_at at most this often, so a signed-in request costs one read, not a write.
TOUCH_INTERVAL = timedelta(seconds=60)


def idle_timeout() -> timedelta:
    return timedelta(minutes=settings.CSO_IDLE_TIMEOUT_MINUTES)


def absolute_timeout() -> timedelta:
    return timedelta(hours=settings.CSO_ABSOLUTE_TIMEOUT_HOURS)


@dataclass(frozen=True)
class StartedSession:
    token: str
    session: CentralSession


def start_session(
    *,
    account_id: int,
    client_code: str = "",
    redaction_acknowledged: bool = False,
    source_address: str | None = None,
    user_agent: str = "",
) -> StartedSession:
    """Create the one server-side session for a sign-on; the raw token is returned only here."""
    token = rules.new_token()
    now = clock.now()
    with transaction.atomic():
        session = CentralSession.objects.create(
            token_digest=rules.token_digest(token),
            account_id=account_id,
            created_at=now,
            last_seen_at=now,
            client_code=client_code,
            redaction_acknowledged=redaction_acknowledged,
            source_address=source_address,
            user_agent=user_agent[:300],
        )
        audit.record(
            actor_id=account_id,
            verb="signon.session_started",
            subject=f"account:{account_id}",
            details={"session": session.pk, "source": source_address},
        )
    return StartedSession(token=token, session=session)


def session_for_token(token: str | None, *, now: datetime | None = None) -> CentralSession | None:
    """The live session a token names, or None (unknown, ended or expired)."""
    if not rules.looks_like_token(token):
        return None
    assert token is not None
    now = now or clock.now()
    session = (
        CentralSession.objects.select_related("account")
        .filter(token_digest=rules.token_digest(token), ended_at__isnull=True)
        .first()
    )
    if session is None:
        return None
    if not rules.session_is_live(
        created_at=session.created_at,
        last_seen_at=session.last_seen_at,
        ended_at=session.ended_at,
        now=now,
        idle=idle_timeout(),
        absolute=absolute_timeout(),
    ):
        return None
    if session.account.status != session.account.Status.ACTIVE:
        return None
    if now - session.last_seen_at >= TOUCH_INTERVAL:
        CentralSession.objects.filter(pk=session.pk).update(last_seen_at=now)
        session.last_seen_at = now
    return session


def expires_at(session: CentralSession) -> datetime:
    return rules.session_expiry(
        created_at=session.created_at,
        last_seen_at=session.last_seen_at,
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
                subject=f"account:{session.account_id}",
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
                subject=f"account:{account_id}",
                details={"count": ended, "reason": reason},
            )
    return ended
