"""Linking a court's CM/ECF login to an upgraded PACER account, and the clerk undoing it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError

from openecf.accounts import facade as accounts
from openecf.core import audit, clock, outbox
from openecf.core.errors import InputInvalid, NotSignedIn
from openecf.core.letters import Letter
from openecf.core.links import absolute
from openecf.core.locks import lock_found
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import letters, links, queries, rules
from openecf.ecf.actions.court_logins import _end_court_sessions
from openecf.ecf.actions.privileges import grant_privilege
from openecf.ecf.actions.sign_in import verify_court_password
from openecf.ecf.errors import (
    AccountAlreadyLinkedHere,
    AccountCannotLink,
    BadCourtLogin,
    CourtLoginAlreadyLinked,
    CourtLoginCannotLink,
    CourtLoginDisabled,
    CourtNotOnNextGen,
    LinkBeforeGoLive,
    LinkNotConfirmed,
    NotFound,
)
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginAgent,
    FilingAgentAssociation,
    FilingPrivilege,
)

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def link_refusal_before_password(*, account: Account | None, court: Court) -> None:
    """The refusals that need no court password: go-live, the account, an existing link here."""
    now = clock.now()
    if court.nextgen_go_live is None:
        raise CourtNotOnNextGen(
            f"{court.name} does not use NextGen CM/ECF yet, so there is nothing to link: keep "
            f"filing with your CM/ECF login at {links.login_page(court.pk)}."
        )
    if not is_nextgen(court, now):
        opens = clock.format_court_time(court.nextgen_go_live, court.time_zone)
        raise LinkBeforeGoLive(
            f"{court.name} is not on NextGen CM/ECF yet: linking opens on {opens}. Until then "
            f"file with your CM/ECF login at {links.login_page(court.pk)}."
        )
    if account is None:
        raise NotSignedIn("Sign in with your PACER account first.")
    reason = accounts.can_file_or_link(account)
    if reason:
        raise AccountCannotLink(reason)
    _refuse_second_link(account, court.pk)


def _refuse_linked_states(record: CourtLogin, account: Account) -> None:
    if record.linked_account_id is not None:
        if record.linked_account_id == account.pk:
            raise CourtLoginAlreadyLinked(
                "This CM/ECF login is already linked to your PACER account: nothing to do. "
                "Sign in with your PACER account to file."
            )
        raise CourtLoginAlreadyLinked(
            "This CM/ECF login is already linked to another PACER account. If that is a "
            "mistake, contact the clerk's office."
        )
    if rules.privilege_kind_for_role(record.role) is None:
        raise CourtLoginCannotLink(
            "This is a court user login: it is not a filer login and cannot be linked."
        )
    _refuse_second_link(account, record.court_id)


def _refuse_second_link(account: Account, court_id: str) -> None:
    other = CourtLogin.objects.filter(court=court_id, linked_account=account).first()
    if other is not None:
        raise AccountAlreadyLinkedHere(
            f"Your PACER account is already linked to the CM/ECF login {other.login!r} at this "
            "court: one PACER account links to one CM/ECF login per court. A second role "
            "(e.g. trustee and attorney) needs its own PACER account."
        )


def preview_link(
    *, account: Account | None, court: Court, login: str, password: str, address: str = ""
) -> queries.CourtRecord:
    """Check everything a link needs and show the court's record; changes nothing but counts."""
    link_refusal_before_password(account=account, court=court)
    record = verify_court_password(court=court, login=login, password=password, address=address)
    _refuse_linked_states(record, account)  # type: ignore[arg-type]
    return queries.court_record(record)


def link_court_login(
    *,
    account: Account | None,
    court: Court,
    login: str,
    password: str,
    confirm: bool,
    address: str = "",
) -> CourtLogin:
    """Link a CM/ECF login to a PACER account at one court, for good.

    The old login stops working; its privilege, filing agents, cases and noticing belong to
    the PACER account at this court.
    """
    link_refusal_before_password(account=account, court=court)
    assert account is not None
    record = verify_court_password(court=court, login=login, password=password, address=address)
    _refuse_linked_states(record, account)
    return link_verified_court_login(
        account=account, court=court, court_login_id=record.pk, confirm=confirm
    )


def link_verified_court_login(
    *, account: Account | None, court: Court, court_login_id: int, confirm: bool
) -> CourtLogin:
    """The link itself, once the court password was checked (by ``preview_link`` on the web)."""
    link_refusal_before_password(account=account, court=court)
    assert account is not None
    if not confirm:
        raise LinkNotConfirmed(
            "Confirm that this CM/ECF login is yours: linking cannot be undone.", field="confirm"
        )
    try:
        with durable_action():
            record = lock_found(
                CourtLogin.objects.filter(pk=court_login_id, court=court),
                missing="There is no such CM/ECF login at this court.",
            )
            if record.is_disabled:
                raise CourtLoginDisabled(
                    "This CM/ECF login has been disabled by the clerk's office: contact the court."
                )
            _refuse_linked_states(record, account)
            now = clock.now()
            record.linked_account = account
            record.linked_at = now
            record.save(update_fields=["linked_account", "linked_at"])
            _end_court_sessions(record, now)
            kind = rules.privilege_kind_for_role(record.role)
            privilege = grant_privilege(
                actor_id=account.pk,
                court_id=court.pk,
                account_id=account.pk,
                kind=kind,  # type: ignore[arg-type]
                source=FilingPrivilege.Source.LINKED_LOGIN,
                court_login=record,
            )
            agents = _carry_over_agents(record, now)
            audit.record(
                actor_id=account.pk,
                verb="court_login.linked",
                subject=audit.Subject("account", account.pk),
                court_id=court.pk,
                details={
                    "court_login": record.login,
                    "court_login_id": record.pk,
                    "privilege_id": privilege.pk,
                    "agent_associations": agents,
                },
            )
            accounts.mark_as_filer(account_id=account.pk)  # central after court (ADR 6)
            _queue_link_emails(record, account, court)
    except IntegrityError:
        # The database's one-link-per-account rule caught a race the lock could not see.
        raise AccountAlreadyLinkedHere(
            "Your PACER account was linked to another CM/ECF login at this court at the same "
            "moment: one PACER account links to one CM/ECF login per court."
        ) from None
    return record


def _carry_over_agents(record: CourtLogin, now: datetime) -> list[int]:
    """Pre-NextGen agent relationships whose both logins are now linked become associations."""
    created: list[int] = []
    account_id = record.linked_account_id
    if account_id is None:
        return created
    pairs = (
        CourtLoginAgent.objects.filter(principal_login=record)
        .select_related("agent_login")
        .values_list("agent_login__linked_account_id", flat=True)
    )
    for agent_id in pairs:
        if agent_id and agent_id != account_id:
            created += _associate(record.court_id, account_id, agent_id, now)
    principals = CourtLoginAgent.objects.filter(agent_login=record).values_list(
        "principal_login__linked_account_id", flat=True
    )
    for principal_id in principals:
        if principal_id and principal_id != account_id:
            created += _associate(record.court_id, principal_id, account_id, now)
    return created


def _associate(court_id: str, principal_id: int, agent_id: int, now: datetime) -> list[int]:
    exists = FilingAgentAssociation.objects.filter(
        court_id=court_id, principal_id=principal_id, agent_id=agent_id, ended_at__isnull=True
    ).exists()
    if exists:
        return []
    association = FilingAgentAssociation.objects.create(
        court_id=court_id, principal_id=principal_id, agent_id=agent_id, created_at=now
    )
    return [association.pk]


def _link_of(record: CourtLogin, court: Court) -> letters.CourtLoginLink:
    return letters.CourtLoginLink(
        court_name=court.name,
        short_name=court.short_name,
        login=record.login,
        holder=record.full_name,
        clerk_phone=court.clerk_phone,
    )


def _tell_account_and_login(
    *,
    court: Court,
    account: Account,
    record: CourtLogin,
    to_account: Letter,
    to_login: Letter,
    kind: str,
) -> None:
    """One e-mail to the PACER account and one to the court login's address (if another):
    neither sees the other's address."""
    outbox.queue_letter(
        to_account, to=[account.email], kind=kind, court_id=court.pk, account_id=account.pk
    )
    if account.email.strip().lower() != record.email.strip().lower():
        outbox.queue_letter(to_login, to=[record.email], kind=kind, court_id=court.pk)


def _queue_link_emails(record: CourtLogin, account: Account, court: Court) -> None:
    link = _link_of(record, court)
    _tell_account_and_login(
        court=court,
        account=account,
        record=record,
        to_account=letters.linked_to_account(
            link,
            username=account.username,
            utilities_url=absolute(links.utilities_page(court.pk)),
        ),
        to_login=letters.linked_to_login(link),
        kind="ecf.link_confirmation",
    )


def undo_link(*, actor_id: int, court: Court, court_login_id: int, reason: str) -> CourtLogin:
    """A clerk undoes a mistaken link: the login's privilege ends, both people are told."""
    reason = (reason or "").strip()
    if not reason:
        raise InputInvalid({"reason": "Give the reason for undoing this link."})
    with durable_action():
        record = (
            CourtLogin.objects.select_for_update().filter(pk=court_login_id, court=court).first()
        )
        if record is None:
            raise NotFound("There is no such CM/ECF login at this court.")
        account = record.linked_account  # read before the link ends below
        if account is None:
            raise BadCourtLogin("This CM/ECF login is not linked: there is nothing to undo.")
        now = clock.now()
        ended = list(
            FilingPrivilege.objects.filter(court_login=record, revoked_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        FilingPrivilege.objects.filter(pk__in=ended).update(
            revoked_at=now, revoked_reason=f"Link undone by the clerk: {reason}"[:300]
        )
        record.linked_account = None
        record.linked_at = None
        record.save(update_fields=["linked_account", "linked_at"])
        audit.record(
            actor_id=actor_id,
            verb="court_login.unlinked",
            subject=audit.Subject("account", account.pk),
            court_id=court.pk,
            details={
                "court_login": record.login,
                "court_login_id": record.pk,
                "reason": reason,
                "privileges_ended": ended,
            },
        )
        _queue_undo_emails(record, account, court, reason)
    return record


def _queue_undo_emails(record: CourtLogin, account: Account, court: Court, reason: str) -> None:
    link = _link_of(record, court)
    _tell_account_and_login(
        court=court,
        account=account,
        record=record,
        to_account=letters.link_undone_to_account(link, username=account.username, reason=reason),
        to_login=letters.link_undone_to_login(link, reason=reason),
        kind="ecf.link_undone",
    )
