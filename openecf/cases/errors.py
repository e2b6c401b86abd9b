"""Refusals about cases, each saying what went wrong in the court's words."""

from __future__ import annotations

from openecf.core.errors import Conflict, NotFound


class CaseNotFound(NotFound):
    """No such case at this court, or a sealed one the person may not see (ADR 0005)."""


class CaseAlreadyClosed(Conflict):
    code = "case_already_closed"


class CaseNotClosed(Conflict):
    code = "case_not_closed"


class AlreadyTerminated(Conflict):
    code = "already_terminated"


def case_not_found(court_name: str) -> CaseNotFound:
    return CaseNotFound(f"{court_name} has no such case.")
