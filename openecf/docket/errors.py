"""Refusals of the docket: each says what to do next."""

from __future__ import annotations

from typing import Any

from openecf.core.errors import Conflict, DomainError, NotFound


class EventNotFound(NotFound):
    """An event code the court's catalogue does not have (or not for this person)."""


class EntryNotFound(NotFound):
    pass


class AlreadyReviewed(Conflict):
    """The entry was already accepted (or marked deficient): reload the queue."""


class DraftNotFound(NotFound):
    """A draft that is not yours, was submitted, or expired: all look missing."""


class _ListedError(DomainError):
    """A refusal that also lists things for the program (``listed`` names the member)."""

    listed = "items"

    def __init__(self, message: str, items: list[dict[str, Any]], *, field: str | None = None):
        super().__init__(message, field=field)
        self.items = items

    def as_json(self) -> dict[str, Any]:
        body = super().as_json()
        body["error"][self.listed] = self.items
        return body


class FilingNotAllowed(_ListedError):
    """The person may not file this here now; ``missing`` lists what to do, in order."""

    code = "filing_not_allowed"
    status = 403
    listed = "missing"

    def __init__(self, message: str, missing: list[dict[str, str]] | None = None) -> None:
        super().__init__(message, list(missing or []))


class PrivacyCheckHits(_ListedError):
    """The PDFs show personal identifiers: fix the file, or confirm with a reason."""

    code = "privacy_check"
    status = 422
    listed = "hits"

    def __init__(self, message: str, hits: list[dict[str, Any]]) -> None:
        super().__init__(message, hits, field="privacy_confirmed")


class RedactionNotConfirmed(DomainError):
    """ "Have you redacted?" was not answered yes."""

    code = "redaction_not_confirmed"
    status = 422
