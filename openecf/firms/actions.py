"""Every write to firms: keyword-only, one transaction, audit rows, e-mail after commit.

Actions that concern a firm and a person write the firm's row (subject ``firm:<id>``) and the
person's row (subject ``account:<id>``) on the central chain, so both histories show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.urls import reverse

from openecf.accounts import facade as accounts
from openecf.core import audit, clock, throttle
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.letters import Letter
from openecf.core.links import absolute
from openecf.core.locks import lock_found
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.firms import letters, rules
from openecf.firms.errors import (
    AccountCannotJoinFirm,
    AlreadyAMember,
    BelongsToAnotherFirm,
    InvitationAlreadyAnswered,
    InvitationAlreadyPending,
    NoMatchingAccount,
    TooManyInvitations,
)
from openecf.firms.models import Firm, FirmInvitation, FirmMembership

if TYPE_CHECKING:
    from openecf.accounts.models import Account

PACER_ZONE = "America/Chicago"  # the PACER Service Center's day
INVITATIONS_PER_HOUR = 20  # per firm, every attempt counted (matched or not)


def _url(name: str) -> str:
    """The full address of the page named ``name``, for an e-mail."""
    return absolute(reverse(name))


def _record_both(
    *, actor_id: int | None, verb: str, firm: Firm, account_id: int, details: dict
) -> None:
    audit.record(
        actor_id=actor_id,
        verb=verb,
        subject=audit.Subject("firm", firm.pk),
        details={"account": account_id, **details},
    )
    audit.record(
        actor_id=actor_id,
        verb=verb,
        subject=audit.Subject("account", account_id),
        details={"firm": firm.pk, **details},
    )


# Registering a PACER Administrative Account ------------------------------------------------


def register_firm(
    *,
    firm_name: str,
    contact_first_name: str,
    contact_last_name: str,
    contact_phone: str = "",
    email: str,
    username: str,
    password: str,
    source_address: str | None = None,
) -> Firm:
    """Create the firm and its PACER Administrative Account (administrative only).

    The PAA waits for e-mail verification like every new account: it signs in once the
    e-mailed link is used. Registrations are throttled per e-mail address and per source
    address (accounts' ``count_request``: 5 and 20 an hour).
    """
    first = rules.squeeze(contact_first_name)
    last = rules.squeeze(contact_last_name)
    address = (email or "").strip()
    login = (username or "").strip()
    InputInvalid.raise_if(
        rules.firm_registration_problems(
            firm_name=firm_name,
            contact_first_name=first,
            contact_last_name=last,
            email=address,
            username=login,
            password=password,
        )
    )
    name = rules.squeeze(firm_name)
    accounts.count_request(kind="firm-register", email=address, source_address=source_address)
    now = clock.now()
    with durable_action():
        paa = accounts.create_administrative_account(  # UsernameTaken when taken meanwhile
            username=login,
            password=password,
            email=address,
            first_name=first,
            last_name=last,
            phone=rules.squeeze(contact_phone)[:40],
            now=now,
        )
        firm = Firm.objects.create(
            name=name,
            paa_id=paa.id,
            contact_name=f"{first} {last}",
            contact_phone=paa.phone,
            created_at=now,
        )
        audit.record(
            actor_id=paa.id,
            verb="firm.registered",
            subject=audit.Subject("firm", firm.pk),
            details={
                "name": name,
                "paa": paa.id,
                "account_number": paa.account_number,
                "source": source_address,
            },
        )
        # The same link accounts sends a person who registers: 48 hours, makes the PAA active.
        queue_letter(
            letters.paa_registered(
                contact=f"{first} {last}",
                firm_name=name,
                account_number=paa.account_number,
                username=login,
                verify_link=accounts.issue_email_verification(account_id=paa.id),
                firm_url=_url("firms:home"),
            ),
            to=[address],
            kind="firms.registered",
            account_id=paa.id,
        )
    return firm


# Invitations --------------------------------------------------------------------------------


def _count_invitation_attempt(firm: Firm) -> None:
    """Count one invitation attempt for the firm; refuse past INVITATIONS_PER_HOUR.

    Every attempt counts, matched or refused, so the refusals cannot be used to try account
    numbers. Runs in its own transaction so the count stays when the attempt is then refused.
    """
    within = throttle.count_attempt(
        key=f"firms:invite:firm:{firm.pk}",
        limit=INVITATIONS_PER_HOUR,
        window=timedelta(hours=1),
        now=clock.now(),
    )
    if not within:
        raise TooManyInvitations(
            f"Your firm has tried {INVITATIONS_PER_HOUR} invitations this hour, the most "
            "allowed: wait until the next hour and try again. Check each account number and "
            "last name with the person before inviting."
        )


def invite_member(
    *,
    firm: Firm,
    actor_id: int,
    account_number: str,
    last_name: str,
    remark: str,
    acknowledged: bool,
) -> FirmInvitation:
    """Ask an existing individual account to join the firm's PAA; the person must accept."""
    InputInvalid.raise_if(
        {
            "acknowledged": []
            if acknowledged
            else [
                "Tick the acknowledgement: the firm's PAA will be billed for this person's "
                "PACER access fees and will see their usage once they accept."
            ],
            "account_number": rules.account_number_problems(account_number),
            "remark": rules.remark_problems(remark),
        }
    )
    note = rules.squeeze(remark)
    number = rules.account_number(account_number)
    _count_invitation_attempt(firm)
    with durable_action():
        person = accounts.lock_person_by_number(account_number=number)
        if person is None or not rules.last_name_matches(last_name, person.last_name):
            raise NoMatchingAccount()
        if person.kind != accounts.AccountKind.INDIVIDUAL:
            kind = "a shared" if person.kind == accounts.AccountKind.SHARED else "an administrative"
            raise AccountCannotJoinFirm(
                f"Account {number} is {kind} account: only individual PACER accounts can join "
                "a PACER Administrative Account. The person needs their own individual account.",
                field="account_number",
            )
        membership = FirmMembership.objects.filter(
            account_id=person.id, ended_at__isnull=True
        ).first()
        if membership is not None and membership.firm_id == firm.pk:
            raise AlreadyAMember(
                f"{person.full_name} ({number}) is already a member of your firm's PAA.",
                field="account_number",
            )
        if membership is not None:
            raise BelongsToAnotherFirm(
                f"{person.full_name} ({number}) belongs to another firm's PAA: they must leave "
                "it first (Manage My Account → Firm), then you can invite them.",
                field="account_number",
            )
        if FirmInvitation.objects.filter(
            firm=firm, account_id=person.id, status=FirmInvitation.Status.PENDING
        ).exists():
            raise InvitationAlreadyPending(
                f"{person.full_name} ({number}) already has an invitation from your firm "
                "waiting for an answer.",
                field="account_number",
            )
        invitation = FirmInvitation.objects.create(
            firm=firm, account_id=person.id, remark=note, created_at=clock.now()
        )
        _record_both(
            actor_id=actor_id,
            verb="firm.member_invited",
            firm=firm,
            account_id=person.id,
            details={"invitation": invitation.pk, "remark": note},
        )
        queue_letter(
            letters.invitation(
                person=person.full_name,
                firm_name=firm.name,
                account_number=person.account_number,
                remark=note,
                invitations_url=_url("firms:invitations"),
            ),
            to=[person.email],
            kind="firms.invited",
            account_id=person.id,
        )
    return invitation


def _locked_invitation_for(account: Account, invitation_id: int) -> FirmInvitation:
    invitation = lock_found(
        FirmInvitation.objects.select_related("firm", "firm__paa").filter(
            pk=invitation_id, account=account
        ),
        missing="There is no such invitation for your account.",
    )
    if invitation.status != FirmInvitation.Status.PENDING:
        raise InvitationAlreadyAnswered(
            f"This invitation from {invitation.firm.name} is no longer waiting for an answer "
            f"({invitation.get_status_display().lower()})."
        )
    return invitation


def accept_invitation(*, account: Account, invitation_id: int) -> FirmMembership:
    """The person joins the firm's PAA (one PAA at a time)."""
    now = clock.now()
    with durable_action():
        accounts.lock_person(account_id=account.pk)
        invitation = _locked_invitation_for(account, invitation_id)
        firm = invitation.firm
        current = (
            FirmMembership.objects.select_related("firm")
            .filter(account=account, ended_at__isnull=True)
            .first()
        )
        if current is not None:
            raise BelongsToAnotherFirm(
                f"You belong to {current.firm.name}'s PACER Administrative Account: leave it "
                f"first, then accept {firm.name}'s invitation."
            )
        FirmInvitation.objects.filter(pk=invitation.pk).update(
            status=FirmInvitation.Status.ACCEPTED, decided_at=now
        )
        try:
            with transaction.atomic():
                membership = FirmMembership.objects.create(
                    firm=firm, account=account, invitation=invitation, joined_at=now
                )
        except IntegrityError:  # joined another firm at the same moment
            raise BelongsToAnotherFirm(
                "You already belong to a firm's PACER Administrative Account: leave it first."
            ) from None
        _answered(
            account,
            invitation,
            "accepted",
            letters.invitation_accepted(
                person=account.full_name,
                account_number=account.account_number,
                firm_name=firm.name,
                readiness_url=_url("readiness:readiness"),
            ),
        )
    return membership


def _answered(account: Account, invitation: FirmInvitation, answer: str, letter: Letter) -> None:
    """The person ``answer``-ed (accepted, declined) ``invitation``: audited on the firm and
    the person, and the firm's PAA is sent ``letter``."""
    firm = invitation.firm
    _record_both(
        actor_id=account.pk,
        verb=f"firm.invitation_{answer}",
        firm=firm,
        account_id=account.pk,
        details={"invitation": invitation.pk},
    )
    queue_letter(
        letter, to=[firm.paa.email], kind=f"firms.invitation_{answer}", account_id=account.pk
    )


def decline_invitation(*, account: Account, invitation_id: int) -> FirmInvitation:
    now = clock.now()
    with durable_action():
        invitation = _locked_invitation_for(account, invitation_id)
        invitation.status = FirmInvitation.Status.DECLINED
        invitation.decided_at = now
        invitation.save(update_fields=["status", "decided_at"])
        _answered(
            account,
            invitation,
            "declined",
            letters.invitation_declined(
                person=account.full_name,
                account_number=account.account_number,
                firm_name=invitation.firm.name,
            ),
        )
    return invitation


def cancel_invitation(*, firm: Firm, actor_id: int, invitation_id: int) -> FirmInvitation:
    """The firm withdraws an invitation the person has not answered yet."""
    now = clock.now()
    with durable_action():
        invitation = lock_found(
            FirmInvitation.objects.select_related("account").filter(pk=invitation_id, firm=firm),
            missing="Your firm has no such invitation.",
        )
        if invitation.status != FirmInvitation.Status.PENDING:
            raise InvitationAlreadyAnswered(
                "This invitation is no longer waiting for an answer "
                f"({invitation.get_status_display().lower()})."
            )
        invitation.status = FirmInvitation.Status.CANCELLED
        invitation.decided_at = now
        invitation.save(update_fields=["status", "decided_at"])
        _record_both(
            actor_id=actor_id,
            verb="firm.invitation_cancelled",
            firm=firm,
            account_id=invitation.account_id,
            details={"invitation": invitation.pk},
        )
    return invitation


# Unlinking ------------------------------------------------------------------------------------


def _end_membership(
    *, membership: FirmMembership, actor_id: int, ended_by: str, remark: str
) -> FirmMembership:
    now = clock.now()
    firm = membership.firm
    person = membership.account
    updated = FirmMembership.objects.filter(pk=membership.pk, ended_at__isnull=True).update(
        ended_at=now, ended_by=ended_by, end_remark=remark
    )
    if not updated:  # pragma: no cover - the row was locked by the caller
        raise NotFound("That membership already ended.")
    membership.refresh_from_db()
    _record_both(
        actor_id=actor_id,
        verb="firm.member_unlinked",
        firm=firm,
        account_id=person.pk,
        details={"ended_by": ended_by, "remark": remark},
    )
    unlinking = letters.Unlinking(
        person=person.full_name,
        account_number=person.account_number,
        firm_name=firm.name,
        by="the firm" if ended_by == FirmMembership.EndedBy.FIRM else person.full_name,
        day=clock.in_zone(now, PACER_ZONE).date(),
        remark=remark,
    )
    queue_letter(
        letters.unlinked_to_member(unlinking),
        to=[person.email],
        kind="firms.member_unlinked",
        account_id=person.pk,
    )
    queue_letter(
        letters.unlinked_to_firm(unlinking),
        to=[firm.paa.email],
        kind="firms.member_unlinked",
        account_id=person.pk,
    )
    return membership


def remove_member(*, firm: Firm, actor_id: int, account_number: str, remark: str) -> FirmMembership:
    """The firm unlinks a member (e.g. an attorney who left)."""
    InputInvalid.raise_if(
        {
            "account_number": rules.account_number_problems(account_number),
            "remark": rules.remark_problems(remark),
        }
    )
    note = rules.squeeze(remark)
    number = rules.account_number(account_number)
    with durable_action():
        membership = lock_found(
            FirmMembership.objects.select_related("firm", "firm__paa", "account").filter(
                firm=firm, account__account_number=number, ended_at__isnull=True
            ),
            missing=f"Account {number} is not a member of your firm's PAA.",
        )
        return _end_membership(
            membership=membership, actor_id=actor_id, ended_by="firm", remark=note
        )


def leave_firm(*, account: Account, remark: str) -> FirmMembership:
    """The member unlinks their own account from the firm's PAA."""
    InputInvalid.raise_if({"remark": rules.remark_problems(remark)})
    note = rules.squeeze(remark)
    with durable_action():
        membership = lock_found(
            FirmMembership.objects.select_related("firm", "firm__paa", "account").filter(
                account=account, ended_at__isnull=True
            ),
            missing="Your account is not linked to any firm's PACER Administrative Account.",
        )
        return _end_membership(
            membership=membership, actor_id=account.pk, ended_by="member", remark=note
        )


# Settings -------------------------------------------------------------------------------------


def choose_readiness_courts(*, firm: Firm, actor_id: int, court_ids: Sequence[str]) -> Firm:
    """The courts the firm's readiness page checks (at most 20)."""
    wanted = sorted({c.strip().lower() for c in court_ids if c and c.strip()})
    if len(wanted) > 20:
        raise InputInvalid({"courts": "Choose at most 20 courts."})
    found = set(Court.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise InputInvalid(
            {
                "courts": f"There is no court {unknown[0]!r}: use CM/ECF court ids such as mowd "
                "or mowb."
            }
        )
    with durable_action():
        locked = Firm.objects.select_for_update().get(pk=firm.pk)
        before = sorted(locked.readiness_courts.values_list("pk", flat=True))
        if before != wanted:
            locked.readiness_courts.set(Court.objects.filter(pk__in=wanted))
            audit.record(
                actor_id=actor_id,
                verb="firm.readiness_courts_chosen",
                subject=audit.Subject("firm", firm.pk),
                details={"before": before, "after": wanted},
            )
    return locked


def set_client_code_rule(*, firm: Firm, actor_id: int, required: bool) -> Firm:
    """Whether the firm's members must give a client code before PACER charges them."""
    with durable_action():
        locked = Firm.objects.select_for_update().get(pk=firm.pk)
        if locked.client_code_required != required:
            locked.client_code_required = required
            locked.save(update_fields=["client_code_required"])
            audit.record(
                actor_id=actor_id,
                verb="firm.client_code_rule_set",
                subject=audit.Subject("firm", firm.pk),
                details={"required": required},
            )
    return locked
