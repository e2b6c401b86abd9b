"""Refusals that come from a court's own state, shared by every court app."""

from __future__ import annotations

from openecf.core.errors import DomainError


class CourtNotOnNextGen(DomainError, code="court_not_on_nextgen", status=409):
    """The court has not gone live on NextGen CM/ECF: nothing to link or register for yet."""
