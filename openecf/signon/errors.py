"""Central Sign-On refusals, each in the words the person signing in needs."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, NotFound, PermissionDenied, Throttled


class SignOnRefused(DomainError, code="sign_on_refused", status=401):
    """Bad username or password, or an account that may not sign in (message says why)."""


class TooManyAttempts(Throttled):
    """Locked for a while after failed attempts (same text whether or not the username exists)."""


class WrongSecondFactor(DomainError, code="wrong_code"): ...


class SecondFactorRequired(WrongSecondFactor, code="otp_required"): ...


class RedactionNotAcknowledged(DomainError, code="redaction_required"): ...


class TooManyApps(Conflict): ...


class EnrolmentStepMissing(Conflict): ...


class AuthenticatorAppRequired(Conflict, code="authenticator_app_required"): ...


class AppNotFound(NotFound): ...


class ActionRequired(PermissionDenied, code="action_required"):
    """A restricted session (expired password, MFA required) asked for anything else first."""
