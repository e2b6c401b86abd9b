"""What other apps use of the court side: privileges, links, the filing check, the bar, fees.

Only plain frozen dataclasses, ids and simple values cross this boundary, never ecf's models.
Registrations (e-file requests) grant privileges and record fees owed; notices ask for the
court's bar (``filers_at``); readiness asks ``is_linked``/``privileges_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from openecf.core.records import copy_of
from openecf.ecf import actions, queries
from openecf.ecf.access import can_file, may_file_here
from openecf.ecf.models import CourtLogin, FilingPrivilege
from openecf.ecf.rules import FilingCheck, MissingStep

if TYPE_CHECKING:
    from openecf.courts.models import Court

__all__ = [
    "noticed_agents_of",
    "CourtLoginOnFile",
    "Dues",
    "FeeOwed",
    "FilingCheck",
    "LinkedLogin",
    "MissingStep",
    "Privilege",
    "attorneys_filed_for",
    "can_file",
    "court_logins_for_email",
    "dues_of",
    "courts_with_unlinked_logins_for_email",
    "filers_at",
    "grant_privilege",
    "is_linked",
    "linked_login",
    "linked_logins_of",
    "may_file_here",
    "privileges_of",
    "record_fee_owed",
    "revoke_privilege",
]


@dataclass(frozen=True)
class Privilege:
    """A live (or just revoked) filing privilege at one court."""

    id: int
    court_id: str
    court_name: str
    court_kind: str
    court_kind_label: str
    account_id: int
    kind: str
    kind_label: str  # e.g. "Attorney (pro hac vice)"
    case_number: str
    granted_at: datetime


@dataclass(frozen=True)
class LinkedLogin:
    """A court's pre-NextGen CM/ECF login linked to a PACER account."""

    court_id: str
    court_name: str
    court_kind: str
    court_kind_label: str
    login: str


@dataclass(frozen=True)
class CourtLoginOnFile:
    """A CM/ECF login the court has on file (e.g. one with a person's e-mail address)."""

    id: int
    court_id: str
    login: str
    full_name: str
    email: str
    is_disabled: bool
    is_linked: bool


@dataclass(frozen=True)
class FeeOwed:
    """A court fee a person owes (admission, pro hac vice, dues)."""

    id: int
    court_id: str
    account_id: int
    kind: str
    kind_label: str
    amount: Decimal
    reference: str
    created_at: datetime


@dataclass(frozen=True)
class Dues:
    """A person's attorney dues for one cycle at one court, paid or not."""

    court_id: str
    period: str
    amount: Decimal
    due_on: date
    paid_at: datetime | None
    receipt_number: str


def dues_of(*, account_ids: list[int]) -> dict[tuple[int, str], Dues]:
    """The latest dues of each person at each court, by (account id, court id)."""
    found: dict[tuple[int, str], Dues] = {}
    for row in queries.dues_of(account_ids=account_ids):
        found[(row.account_id, row.court_id)] = copy_of(Dues, row)
    return found


def _court_fields(court: Court) -> dict[str, str]:
    return {
        "court_id": court.pk,
        "court_name": court.name,
        "court_kind": court.kind,
        "court_kind_label": court.get_kind_display(),
    }


def _privilege(row: FilingPrivilege, court: Court) -> Privilege:
    return copy_of(Privilege, row, kind_label=row.get_kind_display(), **_court_fields(court))


def _linked(row: CourtLogin) -> LinkedLogin:
    return copy_of(LinkedLogin, row, **_court_fields(row.court))


def grant_privilege(
    *,
    actor_id: int | None,
    court_id: str,
    account_id: int,
    kind: str,
    source: str,
    case_number: str = "",
) -> Privilege:
    """Give an account a filing privilege at a court; a live identical one is returned as is."""
    row = actions.grant_privilege(
        actor_id=actor_id,
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        source=source,
        case_number=case_number,
    )
    return _privilege(row, row.court)


def revoke_privilege(*, actor_id: int | None, privilege_id: int, reason: str) -> Privilege:
    """End a live filing privilege, with the reason kept."""
    row = actions.revoke_privilege(actor_id=actor_id, privilege_id=privilege_id, reason=reason)
    return _privilege(row, row.court)


def privileges_of(*, account_id: int, court_id: str | None = None) -> list[Privilege]:
    """The live filing privileges of one account, at one court or everywhere."""
    return [
        _privilege(row, row.court)
        for row in queries.privileges_of(account_id=account_id, court_id=court_id)
    ]


def is_linked(*, account_id: int, court_id: str) -> bool:
    return queries.is_linked(account_id=account_id, court_id=court_id)


def linked_login(*, account_id: int, court_id: str) -> LinkedLogin | None:
    row = queries.linked_login(account_id=account_id, court_id=court_id)
    return _linked(row) if row is not None else None


def linked_logins_of(*, account_id: int) -> list[LinkedLogin]:
    """Every court where the account has linked its CM/ECF login, by court id."""
    return [_linked(row) for row in queries.linked_logins_of(account_id=account_id)]


def court_logins_for_email(*, court_id: str, email: str) -> list[CourtLoginOnFile]:
    """The court's CM/ECF logins with this e-mail address (any case), by login."""
    return [
        copy_of(CourtLoginOnFile, row, is_linked=row.linked_account_id is not None)
        for row in queries.court_logins_for_email(court_id=court_id, email=email)
    ]


def courts_with_unlinked_logins_for_email(*, email: str) -> list[str]:
    """Court ids holding an active, unlinked court login with this e-mail (one to link)."""
    return queries.courts_with_unlinked_logins_for_email(email)


def filers_at(*, court_id: str, audience: str = "all") -> list[tuple[str, str]]:
    """(name, e-mail) of the court's bar, one pair per e-mail (see ``queries.filers_at``)."""
    return queries.filers_at(court_id=court_id, audience=audience)


def record_fee_owed(
    *, court_id: str, account_id: int, kind: str, amount: Decimal, reference: str, now: datetime
) -> FeeOwed:
    """Record a fee owed; call inside your own action's transaction, whose audit row names it."""
    fee = actions.record_fee_owed(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        amount=amount,
        reference=reference,
        now=now,
    )
    return copy_of(FeeOwed, fee, kind_label=fee.get_kind_display())


def attorneys_filed_for(*, court_id: str, agent_id: int) -> list[int]:
    """The accounts of the attorneys (or trustees) this filing agent files for at the court."""
    return [a.principal_id for a in queries.principals_of(court_id=court_id, agent_id=agent_id)]


def noticed_agents_of(*, court_id: str, attorney_ids: list[int]) -> dict[int, list[int]]:
    """attorney account -> the accounts of their live filing agents at the court who asked to
    receive the attorney's notices of electronic filing."""
    found: dict[int, list[int]] = {}
    for principal_id, agent_id in queries.noticed_agents(
        court_id=court_id, attorney_ids=attorney_ids
    ):
        found.setdefault(principal_id, []).append(agent_id)
    return found
