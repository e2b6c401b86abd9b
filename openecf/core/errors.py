"""Domain errors: each says, in the user's terms, what went wrong and what to do.

Every refusal has a ``code`` unique across the project (``docs/errors.md`` lists them all; a
test keeps the list true), an HTTP ``status`` and a message. Views put them on the form with
``openecf.core.web.show_on_form``; programs get ``{"error": {"code", "message"}}`` from
``openecf.core.web.error_response``, the one producer of that shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class DomainError(Exception):
    """Base of every refusal the user can act on.

    A refusal is declared in one line, its code and status as class keywords:
    ``class UsernameTaken(Conflict, code="username_taken"): ...``. A subclass without a
    ``code`` is the same refusal as its base (same code); ``status`` defaults to the base's.
    """

    code = "invalid"
    status = 400

    def __init_subclass__(cls, *, code: str | None = None, status: int | None = None) -> None:
        super().__init_subclass__()
        if code is not None:
            cls.code = code
        if status is not None:
            cls.status = status

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def as_json(self) -> dict[str, Any]:
        """The body a program receives: ``{"error": {"code", "message"}}``."""
        return error_body(self.code, self.message)


class InputInvalid(DomainError, code="invalid_input", status=422):
    """One or more fields are wrong: ``problems`` maps each field to its sentences.

    Raised by actions from the pure ``*_problems()`` rules, so a page and the API show the same
    sentences. The field ``""`` means the input as a whole. Programs receive 422 with a
    ``fields`` member: ``{"error": {"code": "invalid_input", "message", "fields": {...}}}``.
    """

    def __init__(self, problems: Mapping[str, Sequence[str] | str]) -> None:
        self.problems: dict[str, list[str]] = {
            field: [found] if isinstance(found, str) else list(found)
            for field, found in problems.items()
            if found
        }
        message = " ".join(sentence for found in self.problems.values() for sentence in found)
        first = next(iter(self.problems), None)
        super().__init__(message or "The input is not valid.", field=first or None)

    @classmethod
    def raise_if(cls, problems: Mapping[str, Sequence[str] | str]) -> None:
        """Raise when any field has a problem; return quietly when none has."""
        if any(problems.values()):
            raise cls(problems)

    def renamed(self, names: Mapping[str, str]) -> InputInvalid:
        """The same problems under an interface's own field names (``{"offices": "divisional_offices"}``)."""
        return type(self)(
            {names.get(field, field): found for field, found in self.problems.items()}
        )

    def as_json(self) -> dict[str, Any]:
        return error_body(self.code, self.message, fields=self.problems)


def error_body(code: str, message: str, *, fields: Mapping[str, list[str]] | None = None) -> dict:
    """``{"error": {"code", "message"}}``, plus ``fields`` when the problems name fields."""
    error: dict[str, Any] = {"code": code, "message": message}
    if fields:
        error["fields"] = dict(fields)
    return {"error": error}


class NotFound(DomainError, code="not_found", status=404):
    """Missing, or not yours to see: the two look the same on purpose."""


class PermissionDenied(DomainError, code="forbidden", status=403): ...


class NotSignedIn(DomainError, code="not_signed_in", status=401): ...


class Conflict(DomainError, code="conflict", status=409): ...


class Throttled(DomainError, code="throttled", status=429): ...
