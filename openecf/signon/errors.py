"""Central Sign-On refusals, each in the words the person signing in needs."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, NotFound, PermissionDenied, Throttled


class SignOnRefused(DomainError):
    """Bad username or password, or an account that may not sign in (message says why)."""

    code = "sign_on_refused"
    status = 401


class TooManyAttempts(Throttled):
    """Locked for a while after failed attempts (same text whether or not the username exists)."""


class WrongSecondFactor(DomainError):
    code = "wrong_code"
    status = 400


class SecondFactorRequired(WrongSecondFactor):
    code = "otp_required"


class RedactionNotAcknowledged(DomainError):
    code = "redaction_required"
    status = 400


class TooManyApps(Conflict):
    pass


class EnrolmentStepMissing(Conflict):
    pass


class AuthenticatorAppRequired(Conflict):
    code = "authenticator_app_required"


class AppNotFound(NotFound):
    pass


class ActionRequired(PermissionDenied):
    """A restricted session (expired password, MFA required) asked for anything else first."""

    code = "action_required"
