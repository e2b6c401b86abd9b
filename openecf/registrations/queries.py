"""Reads: a person's requests, a court's queue, where a person is registered."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from openecf.courts import fees
from openecf.courts.models import Court
from openecf.ecf import facade as ecf
from openecf.registrations import rules
from openecf.registrations.models import RegistrationRequest

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def fee_owed(court_id: str, kind: str) -> tuple[str, Decimal] | None:
    """(fee kind, amount) an approved request of ``kind`` records at the court, or None."""
    fee_kind = rules.FEE_KINDS.get(kind)
    if fee_kind is None:
        return None
    amount = fees.fee_amount(court_id=court_id, kind=fee_kind)
    return (fee_kind, amount) if amount else None


def requests_of(account_id: int) -> QuerySet[RegistrationRequest]:
    return RegistrationRequest.objects.filter(account_id=account_id).select_related("court")


def queue_at(court: Court, status: str = "pending") -> QuerySet[RegistrationRequest]:
    """The clerk's queue, oldest first: ``pending`` (default), one status, or ``all``."""
    found = RegistrationRequest.objects.filter(court=court).select_related("account", "court")
    if status == "pending":
        found = found.filter(status__in=rules.PENDING)
    elif status != "all":
        found = found.filter(status=status)
    return found.order_by("submitted_at", "pk")


def pending_request(
    *, account_id: int, court: Court, kind: str, case_number: str
) -> RegistrationRequest | None:
    return RegistrationRequest.objects.filter(
        account_id=account_id,
        court=court,
        kind=kind,
        case_number=case_number,
        status__in=rules.PENDING,
    ).first()


def unlinked_logins_like(account: Account, court: Court) -> list[ecf.CourtLoginOnFile]:
    """Active, unlinked court logins at this court with the account's e-mail ("link instead")."""
    if not account.email:
        return []
    return [
        login
        for login in ecf.court_logins_for_email(court_id=court.pk, email=account.email)
        if not login.is_linked and not login.is_disabled
    ]


@dataclass(frozen=True)
class RegisteredCourt:
    court_id: str
    name: str
    kind: str
    kind_label: str
    privileges: tuple[str, ...]  # FilingPrivilege kind labels, e.g. "Attorney (pro hac vice)"
    linked_login: str  # the linked CM/ECF login, or ""


def registered_courts(account_id: int) -> list[RegisteredCourt]:
    """Every court where the person holds a live privilege or a linked court login."""
    by_court: dict[str, list[str]] = {}
    names: dict[str, tuple[str, str, str]] = {}  # court id -> (name, kind, kind label)
    for privilege in ecf.privileges_of(account_id=account_id):
        label = privilege.kind_label
        if privilege.case_number:
            label = f"{label}, case {privilege.case_number}"
        by_court.setdefault(privilege.court_id, []).append(label)
        names[privilege.court_id] = (
            privilege.court_name,
            privilege.court_kind,
            privilege.court_kind_label,
        )
    logins = {login.court_id: login for login in ecf.linked_logins_of(account_id=account_id)}
    for court_id, login in logins.items():
        by_court.setdefault(court_id, [])
        names[court_id] = (login.court_name, login.court_kind, login.court_kind_label)
    return [
        RegisteredCourt(
            court_id=court_id,
            name=names[court_id][0],
            kind=names[court_id][1],
            kind_label=names[court_id][2],
            privileges=tuple(by_court[court_id]),
            linked_login=logins[court_id].login if court_id in logins else "",
        )
        for court_id in sorted(by_court)
    ]
