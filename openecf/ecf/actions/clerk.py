"""The clerk's office managing its court logins: add, disable, enable, reset."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from openecf.core import clock
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.ecf.actions.court_logins import _end_court_sessions, _record_court_login
from openecf.ecf.actions.passwords import _issue_reset
from openecf.ecf.errors import (
    BadCourtLogin,
    NotFound,
)
from openecf.ecf.models import (
    CourtLogin,
)


def add_court_login(
    *,
    actor_id: int,
    court: Court,
    login: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    bar_id: str = "",
    bar_state: str = "",
    case_count: int = 0,
) -> CourtLogin:
    """The clerk adds a court login; its holder gets a link to choose a password."""
    from openecf.ecf import court_commands

    row: dict[str, str | None] = {
        "login": login,
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "bar_id": bar_id,
        "bar_state": bar_state,
        "role": role,
        "case_count": str(case_count),
        "password_hash": "",
    }
    values, problem = court_commands.clean_row(row)
    if problem:
        raise BadCourtLogin(problem)
    with durable_action():
        if CourtLogin.objects.filter(court=court, login__iexact=values["login"]).exists():
            raise BadCourtLogin(
                f"There is already a CM/ECF login {values['login']!r} at this court: "
                "choose another.",
                field="login",
            )
        record = CourtLogin.objects.create(court=court, created_at=clock.now(), **values)
        _issue_reset(record, court, by_clerk=True)
        _record_court_login(
            record, court, actor_id=actor_id, verb="court_login.added", role=record.role
        )
    return record


def _clerk_target(court: Court, court_login_id: int) -> CourtLogin:
    record = CourtLogin.objects.select_for_update().filter(pk=court_login_id, court=court).first()
    if record is None:
        raise NotFound("There is no such CM/ECF login at this court.")
    return record


def set_court_login_disabled(
    *, actor_id: int, court: Court, court_login_id: int, disabled: bool
) -> CourtLogin:
    """The clerk disables (or enables again) a court login; its court sessions end."""
    with durable_action():
        record = _clerk_target(court, court_login_id)
        if record.is_disabled == disabled:
            return record
        record.is_disabled = disabled
        record.save(update_fields=["is_disabled"])
        ended = _end_court_sessions(record, clock.now()) if disabled else 0
        _record_court_login(
            record,
            court,
            actor_id=actor_id,
            verb="court_login.disabled" if disabled else "court_login.enabled",
            sessions_ended=ended,
        )
    return record


def clerk_reset_court_password(*, actor_id: int, court: Court, court_login_id: int) -> CourtLogin:
    """The clerk resets a password: the old one stops working, a reset link is e-mailed."""
    with durable_action():
        record = _clerk_target(court, court_login_id)
        if record.linked_account_id is not None:
            raise BadCourtLogin(
                "This CM/ECF login is linked: its holder signs in with the PACER account, "
                "whose password is reset in Manage My Account."
            )
        record.password = make_password(None)
        record.save(update_fields=["password"])
        ended = _end_court_sessions(record, clock.now())
        _issue_reset(record, court, by_clerk=True)
        _record_court_login(
            record,
            court,
            actor_id=actor_id,
            verb="court_login.password_reset_by_clerk",
            sessions_ended=ended,
        )
    return record
