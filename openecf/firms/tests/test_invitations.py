"""A PAA invites an existing individual account; the person accepts or declines."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.firms import actions, errors
from openecf.firms.factories import PaaFactory, add_member
from openecf.firms.models import FirmInvitation, FirmMembership
from openecf.tests_support.factories import AccountFactory

NO_MATCH = (
    "No individual PACER account matches that account number and last name. Ask the person "
    "for the 7-digit account number shown in Manage My Account and the last name exactly as "
    "it is on the account."
)


def invite(firm, account_number, last_name="Attorney", remark="Kansas City office", ack=True):
    return actions.invite_member(
        firm=firm,
        actor_id=firm.paa_id,
        account_number=account_number,
        last_name=last_name,
        remark=remark,
        acknowledged=ack,
    )


def nothing_changed():
    assert FirmInvitation.objects.count() == 0
    assert FirmMembership.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert not AuditEvent.objects.filter(verb__startswith="firm.").exists()


def test_an_invitation_is_e_mailed_to_the_person(
    firm, attorney, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(firm, attorney.account_number, last_name="ATTORNEY")
    assert invitation.status == "pending"
    assert invitation.remark == "Kansas City office"
    assert [(m.subject, m.to) for m in mail.outbox] == [
        (
            "PACER: Jefferson & Clay LLP invites you to its PACER Administrative Account",
            [attorney.email],
        )
    ]
    assert "Remark from the firm: Kansas City office" in mail.outbox[0].body
    assert "/firm/invitations/" in mail.outbox[0].body
    rows = AuditEvent.objects.filter(verb="firm.member_invited").order_by("sequence")
    assert [(r.subject, r.actor_id, r.chain) for r in rows] == [
        (f"firm:{firm.pk}", firm.paa_id, "central"),
        (f"account:{attorney.pk}", firm.paa_id, "central"),
    ]
    assert not FirmMembership.objects.exists()


def test_an_unknown_account_number_is_refused_without_revealing_anything(firm, attorney):
    with pytest.raises(errors.NoMatchingAccount) as refused:
        invite(firm, "9999999")
    assert refused.value.message == NO_MATCH
    nothing_changed()


def test_a_wrong_last_name_gets_the_same_message(firm, attorney):
    with pytest.raises(errors.NoMatchingAccount) as refused:
        invite(firm, attorney.account_number, last_name="Lawyer")
    assert refused.value.message == NO_MATCH
    nothing_changed()


def test_a_shared_account_cannot_join(firm):
    shared = AccountFactory(kind="shared", last_name="Research", account_number="3900001")
    with pytest.raises(errors.AccountCannotJoinFirm) as refused:
        invite(firm, "3900001", last_name="Research")
    assert refused.value.message == (
        "Account 3900001 is a shared account: only individual PACER accounts can join a PACER "
        "Administrative Account. The person needs their own individual account."
    )
    assert shared.firm_memberships.count() == 0
    nothing_changed()


def test_another_firms_paa_cannot_join(firm):
    PaaFactory(last_name="Admin", account_number="3900002")
    with pytest.raises(errors.AccountCannotJoinFirm) as refused:
        invite(firm, "3900002", last_name="admin")
    assert refused.value.message.startswith("Account 3900002 is an administrative account:")
    nothing_changed()


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"ack": False},
            "acknowledged",
            "Tick the acknowledgement: the firm's PAA will be billed for this person's PACER "
            "access fees and will see their usage once they accept.",
        ),
        (
            {"remark": "  "},
            "remark",
            "Enter a brief remark (for example the person's office or the reason).",
        ),
    ],
)
def test_the_acknowledgement_and_a_remark_are_required(firm, attorney, kwargs, field, message):
    with pytest.raises(InputInvalid) as refused:
        invite(firm, attorney.account_number, **kwargs)
    assert (refused.value.field, refused.value.message) == (field, message)
    nothing_changed()


def test_a_member_of_this_firm_is_not_invited_again(firm, attorney):
    add_member(firm, attorney)
    with pytest.raises(errors.AlreadyAMember) as refused:
        invite(firm, attorney.account_number)
    assert refused.value.message == (
        f"Alice Attorney ({attorney.account_number}) is already a member of your firm's PAA."
    )
    assert FirmInvitation.objects.count() == 1
    assert OutboundEmail.objects.count() == 0


def test_a_member_of_another_firm_must_leave_it_first(firm, other_firm, attorney):
    add_member(other_firm, attorney)
    with pytest.raises(errors.BelongsToAnotherFirm) as refused:
        invite(firm, attorney.account_number)
    assert refused.value.message == (
        f"Alice Attorney ({attorney.account_number}) belongs to another firm's PAA: they must "
        "leave it first (Manage My Account → Firm), then you can invite them."
    )
    assert "Kessler" not in refused.value.message
    assert FirmInvitation.objects.filter(firm=firm).count() == 0
    assert OutboundEmail.objects.count() == 0


def test_a_second_invitation_while_one_is_pending_is_refused(firm, attorney):
    invite(firm, attorney.account_number)
    emails = OutboundEmail.objects.count()
    with pytest.raises(errors.InvitationAlreadyPending) as refused:
        invite(firm, attorney.account_number)
    assert refused.value.message == (
        f"Alice Attorney ({attorney.account_number}) already has an invitation from your firm "
        "waiting for an answer."
    )
    assert FirmInvitation.objects.count() == 1
    assert OutboundEmail.objects.count() == emails


def test_accepting_links_the_account_and_tells_the_firm(
    firm, attorney, django_capture_on_commit_callbacks
):
    invitation = invite(firm, attorney.account_number)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership = actions.accept_invitation(account=attorney, invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert invitation.decided_at is not None
    assert membership.firm == firm and membership.ended_at is None
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("PACER: Alice Attorney joined Jefferson & Clay LLP's PAA", [firm.paa.email])
    ]
    assert AuditEvent.objects.filter(verb="firm.invitation_accepted").count() == 2


def test_declining_tells_the_firm_and_links_nothing(
    firm, attorney, django_capture_on_commit_callbacks
):
    invitation = invite(firm, attorney.account_number)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.decline_invitation(account=attorney, invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert not FirmMembership.objects.exists()
    assert [m.subject for m in mail.outbox] == [
        "PACER: Alice Attorney declined Jefferson & Clay LLP's invitation"
    ]


def test_a_person_in_another_firm_cannot_accept_until_they_leave(firm, other_firm, attorney):
    invitation = invite(firm, attorney.account_number)
    add_member(other_firm, attorney)
    emails = OutboundEmail.objects.count()
    with pytest.raises(errors.BelongsToAnotherFirm) as refused:
        actions.accept_invitation(account=attorney, invitation_id=invitation.pk)
    assert refused.value.message == (
        "You belong to Kessler Webb LLP's PACER Administrative Account: leave it first, then "
        "accept Jefferson & Clay LLP's invitation."
    )
    invitation.refresh_from_db()
    assert invitation.status == "pending"
    assert FirmMembership.objects.filter(firm=firm).count() == 0
    assert OutboundEmail.objects.count() == emails


def test_nobody_else_can_answer_an_invitation(firm, attorney, public_user):
    invitation = invite(firm, attorney.account_number)
    with pytest.raises(NotFound):
        actions.accept_invitation(account=public_user, invitation_id=invitation.pk)
    with pytest.raises(NotFound):
        actions.decline_invitation(account=public_user, invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_an_answered_invitation_cannot_be_answered_again(firm, attorney):
    invitation = invite(firm, attorney.account_number)
    actions.decline_invitation(account=attorney, invitation_id=invitation.pk)
    with pytest.raises(errors.InvitationAlreadyAnswered) as refused:
        actions.accept_invitation(account=attorney, invitation_id=invitation.pk)
    assert refused.value.message == (
        "This invitation from Jefferson & Clay LLP is no longer waiting for an answer (declined)."
    )
    assert not FirmMembership.objects.exists()


def test_the_firm_can_cancel_a_pending_invitation(firm, attorney):
    invitation = invite(firm, attorney.account_number)
    actions.cancel_invitation(firm=firm, actor_id=firm.paa_id, invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"
    with pytest.raises(errors.InvitationAlreadyAnswered):
        actions.accept_invitation(account=attorney, invitation_id=invitation.pk)
    with pytest.raises(errors.InvitationAlreadyAnswered):
        actions.cancel_invitation(firm=firm, actor_id=firm.paa_id, invitation_id=invitation.pk)


def test_a_firm_cannot_cancel_another_firms_invitation(firm, other_firm, attorney):
    invitation = invite(firm, attorney.account_number)
    with pytest.raises(NotFound):
        actions.cancel_invitation(
            firm=other_firm, actor_id=other_firm.paa_id, invitation_id=invitation.pk
        )
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_a_legacy_account_can_be_invited(firm, legacy_attorney):
    invitation = invite(firm, legacy_attorney.account_number, last_name="legacy")
    assert invitation.account == legacy_attorney


TOO_MANY = (
    "Your firm has tried 20 invitations this hour, the most allowed: wait until the next hour "
    "and try again. Check each account number and last name with the person before inviting."
)


def test_every_attempt_counts_and_the_twenty_first_in_an_hour_is_refused(firm, attorney):
    for _ in range(20):  # refused attempts count too: they could be used to try numbers
        with pytest.raises(errors.NoMatchingAccount):
            invite(firm, "9999999")
    with pytest.raises(errors.TooManyInvitations) as refused:
        invite(firm, attorney.account_number)
    assert refused.value.message == TOO_MANY
    assert refused.value.status == 429
    nothing_changed()


def test_the_invitation_limit_is_per_firm_and_per_hour(firm, other_firm, attorney):
    for _ in range(20):
        with pytest.raises(errors.NoMatchingAccount):
            invite(firm, "9999999")
    assert invite(other_firm, attorney.account_number).firm == other_firm
    FirmInvitation.objects.all().delete()
    with time_machine.travel(clock.now() + timedelta(hours=1)):
        assert invite(firm, attorney.account_number).firm == firm


def test_the_api_answers_429_past_the_invitation_limit(firm, attorney, signed_in):
    client = signed_in(firm.paa)
    payload = {"account_number": "9999999", "last_name": "Attorney", "remark": "KC"}
    for _ in range(20):
        client.post(
            "/api/v1/firms/me/invitations",
            json.dumps({**payload, "acknowledged": True}),
            content_type="application/json",
        )
    response = client.post(
        "/api/v1/firms/me/invitations",
        json.dumps({**payload, "account_number": attorney.account_number, "acknowledged": True}),
        content_type="application/json",
    )
    assert response.status_code == 429
    assert response.json() == {"error": {"code": "throttled", "message": TOO_MANY}}
    assert not FirmInvitation.objects.exists()
