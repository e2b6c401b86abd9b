"""What other apps may ask of Central Sign-On: MFA enrolment, ending sessions, lockout words.

``accounts`` calls this (a changed or reset password ends the account's sessions), and signon
calls ``accounts.facade``. So that the two never form an import cycle, this module and what it
imports take nothing from ``accounts`` (an import-linter contract in ``pyproject.toml`` checks
it). Only plain values cross: ids, counts, datetimes, messages.
"""

from __future__ import annotations

from datetime import datetime

from openecf.signon import rules
from openecf.signon.errors import TooManyAttempts
from openecf.signon.lifetime import end_all_sessions, expires_at
from openecf.signon.models import AuthenticatorApp, CentralSession

__all__ = [
    "CURRENT_PASSWORD_LOCKED_MESSAGE",
    "FAILURE_MEMORY",
    "TooManyAttempts",
    "end_all_sessions",
    "has_mfa",
    "locked_message",
    "mfa_required_on",
    "pacer_day",
    "session_expires_at",
]

CURRENT_PASSWORD_LOCKED_MESSAGE = rules.CURRENT_PASSWORD_LOCKED_MESSAGE
FAILURE_MEMORY = rules.FAILURE_MEMORY
locked_message = rules.locked_message
# The MFA deadline, one rule on PACER's calendar day (the filing check asks it too).
mfa_required_on = rules.mfa_required_on
pacer_day = rules.pacer_day


def has_mfa(*, account_id: int) -> bool:
    """Enrolled: at least one authenticator app (backup codes alone do not count)."""
    return AuthenticatorApp.objects.filter(account_id=account_id).exists()


def session_expires_at(session: CentralSession) -> datetime:
    """When the request's Central Sign-On session (``request.cso_session``) expires if idle."""
    return expires_at(session)
