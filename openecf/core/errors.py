"""Domain errors: each says, in the user's terms, what went wrong and what to do.

Views turn them into form errors; the API turns them into
``{"error": {"code": ..., "message": ...}}`` with the error's HTTP status.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal the user can act on."""

    code = "invalid"
    status = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """Missing, or not yours to see: the two look the same on purpose."""

    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    code = "forbidden"
    status = 403


class NotSignedIn(DomainError):
    code = "not_signed_in"
    status = 401


class Conflict(DomainError):
    code = "conflict"
    status = 409


class Throttled(DomainError):
    code = "throttled"
    status = 429
