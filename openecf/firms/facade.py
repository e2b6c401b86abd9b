"""What court-side apps may know about firms: plain frozen dataclasses, never models."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from openecf.core.records import copy_of
from openecf.firms import access, actions, queries
from openecf.firms.models import Firm, FirmMembership

if TYPE_CHECKING:
    from openecf.accounts.models import Account


@dataclass(frozen=True)
class FirmSummary:
    firm_id: int
    name: str
    paa_account_id: int
    paa_email: str
    readiness_court_ids: tuple[str, ...]
    client_code_required: bool = False


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
        client_code_required=firm.client_code_required,
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


@dataclass(frozen=True)
class Membership:
    """One person's time in one firm (billing bills the firm's PAA for it)."""

    membership_id: int
    firm_id: int
    firm_name: str
    paa_account_id: int
    account_id: int
    joined_at: datetime
    ended_at: datetime | None
    client_code_required: bool


def _membership(row: FirmMembership) -> Membership:
    return copy_of(
        Membership,
        row,
        membership_id=row.pk,
        firm_name=row.firm.name,
        paa_account_id=row.firm.paa_id,
        client_code_required=row.firm.client_code_required,
    )


def live_membership_of(*, account_id: int) -> Membership | None:
    """The firm this person belongs to now, or None."""
    row = queries.live_membership(account_id)
    return _membership(row) if row is not None else None


@dataclass(frozen=True)
class FirmBill:
    """Where a member's PACER views are billed: the firm's PAA, which may require client codes."""

    paa_account_id: int
    client_code_required: bool


def firm_bill_of(*, account_id: int) -> FirmBill | None:
    """The bill of the firm this person belongs to now, or None (billing asks it on every
    charge: one short statement, not the whole membership)."""
    found = queries.firm_bill(account_id)
    return FirmBill(*found) if found is not None else None


def memberships(*, account_id: int | None = None, firm_id: int | None = None) -> list[Membership]:
    """Every membership, live and ended (of one person or firm if given), oldest first."""
    rows = FirmMembership.objects.select_related("firm").order_by("joined_at", "pk")
    if account_id is not None:
        rows = rows.filter(account_id=account_id)
    if firm_id is not None:
        rows = rows.filter(firm_id=firm_id)
    return [_membership(row) for row in rows]


def set_client_code_rule(*, firm_id: int, actor_id: int, required: bool) -> FirmSummary:
    """Make a client code mandatory (or not) for the firm's members' PACER searches."""
    firm = actions.set_client_code_rule(
        firm=Firm.objects.get(pk=firm_id), actor_id=actor_id, required=required
    )
    return _summary(Firm.objects.select_related("paa").get(pk=firm.pk))
