"""The only writes of the court side: links, privileges, court logins, agents.

Each action is keyword-only, runs in one transaction, writes one audit row on the court's chain
and queues its e-mail to be sent after commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction

from openecf.accounts.models import Account
from openecf.core import audit, clock, outbox, throttle, throttle_rules
from openecf.core.errors import NotSignedIn
from openecf.courts.models import Court
from openecf.courts.queries import is_nextgen
from openecf.ecf import central, queries, rules
from openecf.ecf.errors import (
    AccountAlreadyLinkedHere,
    AccountCannotLink,
    AgentAlreadyAssociated,
    AgentNotAllowed,
    BadCourtLogin,
    CourtLoginAlreadyLinked,
    CourtLoginCannotLink,
    CourtLoginDisabled,
    CourtLoginLocked,
    CourtNotOnNextGen,
    LinkBeforeGoLive,
    LinkNotConfirmed,
    NotFound,
    ResetLinkNotValid,
    WrongCourtPassword,
)
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginAgent,
    CourtLoginReset,
    CourtLoginSession,
    FilingAgentAssociation,
    FilingPrivilege,
)

COURT_SESSION_LIFETIME = timedelta(hours=8)
WRONG_PASSWORD = (
    "The CM/ECF login or password is not right. Check both and try again; after 5 wrong "
    'passwords the login is locked for 5 minutes. Forgot it? Use "Forgot your password" on '
    "the court's login page or contact the clerk's office."
)


def _base_url() -> str:
    return getattr(settings, "OPENECF_BASE_URL", "").rstrip("/")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _record_court_login(
    record: CourtLogin, court: Court, *, actor_id: int | None, verb: str, **details: object
) -> None:
    """The audit row of something done to a court login, on the court's chain."""
    audit.record(
        actor_id=actor_id,
        verb=verb,
        subject=f"court_login:{record.pk}",
        court_id=court.pk,
        details={"court_login": record.login, **details},
    )


def _end_court_sessions(record: CourtLogin, now: datetime) -> int:
    """End every live court-local session of a court login; how many ended."""
    return CourtLoginSession.objects.filter(court_login=record, ended_at__isnull=True).update(
        ended_at=now
    )


# ---------------------------------------------------------------- privileges


def grant_privilege(
    *,
    actor_id: int | None,
    court: Court | str,
    account_id: int,
    kind: str,
    source: str,
    case_number: str = "",
    court_login: CourtLogin | None = None,
) -> FilingPrivilege:
    """Give an account a filing privilege at a court; a live identical one is returned as is."""
    court_id = court if isinstance(court, str) else court.pk
    if kind not in FilingPrivilege.Kind.values:
        raise BadCourtLogin(f"{kind!r} is not a kind of filing privilege.")
    if source not in FilingPrivilege.Source.values:
        raise BadCourtLogin(f"{source!r} is not a source of filing privileges.")
    with transaction.atomic():
        live = _live_privilege(court_id, account_id, kind, case_number)
        if live is not None:
            return live
        try:
            with transaction.atomic():  # a savepoint: a concurrent grant must not spoil the rest
                privilege = FilingPrivilege.objects.create(
                    court_id=court_id,
                    account_id=account_id,
                    kind=kind,
                    source=source,
                    case_number=case_number,
                    court_login=court_login,
                    granted_at=clock.now(),
                )
        except IntegrityError:
            # The same privilege was granted at the same moment: it is the one to return.
            live = _live_privilege(court_id, account_id, kind, case_number)
            if live is None:
                raise
            return live
        central.mark_as_filer(account_id=account_id)
        audit.record(
            actor_id=actor_id,
            verb="filing_privilege.granted",
            subject=f"account:{account_id}",
            court_id=court_id,
            details={
                "privilege_id": privilege.pk,
                "kind": kind,
                "source": source,
                "case_number": case_number,
                "court_login": court_login.login if court_login else "",
            },
        )
    return privilege


def _live_privilege(
    court_id: str, account_id: int, kind: str, case_number: str
) -> FilingPrivilege | None:
    return FilingPrivilege.objects.filter(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        case_number=case_number,
        revoked_at__isnull=True,
    ).first()


def revoke_privilege(*, actor_id: int | None, privilege_id: int, reason: str) -> FilingPrivilege:
    """End a live filing privilege, with the reason kept."""
    reason = (reason or "").strip()
    if not reason:
        raise BadCourtLogin("Give the reason the privilege ends.", field="reason")
    with transaction.atomic():
        privilege = (
            FilingPrivilege.objects.select_for_update()
            .filter(pk=privilege_id, revoked_at__isnull=True)
            .first()
        )
        if privilege is None:
            raise NotFound("There is no such live filing privilege.")
        privilege.revoked_at = clock.now()
        privilege.revoked_reason = reason[:300]
        privilege.save(update_fields=["revoked_at", "revoked_reason"])
        audit.record(
            actor_id=actor_id,
            verb="filing_privilege.revoked",
            subject=f"account:{privilege.account_id}",
            court_id=privilege.court_id,
            details={"privilege_id": privilege.pk, "kind": privilege.kind, "reason": reason},
        )
    return privilege


# ---------------------------------------------------------------- court passwords


def _login_failure_key(court: Court, login: str) -> str:
    """The lockout counter of one login name at one court (whether or not the login exists)."""
    return f"ecf:login:{court.pk}:{(login or '').strip().lower()[:40]}"


def verify_court_password(
    *, court: Court, login: str, password: str, address: str = ""
) -> CourtLogin:
    """The court login for this login and password, or a refusal; wrong passwords are counted.

    Called outside any action's transaction so a failure stays recorded when the caller refuses.
    """
    now = clock.now()
    key = (login or "").strip().lower()[:40]
    keys = [_login_failure_key(court, key)]
    if address:
        keys.append(f"ecf:addr:{court.pk}:{address[:64]}")
    remaining = next(
        (left for k in keys if (left := throttle.lockout_remaining(key=k, now=now)) is not None),
        None,
    )
    if remaining is not None:
        raise CourtLoginLocked(
            "Too many wrong passwords: this CM/ECF login is locked. Try again in "
            f'{throttle_rules.minutes_to_wait(remaining)} minutes, or use "Forgot your password".'
        )
    record = CourtLogin.objects.filter(court=court, login__iexact=key).first() if key else None
    if record is None:
        _burn_time(password or "")
        matches = False
    else:
        try:
            matches = bool(password) and check_password(password, record.password)
        except ValueError:
            matches = False
    if record is None or not matches:
        for failed in keys:
            throttle.record_failure(key=failed, now=now, forget_after=rules.FAILURE_WINDOW)
        raise WrongCourtPassword(WRONG_PASSWORD, field="password")
    throttle.clear_failures(key=keys[0])
    if record.is_disabled:
        raise CourtLoginDisabled(
            "This CM/ECF login has been disabled by the clerk's office: contact the court."
        )
    return record


_DUMMY: list[str] = []


def _burn_time(password: str) -> None:
    if not _DUMMY:
        _DUMMY.append(make_password("not a court login"))
    check_password(password, _DUMMY[0])


# ---------------------------------------------------------------- linking


def link_refusal_before_password(*, account: Account | None, court: Court) -> None:
    """The refusals that need no court password: go-live, the account, an existing link here."""
    now = clock.now()
    if court.nextgen_go_live is None:
        raise CourtNotOnNextGen(
            f"{court.name} does not use NextGen CM/ECF yet, so there is nothing to link: keep "
            f"filing with your CM/ECF login at /{court.pk}/cgi-bin/login.pl."
        )
    if not is_nextgen(court, now):
        opens = clock.format_court_time(court.nextgen_go_live, court.time_zone)
        raise LinkBeforeGoLive(
            f"{court.name} is not on NextGen CM/ECF yet: linking opens on {opens}. Until then "
            f"file with your CM/ECF login at /{court.pk}/cgi-bin/login.pl."
        )
    if account is None:
        raise NotSignedIn("Sign in with your PACER account first.")
    reason = central.can_file_or_link(account)
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
        with transaction.atomic():
            record = (
                CourtLogin.objects.select_for_update()
                .filter(pk=court_login_id, court=court)
                .first()
            )
            if record is None:
                raise NotFound("There is no such CM/ECF login at this court.")
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
                court=court,
                account_id=account.pk,
                kind=kind,  # type: ignore[arg-type]
                source=FilingPrivilege.Source.LINKED_LOGIN,
                court_login=record,
            )
            agents = _carry_over_agents(record, now)
            central.mark_as_filer(account_id=account.pk)
            audit.record(
                actor_id=account.pk,
                verb="court_login.linked",
                subject=f"account:{account.pk}",
                court_id=court.pk,
                details={
                    "court_login": record.login,
                    "court_login_id": record.pk,
                    "privilege_id": privilege.pk,
                    "agent_associations": agents,
                },
            )
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


def _clerk_contact(court: Court) -> str:
    return f": {court.clerk_phone}." if court.clerk_phone else "."


def _tell_account_and_login(
    *,
    court: Court,
    account: Account,
    record: CourtLogin,
    subject: str,
    to_account: str,
    to_login: str,
    kind: str,
) -> None:
    """One e-mail to the PACER account and one to the court login's address (if another):
    neither sees the other's address."""
    outbox.queue_email(
        to=[account.email], subject=subject, text=to_account, kind=kind, court_id=court.pk,
        account_id=account.pk,
    )  # fmt: skip
    if account.email.strip().lower() != record.email.strip().lower():
        outbox.queue_email(
            to=[record.email], subject=subject, text=to_login, kind=kind, court_id=court.pk
        )


def _queue_link_emails(record: CourtLogin, account: Account, court: Court) -> None:
    _tell_account_and_login(
        court=court,
        account=account,
        record=record,
        subject=f"{court.short_name or court.name}: CM/ECF login linked to your PACER account",
        to_account=(
            f"Your PACER account {account.username} is now linked to the CM/ECF login "
            f"{record.login} ({record.full_name}) at {court.name}.\n\n"
            "From now on sign in with your PACER username and password (Central Sign-On); the "
            "old CM/ECF login no longer works. Your cases, filing history, noticing e-mails and "
            "filing agents at this court stay with you.\n\n"
            "If you did not do this, contact the clerk's office at once"
            + _clerk_contact(court)
            + f"\n\n{_base_url()}/{court.pk}/utilities/\n"
        ),
        to_login=(
            f"Your CM/ECF login {record.login} ({record.full_name}) at {court.name} is now "
            "linked to a PACER account.\n\n"
            "The CM/ECF login no longer works: sign in with the PACER account's username and "
            "password (Central Sign-On). The login's cases, filing history, noticing e-mails and "
            "filing agents at this court now belong to that PACER account.\n\n"
            "If you did not do this, contact the clerk's office at once"
            + _clerk_contact(court)
            + "\n"
        ),
        kind="ecf.link_confirmation",
    )


def undo_link(*, actor_id: int, court: Court, court_login_id: int, reason: str) -> CourtLogin:
    """A clerk undoes a mistaken link: the login's privilege ends, both people are told."""
    reason = (reason or "").strip()
    if not reason:
        raise BadCourtLogin("Give the reason for undoing this link.", field="reason")
    with transaction.atomic():
        record = (
            CourtLogin.objects.select_for_update().filter(pk=court_login_id, court=court).first()
        )
        if record is None:
            raise NotFound("There is no such CM/ECF login at this court.")
        if record.linked_account_id is None:
            raise BadCourtLogin("This CM/ECF login is not linked: there is nothing to undo.")
        account = Account.objects.get(pk=record.linked_account_id)
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
            subject=f"account:{account.pk}",
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
    _tell_account_and_login(
        court=court,
        account=account,
        record=record,
        subject=f"{court.short_name or court.name}: CM/ECF login link undone by the clerk",
        to_account=(
            f"The clerk's office at {court.name} undid the link between your PACER account "
            f"{account.username} and the CM/ECF login {record.login} ({record.full_name})."
            f"\n\nReason: {reason}\n\nThe filing privilege that came from this login has "
            "ended. Contact the clerk's office with any question" + _clerk_contact(court) + "\n"
        ),
        to_login=(
            f"The clerk's office at {court.name} undid the link between your CM/ECF login "
            f"{record.login} ({record.full_name}) and a PACER account.\n\nReason: {reason}\n\n"
            "The login is no longer linked to that PACER account. Contact the clerk's office "
            "with any question" + _clerk_contact(court) + "\n"
        ),
        kind="ecf.link_undone",
    )


# ---------------------------------------------------------------- court-local sign-in


def sign_in_court_login(
    *, court: Court, login: str, password: str, address: str = ""
) -> tuple[CourtLogin, str]:
    """Before go-live: sign a court login in at this court only. Returns (login, session key)."""
    if is_nextgen(court):
        raise CourtLoginCannotLink(
            f"{court.name} is on NextGen CM/ECF: sign in with your PACER account at "
            f"/login/?next=/{court.pk}/ and link your CM/ECF login under Utilities."
        )
    record = verify_court_password(court=court, login=login, password=password, address=address)
    if record.linked_account_id is not None:
        raise CourtLoginAlreadyLinked(
            "This CM/ECF login is linked to a PACER account and no longer works: sign in with "
            "your PACER account."
        )
    key = secrets.token_urlsafe(32)
    now = clock.now()
    with transaction.atomic():
        CourtLoginSession.objects.create(
            court_login=record,
            key_digest=rules.court_session_digest(key),
            created_at=now,
            expires_at=now + COURT_SESSION_LIFETIME,
        )
        _record_court_login(
            record, court, actor_id=None, verb="court_login.signed_in", address=address
        )
    return record, key


def sign_out_court_login(*, court: Court, key: str) -> None:
    """End the court-local session whose cookie holds ``key`` (nothing to do if none is live)."""
    with transaction.atomic():
        session = (
            CourtLoginSession.objects.select_for_update()
            .filter(
                key_digest=rules.court_session_digest(key or ""),
                court_login__court=court,
                ended_at__isnull=True,
            )
            .select_related("court_login")
            .first()
        )
        if session is None:
            return
        session.ended_at = clock.now()
        session.save(update_fields=["ended_at"])
        _record_court_login(
            session.court_login, court, actor_id=None, verb="court_login.signed_out"
        )


# ---------------------------------------------------------------- passwords


def _issue_reset(record: CourtLogin, court: Court, *, by_clerk: bool) -> None:
    token = secrets.token_urlsafe(32)
    CourtLoginReset.objects.create(
        court_login=record, token_hash=_token_hash(token), created_at=clock.now()
    )
    link = f"{_base_url()}/{court.pk}/cgi-bin/login.pl?reset={token}"
    opener = (
        f"The clerk's office at {court.name} reset the password of your CM/ECF login "
        f"{record.login}."
        if by_clerk
        else f"Someone asked to reset the password of the CM/ECF login {record.login} at "
        f"{court.name}."
    )
    outbox.queue_email(
        to=[record.email],
        subject=f"{court.short_name or court.name}: reset your CM/ECF password",
        text=(
            f"{opener}\n\nChoose a new password here (the link works once, for one hour):\n"
            f"{link}\n\nIf you did not ask for this, ignore this e-mail: your password has not "
            "changed.\n"
            if not by_clerk
            else f"{opener}\n\nChoose a new password here (the link works once, for one hour):"
            f"\n{link}\n"
        ),
        kind="ecf.court_password_reset",
        court_id=court.pk,
    )


def request_court_password_reset(*, court: Court, login: str) -> None:
    """ "Forgot your password": e-mail a single-use link; the same outcome whether or not
    the login exists (a linked or disabled login gets nothing)."""
    key = (login or "").strip()
    with transaction.atomic():
        record = CourtLogin.objects.filter(court=court, login__iexact=key).first() if key else None
        if record is None or record.is_disabled or record.linked_account_id is not None:
            return
        recent = CourtLoginReset.objects.filter(
            court_login=record, created_at__gte=clock.now() - rules.RESET_LINK_LIFETIME
        ).count()
        if recent >= rules.RESET_LINKS_PER_HOUR:
            return  # enough links are already on their way; say the same thing
        _issue_reset(record, court, by_clerk=False)
        _record_court_login(
            record, court, actor_id=None, verb="court_login.password_reset_requested"
        )


def reset_court_password(*, court: Court, token: str, new_password: str) -> CourtLogin:
    """Use a reset link once: set the new password, clear the lockout."""
    with transaction.atomic():
        reset = (
            CourtLoginReset.objects.select_for_update()
            .filter(token_hash=_token_hash(token or ""), court_login__court=court)
            .select_related("court_login")
            .first()
        )
        now = clock.now()
        if reset is None or not rules.reset_link_is_live(reset.created_at, reset.used_at, now):
            raise ResetLinkNotValid(
                "This reset link has expired or was already used: ask for a new one with "
                '"Forgot your password".'
            )
        record = reset.court_login
        if record.is_disabled:
            raise CourtLoginDisabled(
                "This CM/ECF login has been disabled by the clerk's office, so its password "
                "cannot be reset: contact the court."
            )
        if record.linked_account_id is not None:
            raise CourtLoginAlreadyLinked(
                "This CM/ECF login is linked to a PACER account and no longer works, so its "
                "password cannot be reset: sign in with your PACER account (reset that password "
                "at /account/forgot-password/ if you forgot it)."
            )
        problem = rules.court_password_problem(new_password or "")
        if problem:
            raise BadCourtLogin(problem, field="password")
        record.password = make_password(new_password)
        record.save(update_fields=["password"])
        reset.used_at = now
        reset.save(update_fields=["used_at"])
        throttle.clear_failures(key=_login_failure_key(court, record.login))
        ended = _end_court_sessions(record, now)
        audit.record(
            actor_id=None,
            verb="court_login.password_reset",
            subject=f"court_login:{record.pk}",
            court_id=court.pk,
            details={"court_login": record.login, "sessions_ended": ended},
        )
    return record


# ---------------------------------------------------------------- clerk management


def add_court_login(
    *,
    actor_id: int,
    court: Court,
    login: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    bar_id: str = "",
    bar_state: str = "",
    case_count: int = 0,
) -> CourtLogin:
    """The clerk adds a court login; its holder gets a link to choose a password."""
    from openecf.ecf import court_commands

    row: dict[str, str | None] = {
        "login": login,
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "bar_id": bar_id,
        "bar_state": bar_state,
        "role": role,
        "case_count": str(case_count),
        "password_hash": "",
    }
    values, problem = court_commands.clean_row(row)
    if problem:
        raise BadCourtLogin(problem)
    with transaction.atomic():
        if CourtLogin.objects.filter(court=court, login__iexact=values["login"]).exists():
            raise BadCourtLogin(
                f"There is already a CM/ECF login {values['login']!r} at this court: "
                "choose another.",
                field="login",
            )
        record = CourtLogin.objects.create(court=court, created_at=clock.now(), **values)
        _issue_reset(record, court, by_clerk=True)
        _record_court_login(
            record, court, actor_id=actor_id, verb="court_login.added", role=record.role
        )
    return record


def _clerk_target(court: Court, court_login_id: int) -> CourtLogin:
    record = CourtLogin.objects.select_for_update().filter(pk=court_login_id, court=court).first()
    if record is None:
        raise NotFound("There is no such CM/ECF login at this court.")
    return record


def set_court_login_disabled(
    *, actor_id: int, court: Court, court_login_id: int, disabled: bool
) -> CourtLogin:
    """The clerk disables (or enables again) a court login; its court sessions end."""
    with transaction.atomic():
        record = _clerk_target(court, court_login_id)
        if record.is_disabled == disabled:
            return record
        record.is_disabled = disabled
        record.save(update_fields=["is_disabled"])
        ended = _end_court_sessions(record, clock.now()) if disabled else 0
        _record_court_login(
            record,
            court,
            actor_id=actor_id,
            verb="court_login.disabled" if disabled else "court_login.enabled",
            sessions_ended=ended,
        )
    return record


def clerk_reset_court_password(*, actor_id: int, court: Court, court_login_id: int) -> CourtLogin:
    """The clerk resets a password: the old one stops working, a reset link is e-mailed."""
    with transaction.atomic():
        record = _clerk_target(court, court_login_id)
        if record.linked_account_id is not None:
            raise BadCourtLogin(
                "This CM/ECF login is linked: its holder signs in with the PACER account, "
                "whose password is reset in Manage My Account."
            )
        record.password = make_password(None)
        record.save(update_fields=["password"])
        ended = _end_court_sessions(record, clock.now())
        _issue_reset(record, court, by_clerk=True)
        _record_court_login(
            record,
            court,
            actor_id=actor_id,
            verb="court_login.password_reset_by_clerk",
            sessions_ended=ended,
        )
    return record


# ---------------------------------------------------------------- filing agents


def associate_filing_agent(
    *, principal: Account, court: Court, agent_username: str, receives_notices: bool = False
) -> FilingAgentAssociation:
    """An attorney (or trustee) associates an approved filing agent at this court."""
    kinds = set(
        FilingPrivilege.objects.filter(
            court=court, account=principal, revoked_at__isnull=True
        ).values_list("kind", flat=True)
    )
    if not kinds & rules.PRINCIPAL_KINDS:
        raise AgentNotAllowed(
            "Only an attorney or trustee with filing privileges at this court can associate "
            "filing agents."
        )
    agent = Account.objects.filter(username__iexact=(agent_username or "").strip()).first()
    approved = (
        agent is not None
        and FilingPrivilege.objects.filter(
            court=court, account=agent, kind="filing_agent", revoked_at__isnull=True
        ).exists()
    )
    if not approved:
        raise AgentNotAllowed(
            f"{agent_username!r} is not an approved filing agent at this court: the agent must "
            "request filing-agent privileges here and be approved by the clerk first.",
            field="agent",
        )
    assert agent is not None
    if agent.pk == principal.pk:
        raise AgentNotAllowed("You cannot be your own filing agent.", field="agent")
    already = AgentAlreadyAssociated(
        f"{agent.full_name} already files for you at this court.", field="agent"
    )
    with transaction.atomic():
        if _live_association(court, principal, agent) is not None:
            raise already
        try:
            with transaction.atomic():  # a savepoint: the same pair added at the same moment
                association = FilingAgentAssociation.objects.create(
                    court=court,
                    principal=principal,
                    agent=agent,
                    created_at=clock.now(),
                    receives_notices=receives_notices,
                )
        except IntegrityError:
            raise already from None
        audit.record(
            actor_id=principal.pk,
            verb="filing_agent.associated",
            subject=f"account:{principal.pk}",
            court_id=court.pk,
            details={"association_id": association.pk, "agent_id": agent.pk},
        )
        outbox.queue_email(
            to=[agent.email],
            subject=f"{court.short_name or court.name}: you may now file for {principal.full_name}",
            text=(
                f"{principal.full_name} made you a filing agent at {court.name}. Filings you "
                f"make for them show {principal.full_name} as the filer.\n"
            ),
            kind="ecf.agent_associated",
            court_id=court.pk,
            account_id=agent.pk,
        )
    return association


def _live_association(
    court: Court, principal: Account, agent: Account
) -> FilingAgentAssociation | None:
    return FilingAgentAssociation.objects.filter(
        court=court, principal=principal, agent=agent, ended_at__isnull=True
    ).first()


def end_filing_agent(
    *, actor: Account, court: Court, association_id: int
) -> FilingAgentAssociation:
    """The principal (or the agent) ends an association."""
    with transaction.atomic():
        association = (
            FilingAgentAssociation.objects.select_for_update()
            .filter(pk=association_id, court=court, ended_at__isnull=True)
            .select_related("principal", "agent")
            .first()
        )
        if association is None or actor.pk not in (
            association.principal_id,
            association.agent_id,
        ):
            raise NotFound("There is no such filing agent association.")
        association.ended_at = clock.now()
        association.save(update_fields=["ended_at"])
        audit.record(
            actor_id=actor.pk,
            verb="filing_agent.ended",
            subject=f"account:{association.principal_id}",
            court_id=court.pk,
            details={"association_id": association.pk, "agent_id": association.agent_id},
        )
        principal, agent = association.principal, association.agent
        subject = f"{court.short_name or court.name}: filing agent association ended"
        outbox.queue_email(
            to=[principal.email],
            subject=subject,
            text=f"{agent.full_name} no longer files for you at {court.name}.\n",
            kind="ecf.agent_ended",
            court_id=court.pk,
            account_id=principal.pk,
        )
        outbox.queue_email(
            to=[agent.email],
            subject=subject,
            text=f"You no longer file for {principal.full_name} at {court.name}.\n",
            kind="ecf.agent_ended",
            court_id=court.pk,
            account_id=agent.pk,
        )
    return association
