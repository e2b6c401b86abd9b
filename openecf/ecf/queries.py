"""Court-side reads: court logins, links, privileges, agents. Always court-scoped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from openecf.core import clock, tokens
from openecf.core.records import copy_of
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import rules
from openecf.ecf.models import (
    CourtFeeOwed,
    CourtLogin,
    CourtLoginReset,
    CourtLoginSession,
    FilingAgentAssociation,
    FilingPrivilege,
)


def live_privileges(*, court_id: str | None = None) -> QuerySet[FilingPrivilege]:
    found = FilingPrivilege.objects.filter(revoked_at__isnull=True)
    if court_id is not None:
        found = found.filter(court_id=court_id)
    return found


def privileges_of(*, account_id: int, court_id: str | None = None) -> list[FilingPrivilege]:
    """The live filing privileges of one account (at one court or everywhere), with the court."""
    return list(
        live_privileges(court_id=court_id)
        .filter(account_id=account_id)
        .select_related("court")
        .order_by("court_id", "granted_at", "pk")
    )


def linked_login(*, account_id: int, court_id: str) -> CourtLogin | None:
    return (
        CourtLogin.objects.filter(court_id=court_id, linked_account_id=account_id)
        .select_related("court")
        .first()
    )


def linked_logins_of(*, account_id: int) -> list[CourtLogin]:
    """Every court login linked to the account (one per court at most), with the court."""
    return list(
        CourtLogin.objects.filter(linked_account_id=account_id)
        .select_related("court")
        .order_by("court_id")
    )


def is_linked(*, account_id: int, court_id: str) -> bool:
    return CourtLogin.objects.filter(court_id=court_id, linked_account_id=account_id).exists()


def find_login(*, court_id: str, login: str) -> CourtLogin | None:
    return CourtLogin.objects.filter(court_id=court_id, login__iexact=login.strip()).first()


def court_logins_for_email(*, court_id: str, email: str) -> list[CourtLogin]:
    return list(
        CourtLogin.objects.filter(court_id=court_id, email__iexact=email.strip()).order_by("login")
    )


def court_logins(court: Court, search: str = "", status: str = "") -> QuerySet[CourtLogin]:
    """The clerk's list: search login, name, e-mail or bar id; status active/disabled/linked."""
    found = CourtLogin.objects.filter(court=court).select_related("linked_account")
    term = search.strip()
    if term:
        found = found.filter(
            Q(login__icontains=term)
            | Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(email__icontains=term)
            | Q(bar_id__iexact=term)
        )
    if status == "linked":
        found = found.filter(linked_account__isnull=False)
    elif status == "unlinked":
        found = found.filter(linked_account__isnull=True, is_disabled=False)
    elif status == "disabled":
        found = found.filter(is_disabled=True)
    return found.order_by("last_name", "first_name", "login")


def agents_of(*, court_id: str, principal_id: int) -> list[FilingAgentAssociation]:
    return list(
        FilingAgentAssociation.objects.filter(
            court_id=court_id, principal_id=principal_id, ended_at__isnull=True
        )
        .select_related("agent")
        .order_by("agent__last_name", "agent__first_name", "pk")
    )


def principals_of(*, court_id: str, agent_id: int) -> list[FilingAgentAssociation]:
    return list(
        FilingAgentAssociation.objects.filter(
            court_id=court_id, agent_id=agent_id, ended_at__isnull=True
        )
        .select_related("principal")
        .order_by("principal__last_name", "principal__first_name", "pk")
    )


def noticed_agents(*, court_id: str, attorney_ids: list[int]) -> list[tuple[int, int]]:
    """(attorney, agent) pairs of live associations whose agent receives the notices."""
    return list(
        FilingAgentAssociation.objects.filter(
            court_id=court_id,
            principal_id__in=attorney_ids,
            ended_at__isnull=True,
            receives_notices=True,
        )
        .order_by("principal_id", "agent_id")
        .values_list("principal_id", "agent_id")
    )


def filers_at(*, court_id: str, audience: str = "all") -> list[tuple[str, str]]:
    """(name, e-mail) of the court's bar, for notices; one pair per e-mail (case-insensitive).

    ``all``: every active unlinked court login plus every account with a live privilege;
    ``not_linked``: active court logins not yet linked; ``attorneys``: attorney court logins
    (unlinked) plus accounts with a live attorney or pro hac vice privilege.
    """
    if audience not in ("all", "not_linked", "attorneys"):
        raise ValueError(f"unknown audience {audience!r}: use all, not_linked or attorneys")
    pairs: list[tuple[str, str]] = []
    logins = CourtLogin.objects.filter(
        court_id=court_id, is_disabled=False, linked_account__isnull=True
    ).exclude(role=CourtLogin.Role.COURT_USER)
    if audience == "attorneys":
        logins = logins.filter(role=CourtLogin.Role.ATTORNEY)
    pairs += [
        (f"{first} {last}".strip(), email)
        for first, last, email in logins.order_by("last_name", "first_name", "login").values_list(
            "first_name", "last_name", "email"
        )
    ]
    if audience != "not_linked":
        privileges = live_privileges(court_id=court_id).filter(account__status="active")
        if audience == "attorneys":
            privileges = privileges.filter(kind__in=sorted(rules.ATTORNEY_KINDS))
        pairs += [
            (f"{first} {last}".strip(), email)
            for first, last, email in privileges.order_by(
                "account__last_name", "account__first_name", "account_id"
            ).values_list("account__first_name", "account__last_name", "account__email")
        ]
    return _unique_by_email(pairs)


def _unique_by_email(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    unique = []
    for name, email in pairs:
        key = (email or "").strip().lower()
        if key and key not in seen:
            seen.add(key)
            unique.append((name, email.strip()))
    return unique


@dataclass(frozen=True)
class CourtRecord:
    """What the court has on file for a court login, shown before the link is confirmed."""

    login: str
    name: str
    email: str
    bar_id: str
    bar_state: str
    role: str
    role_label: str
    case_count: int


def court_record(record: CourtLogin) -> CourtRecord:
    return copy_of(CourtRecord, record, name=record.full_name, role_label=record.get_role_display())


def court_session_login(court: Court, key: str | None) -> CourtLogin | None:
    """The court login of a live court-local session before go-live, if any."""
    if not key:
        return None
    session = (
        CourtLoginSession.objects.filter(
            key_digest=tokens.digest(key),
            court_login__court=court,
            ended_at__isnull=True,
            expires_at__gt=clock.now(),
            court_login__is_disabled=False,
            court_login__linked_account__isnull=True,
        )
        .select_related("court_login")
        .first()
    )
    if session is None or is_nextgen(court):
        return None
    return session.court_login


def courts_with_unlinked_logins_for_email(email: str) -> list[str]:
    """Court ids holding an active, unlinked court login with this e-mail (one to link)."""
    if not email:
        return []
    return list(
        CourtLogin.objects.filter(
            email__iexact=email, linked_account__isnull=True, is_disabled=False
        )
        .order_by("court_id")
        .values_list("court_id", flat=True)
        .distinct()
    )


def reset_link_state(court: Court, token: str, now: datetime) -> str:
    """A court-password reset link: ``live``, ``used``, ``expired`` or ``unknown``."""
    reset = CourtLoginReset.objects.filter(
        token_digest=tokens.digest(token or ""), court_login__court=court
    ).first()
    if reset is None:
        return "unknown"
    if reset.used_at is not None:
        return "used"
    live = tokens.link_is_live(expires_at=reset.expires_at, used_at=None, now=now)
    return "live" if live else "expired"


def fees_of(
    *, account_id: int, court_id: str | None = None, unpaid: bool = True
) -> list[CourtFeeOwed]:
    """A person's court fees (unpaid ones by default), oldest first, with the court."""
    found = CourtFeeOwed.objects.filter(account_id=account_id).select_related("court")
    if court_id is not None:
        found = found.filter(court_id=court_id)
    if unpaid:
        found = found.filter(paid_at__isnull=True)
    return list(found.order_by("due_on", "pk"))


def owes_fees_at(*, account_id: int, court_id: str) -> bool:
    return CourtFeeOwed.objects.filter(
        account_id=account_id, court_id=court_id, paid_at__isnull=True
    ).exists()


def dues_of(*, account_ids: list[int]) -> list[CourtFeeOwed]:
    """Attorney dues of these people, oldest cycle first (the last one per court is current)."""
    return list(
        CourtFeeOwed.objects.filter(
            account_id__in=account_ids, kind=CourtFeeOwed.Kind.ANNUAL_DUES
        ).order_by("account_id", "court_id", "due_on", "pk")
    )
