"""Refusals of the court side, each saying what to do next."""

from __future__ import annotations

from openecf.core.errors import Conflict, DomainError, NotFound, PermissionDenied, Throttled
from openecf.courts.errors import CourtNotOnNextGen


class LinkBeforeGoLive(DomainError, code="link_before_go_live", status=409): ...


class AccountCannotLink(PermissionDenied, code="account_cannot_link"): ...


class CourtLoginAlreadyLinked(Conflict, code="court_login_already_linked"): ...


class AccountAlreadyLinkedHere(Conflict, code="account_already_linked"): ...


class WrongCourtPassword(DomainError, code="wrong_court_password"): ...


class CourtLoginLocked(Throttled, code="court_login_locked"): ...


class CourtLoginDisabled(PermissionDenied, code="court_login_disabled"): ...


class CourtLoginCannotLink(DomainError, code="court_login_cannot_link"): ...


class LinkNotConfirmed(DomainError, code="link_not_confirmed"): ...


class ResetLinkNotValid(DomainError, code="reset_link_not_valid"): ...


class BadCourtLogin(DomainError, code="court_login_refused"):
    """The clerk's change to a CM/ECF login cannot be made (the message says why)."""


class AgentNotAllowed(DomainError, code="agent_not_allowed"): ...


class AgentAlreadyAssociated(AgentNotAllowed, code="agent_already_associated", status=409):
    """The agent already files for this attorney here (also when both were added at once)."""


__all__ = ["CourtNotOnNextGen", "NotFound", "PermissionDenied"]
