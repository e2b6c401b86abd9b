"""A court login's forgotten password: the reset link and the new password."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.urls import reverse

from openecf.core import audit, clock, outbox, throttle, tokens
from openecf.core.errors import InputInvalid
from openecf.core.links import absolute
from openecf.core.single_use import use_link
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.ecf import letters, links, rules
from openecf.ecf.actions.court_logins import (
    _end_court_sessions,
    _record_court_login,
)
from openecf.ecf.actions.sign_in import _login_failure_key
from openecf.ecf.errors import (
    CourtLoginAlreadyLinked,
    CourtLoginDisabled,
    ResetLinkNotValid,
)
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginReset,
)


def _issue_reset(record: CourtLogin, court: Court, *, by_clerk: bool) -> None:
    token = tokens.new_token()
    now = clock.now()
    CourtLoginReset.objects.create(
        court_login=record,
        token_digest=tokens.digest(token),
        created_at=now,
        expires_at=now + rules.RESET_LINK_LIFETIME,
    )
    outbox.queue_letter(
        letters.court_password_reset(
            court_name=court.name,
            short_name=court.short_name,
            login=record.login,
            link=absolute(f"{links.login_page(court.pk)}?reset={token}"),
            by_clerk=by_clerk,
        ),
        to=[record.email],
        kind="ecf.court_password_reset",
        court_id=court.pk,
    )


def request_court_password_reset(*, court: Court, login: str) -> None:
    """ "Forgot your password": e-mail a single-use link; the same outcome whether or not
    the login exists (a linked or disabled login gets nothing)."""
    key = (login or "").strip()
    with durable_action():
        record = CourtLogin.objects.filter(court=court, login__iexact=key).first() if key else None
        if record is None or record.is_disabled or record.linked_account_id is not None:
            return
        recent = CourtLoginReset.objects.filter(
            court_login=record, created_at__gte=clock.now() - rules.RESET_LINK_LIFETIME
        ).count()
        if recent >= rules.RESET_LINKS_PER_HOUR:
            return  # enough links are already on their way; say the same thing
        _issue_reset(record, court, by_clerk=False)
        _record_court_login(
            record, court, actor_id=None, verb="court_login.password_reset_requested"
        )


def reset_court_password(*, court: Court, token: str, new_password: str) -> CourtLogin:
    """Use a reset link once: set the new password, clear the lockout."""
    with durable_action():
        now = clock.now()
        reset = use_link(
            CourtLoginReset.objects.filter(court_login__court=court).select_related("court_login"),
            token=token,
            now=now,
        )
        if reset is None:
            raise ResetLinkNotValid(
                "This reset link has expired or was already used: ask for a new one with "
                '"Forgot your password".'
            )
        record = reset.court_login
        if record.is_disabled:
            raise CourtLoginDisabled(
                "This CM/ECF login has been disabled by the clerk's office, so its password "
                "cannot be reset: contact the court."
            )
        if record.linked_account_id is not None:
            raise CourtLoginAlreadyLinked(
                "This CM/ECF login is linked to a PACER account and no longer works, so its "
                "password cannot be reset: sign in with your PACER account (reset that password "
                f"at {reverse('accounts:forgot_password')} if you forgot it)."
            )
        problem = rules.court_password_problem(new_password or "")
        if problem:
            raise InputInvalid({"password": problem})
        record.password = make_password(new_password)
        record.save(update_fields=["password"])
        throttle.clear_failures(key=_login_failure_key(court, record.login))
        ended = _end_court_sessions(record, now)
        audit.record(
            actor_id=None,
            verb="court_login.password_reset",
            subject=audit.Subject("court_login", record.pk),
            court_id=court.pk,
            details={"court_login": record.login, "sessions_ended": ended},
        )
    return record
