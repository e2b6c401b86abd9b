"""Firms in the JSON API: register a PAA, invite and unlink members, answer invitations."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status

from openecf.core.api_auth import signed_in
from openecf.core.records import copy_of
from openecf.core.web import source_address
from openecf.firms import access, actions, queries
from openecf.firms.models import Firm, FirmInvitation, FirmMembership

router = Router(tags=["firms"])


class RegisterIn(Schema):
    firm_name: str
    contact_first_name: str
    contact_last_name: str
    contact_phone: str = ""
    email: str
    username: str
    password: str


class FirmOut(Schema):
    firm_id: int
    name: str
    paa_account_number: str
    paa_username: str
    contact_name: str
    member_count: int
    readiness_courts: list[str]


class InviteIn(Schema):
    account_number: str
    last_name: str
    remark: str
    acknowledged: bool = False


class InvitationOut(Schema):
    invitation_id: int
    firm_id: int
    firm_name: str
    account_number: str
    name: str
    remark: str
    status: str
    created_at: datetime
    decided_at: datetime | None


class MemberOut(Schema):
    account_number: str
    username: str
    name: str
    joined_at: datetime


class MembershipOut(Schema):
    firm_id: int
    firm_name: str
    account_number: str
    joined_at: datetime
    ended_at: datetime | None
    ended_by: str
    remark: str


class RemarkIn(Schema):
    remark: str


def firm_out(firm: Firm) -> FirmOut:
    return FirmOut(
        firm_id=firm.pk,
        name=firm.name,
        paa_account_number=firm.paa.account_number,
        paa_username=firm.paa.username,
        contact_name=firm.contact_name,
        member_count=queries.members(firm).count(),
        readiness_courts=sorted(firm.readiness_courts.values_list("pk", flat=True)),
    )


def invitation_out(invitation: FirmInvitation) -> InvitationOut:
    return copy_of(
        InvitationOut,
        invitation,
        invitation_id=invitation.pk,
        firm_name=invitation.firm.name,
        account_number=invitation.account.account_number,
        name=invitation.account.full_name,
    )


def membership_out(membership: FirmMembership) -> MembershipOut:
    return copy_of(
        MembershipOut,
        membership,
        firm_name=membership.firm.name,
        account_number=membership.account.account_number,
        remark=membership.end_remark,
    )


@router.post(
    "",
    response={201: FirmOut},
    summary="Register a firm's PACER Administrative Account",
    description=(
        "Creates the firm and its administrative-only PACER account (no sign-in needed). The "
        "account signs in once the verification link e-mailed to it is used. At most 5 "
        "registrations an hour per e-mail address and 20 per source address (429)."
    ),
)
def register_firm(request: HttpRequest, payload: RegisterIn):
    firm = actions.register_firm(**payload.dict(), source_address=source_address(request))
    return Status(201, firm_out(firm))


@router.get("/me", response=FirmOut, auth=signed_in, summary="The firm of the signed-in PAA")
def my_firm(request: HttpRequest) -> FirmOut:
    return firm_out(access.require_firm_administrator(request.account))


@router.post(
    "/me/invitations",
    response={201: InvitationOut},
    auth=signed_in,
    summary="Invite an existing individual account (account number + last name)",
    description=(
        "At most 20 invitation attempts an hour per firm, refused ones included; past that, "
        "429 with code `throttled`."
    ),
)
def invite(request: HttpRequest, payload: InviteIn):
    firm = access.require_firm_administrator(request.account)
    invitation = actions.invite_member(firm=firm, actor_id=request.account.pk, **payload.dict())
    return Status(201, invitation_out(invitation))


@router.get(
    "/me/invitations",
    response=list[InvitationOut],
    auth=signed_in,
    summary="The firm's invitations waiting for an answer",
)
def firm_invitations(request: HttpRequest) -> list[InvitationOut]:
    firm = access.require_firm_administrator(request.account)
    return [invitation_out(i) for i in queries.pending_invitations_of_firm(firm)]


@router.delete(
    "/me/invitations/{invitation_id}",
    response=InvitationOut,
    auth=signed_in,
    summary="Cancel an invitation not answered yet",
)
def cancel_invitation(request: HttpRequest, invitation_id: int) -> InvitationOut:
    firm = access.require_firm_administrator(request.account)
    return invitation_out(
        actions.cancel_invitation(
            firm=firm, actor_id=request.account.pk, invitation_id=invitation_id
        )
    )


@router.get(
    "/me/members", response=list[MemberOut], auth=signed_in, summary="The firm's current members"
)
def members(request: HttpRequest) -> list[MemberOut]:
    firm = access.require_firm_administrator(request.account)
    return [
        MemberOut(
            account_number=m.account.account_number,
            username=m.account.username,
            name=m.account.full_name,
            joined_at=m.joined_at,
        )
        for m in queries.members(firm)
    ]


@router.delete(
    "/me/members/{account_number}",
    response=MembershipOut,
    auth=signed_in,
    summary="Unlink a member from the firm's PAA (both are e-mailed)",
)
def remove_member(request: HttpRequest, account_number: str, payload: RemarkIn) -> MembershipOut:
    firm = access.require_firm_administrator(request.account)
    membership = actions.remove_member(
        firm=firm,
        actor_id=request.account.pk,
        account_number=account_number,
        remark=payload.remark,
    )
    return membership_out(membership)


@router.get(
    "/invitations",
    response=list[InvitationOut],
    auth=signed_in,
    summary="Invitations waiting for the signed-in person's answer",
)
def my_invitations(request: HttpRequest) -> list[InvitationOut]:
    person = access.require_person(request.account)
    return [invitation_out(i) for i in queries.pending_invitations_for(person.pk)]


@router.post(
    "/invitations/{invitation_id}/accept",
    response=MembershipOut,
    auth=signed_in,
    summary="Accept an invitation: join the firm's PAA",
)
def accept(request: HttpRequest, invitation_id: int) -> MembershipOut:
    person = access.require_person(request.account)
    return membership_out(actions.accept_invitation(account=person, invitation_id=invitation_id))


@router.post(
    "/invitations/{invitation_id}/decline",
    response=InvitationOut,
    auth=signed_in,
    summary="Decline an invitation",
)
def decline(request: HttpRequest, invitation_id: int) -> InvitationOut:
    person = access.require_person(request.account)
    return invitation_out(actions.decline_invitation(account=person, invitation_id=invitation_id))


@router.get(
    "/membership",
    response={200: MembershipOut},
    auth=signed_in,
    summary="The signed-in person's current firm membership (404 if none)",
)
def my_membership(request: HttpRequest):
    from openecf.core.errors import NotFound

    person = access.require_person(request.account)
    membership = queries.live_membership(person.pk)
    if membership is None:
        raise NotFound("Your account is not linked to any firm's PACER Administrative Account.")
    return membership_out(membership)


@router.post(
    "/membership/leave",
    response=MembershipOut,
    auth=signed_in,
    summary="Unlink your own account from the firm's PAA (both are e-mailed)",
)
def leave(request: HttpRequest, payload: RemarkIn) -> MembershipOut:
    person = access.require_person(request.account)
    return membership_out(actions.leave_firm(account=person, remark=payload.remark))
