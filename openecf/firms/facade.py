"""What court-side apps may know about firms: plain frozen dataclasses, never models."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openecf.core.records import copy_of
from openecf.firms import access, actions, queries
from openecf.firms.models import Firm

if TYPE_CHECKING:
    from openecf.accounts.models import Account


@dataclass(frozen=True)
class FirmSummary:
    firm_id: int
    name: str
    paa_account_id: int
    paa_email: str
    readiness_court_ids: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    account_id: int
    account_number: str
    username: str
    first_name: str
    last_name: str
    email: str
    kind: str  # individual (members are always individual when they join)
    is_upgraded: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _summary(firm: Firm) -> FirmSummary:
    return FirmSummary(
        firm_id=firm.pk,
        name=firm.name,
        paa_account_id=firm.paa_id,
        paa_email=firm.paa.email,
        readiness_court_ids=tuple(sorted(firm.readiness_courts.values_list("pk", flat=True))),
    )


def firm_administered_by(account: Account | None) -> FirmSummary:
    """The firm this signed-in account administers; NotSignedIn / NotFound otherwise."""
    return _summary(access.require_firm_administrator(account))


def lock_firm(firm_id: int) -> None:
    """Hold the firm's row until the caller's transaction ends (call inside ``atomic``).

    Actions that must not run twice at once for one firm (e.g. readiness reminders) take it
    first, so a second click waits for the first and then sees what it did.
    """
    Firm.objects.select_for_update().filter(pk=firm_id).values_list("pk", flat=True).first()


def members_of(firm_id: int) -> list[Member]:
    firm = Firm.objects.get(pk=firm_id)
    return [copy_of(Member, m.account, account_id=m.account.pk) for m in queries.members(firm)]


def choose_readiness_courts(
    *, firm_id: int, actor_id: int, court_ids: Sequence[str]
) -> FirmSummary:
    firm = actions.choose_readiness_courts(
        firm=Firm.objects.get(pk=firm_id), actor_id=actor_id, court_ids=court_ids
    )
    return _summary(Firm.objects.select_related("paa").get(pk=firm.pk))
