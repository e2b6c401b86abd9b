"""Court passwords and court-local sign-in before a court goes live on NextGen."""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password
from django.urls import reverse

from openecf.core import clock, throttle, throttle_rules, tokens
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import links, rules
from openecf.ecf.actions.court_logins import (
    COURT_SESSION_LIFETIME,
    WRONG_PASSWORD,
    _record_court_login,
)
from openecf.ecf.errors import (
    CourtLoginAlreadyLinked,
    CourtLoginCannotLink,
    CourtLoginDisabled,
    CourtLoginLocked,
    WrongCourtPassword,
)
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginSession,
)


def _login_failure_key(court: Court, login: str) -> str:
    """The lockout counter of one login name at one court (whether or not the login exists)."""
    return f"ecf:login:{court.pk}:{(login or '').strip().lower()[:40]}"


def verify_court_password(
    *, court: Court, login: str, password: str, address: str = ""
) -> CourtLogin:
    """The court login for this login and password, or a refusal; wrong passwords are counted.

    Called outside any action's transaction so a failure stays recorded when the caller refuses.
    """
    now = clock.now()
    key = (login or "").strip().lower()[:40]
    keys = [_login_failure_key(court, key)]
    if address:
        keys.append(f"ecf:addr:{court.pk}:{address[:64]}")
    for locked_key, what in zip(keys, ("login", "address"), strict=False):
        remaining = throttle.lockout_remaining(key=locked_key, now=now)
        if remaining is None:
            continue
        wait = throttle_rules.minutes_to_wait(remaining)
        if what == "login":
            raise CourtLoginLocked(
                f"Too many wrong passwords: the CM/ECF login {login.strip()} is locked. Try again in "
                f'{wait} minutes, or use "Forgot your password".'
            )
        raise CourtLoginLocked(
            f"Too many wrong passwords from your network address ({address}): signing in to "
            f"{court.short_name or court.name} from it is paused, whatever the login. Try again "
            f"in {wait} minutes."
        )
    record = CourtLogin.objects.filter(court=court, login__iexact=key).first() if key else None
    if record is None:
        _burn_time(password or "")
        matches = False
    else:
        try:
            matches = bool(password) and check_password(password, record.password)
        except ValueError:
            matches = False
    if record is None or not matches:
        for failed in keys:
            throttle.record_failure(key=failed, now=now, forget_after=rules.FAILURE_WINDOW)
        raise WrongCourtPassword(WRONG_PASSWORD, field="password")
    throttle.clear_failures(key=keys[0])
    if record.is_disabled:
        raise CourtLoginDisabled(
            "This CM/ECF login has been disabled by the clerk's office: contact the court."
        )
    return record


_DUMMY: list[str] = []


def _burn_time(password: str) -> None:
    if not _DUMMY:
        _DUMMY.append(make_password("not a court login"))
    check_password(password, _DUMMY[0])


def sign_in_court_login(
    *, court: Court, login: str, password: str, address: str = ""
) -> tuple[CourtLogin, str]:
    """Before go-live: sign a court login in at this court only. Returns (login, session key)."""
    if is_nextgen(court):
        raise CourtLoginCannotLink(
            f"{court.name} is on NextGen CM/ECF: sign in with your PACER account at "
            f"{reverse('signon:login')}?next={links.court_page('courts:home', court.pk)} "
            "and link your CM/ECF login under Utilities."
        )
    record = verify_court_password(court=court, login=login, password=password, address=address)
    if record.linked_account_id is not None:
        raise CourtLoginAlreadyLinked(
            "This CM/ECF login is linked to a PACER account and no longer works: sign in with "
            "your PACER account."
        )
    key = tokens.new_token()
    now = clock.now()
    with durable_action():
        CourtLoginSession.objects.create(
            court_login=record,
            key_digest=tokens.digest(key),
            created_at=now,
            expires_at=now + COURT_SESSION_LIFETIME,
        )
        _record_court_login(
            record, court, actor_id=None, verb="court_login.signed_in", address=address
        )
    return record, key


def sign_out_court_login(*, court: Court, key: str) -> None:
    """End the court-local session whose cookie holds ``key`` (nothing to do if none is live)."""
    with durable_action():
        session = (
            CourtLoginSession.objects.select_for_update()
            .filter(
                key_digest=tokens.digest(key or ""),
                court_login__court=court,
                ended_at__isnull=True,
            )
            .select_related("court_login")
            .first()
        )
        if session is None:
            return
        session.ended_at = clock.now()
        session.save(update_fields=["ended_at"])
        _record_court_login(
            session.court_login, court, actor_id=None, verb="court_login.signed_out"
        )
