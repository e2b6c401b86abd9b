"""Central Sign-On sessions: start one, find it from a token (ending them: ``lifetime``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction

from openecf.accounts.models import Account
from openecf.core import audit, clock, tokens
from openecf.courts.models import CourtStaff
from openecf.signon import rules
from openecf.signon.lifetime import (
    absolute_timeout,
    end_all_sessions,
    end_session,
    expires_at,
    idle_timeout,
    is_live,
)
from openecf.signon.models import CentralSession

__all__ = [
    "TOUCH_INTERVAL",
    "StartedSession",
    "absolute_timeout",
    "end_all_sessions",
    "end_session",
    "expires_at",
    "idle_timeout",
    "session_for_token",
    "start_session",
]

# Refresh last_seen_at at most this often, so a signed-in request costs one read, not a write.
TOUCH_INTERVAL = timedelta(seconds=60)


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
    must_enrol_mfa: bool = False,
    details: dict | None = None,
) -> StartedSession:
    """Create the one server-side session for a sign-on; the raw token is returned only here."""
    token = rules.new_cso_token()
    now = clock.now()
    with transaction.atomic():
        session = CentralSession.objects.create(
            token_digest=tokens.digest(token),
            account_id=account_id,
            created_at=now,
            last_seen_at=now,
            client_code=client_code,
            redaction_acknowledged=redaction_acknowledged,
            source_address=source_address,
            user_agent=user_agent[:300],
            must_enrol_mfa=must_enrol_mfa,
        )
        audit.record(
            actor_id=account_id,
            verb="signon.session_started",
            subject=audit.Subject("account", account_id),
            details={"session": session.pk, "source": source_address, **(details or {})},
        )
    return StartedSession(token=token, session=session)


@functools.cache
def _lookup_sql() -> tuple[str, list[str], list[str], list]:
    """One hand-written query for the hottest path: session and account by token digest.

    The ORM's query building costs more than the query itself here (measured in
    bench/bench_signon.py), and every signed-in request pays it.
    """
    quote = connection.ops.quote_name
    columns = [f"s.{quote(f.column)}" for f in CentralSession._meta.concrete_fields] + [
        f"a.{quote(f.column)}" for f in Account._meta.concrete_fields
    ]
    staff = quote(CourtStaff._meta.db_table)
    columns.append(  # only model names go into this SQL; the token digest is a parameter
        f"EXISTS (SELECT 1 FROM {staff} cs WHERE cs.{quote('account_id')} = a.{quote('id')})"  # noqa: S608
    )
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(CentralSession._meta.db_table)} s "  # noqa: S608
        f"JOIN {quote(Account._meta.db_table)} a ON a.{quote('id')} = s.{quote('account_id')} "
        f"WHERE s.{quote('token_digest')} = %s AND s.{quote('ended_at')} IS NULL"
    )
    converters = []
    for index, field in enumerate(
        [*CentralSession._meta.concrete_fields, *Account._meta.concrete_fields]
    ):
        expression = field.get_col(field.model._meta.db_table)
        found = [
            *connection.ops.get_db_converters(expression),
            *expression.get_db_converters(connection),
        ]
        if found:
            converters.append((index, expression, found))
    return (
        sql,
        [f.attname for f in CentralSession._meta.concrete_fields],
        [f.attname for f in Account._meta.concrete_fields],
        converters,
    )


def session_for_token(token: str | None, *, now: datetime | None = None) -> CentralSession | None:
    """The live session a token names, or None (unknown, ended or expired)."""
    if not rules.looks_like_token(token):
        return None
    assert token is not None
    now = now or clock.now()
    sql, session_fields, account_fields, converters = _lookup_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [tokens.digest(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    *values, is_court_staff = row
    for index, expression, functions in converters:
        for convert in functions:
            values[index] = convert(values[index], expression, connection)
    session = CentralSession.from_db(
        connection.alias, session_fields, values[: len(session_fields)]
    )
    session.account = Account.from_db(
        connection.alias, account_fields, values[len(session_fields) :]
    )
    # Court pages ask "is this person court staff anywhere?" before any per-court role query.
    session.account.is_court_staff = bool(is_court_staff)
    if not is_live(session, now):
        return None
    if session.account.status != Account.Status.ACTIVE:
        return None
    if now - session.last_seen_at >= TOUCH_INTERVAL:
        CentralSession.objects.filter(pk=session.pk).update(last_seen_at=now)
        session.last_seen_at = now
    return session
