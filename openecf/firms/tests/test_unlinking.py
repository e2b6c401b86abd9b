"""Either side can unlink at any time; both are e-mailed."""

import pytest
from django.core import mail

from openecf.core.errors import InputInvalid, NotFound
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.firms import actions
from openecf.firms.factories import add_member
from openecf.firms.models import FirmMembership


def test_the_firm_unlinks_a_member_and_both_are_e_mailed(
    firm, attorney, django_capture_on_commit_callbacks
):
    add_member(firm, attorney)
    with django_capture_on_commit_callbacks(execute=True):
        membership = actions.remove_member(
            firm=firm,
            actor_id=firm.paa_id,
            account_number=attorney.account_number,
            remark="Left the firm",
        )
    assert membership.ended_by == "firm"
    assert membership.end_remark == "Left the firm"
    assert membership.ended_at is not None
    assert sorted((m.subject, m.to[0]) for m in mail.outbox) == sorted(
        [
            ("PACER: your account was unlinked from Jefferson & Clay LLP's PAA", attorney.email),
            ("PACER: Alice Attorney was unlinked from Jefferson & Clay LLP's PAA", firm.paa.email),
        ]
    )
    assert all("Remark: Left the firm" in m.body for m in mail.outbox)
    assert sorted(
        AuditEvent.objects.filter(verb="firm.member_unlinked").values_list("subject", flat=True)
    ) == sorted([f"firm:{firm.pk}", f"account:{attorney.pk}"])


def test_the_member_leaves_and_both_are_e_mailed(
    firm, attorney, django_capture_on_commit_callbacks
):
    add_member(firm, attorney)
    with django_capture_on_commit_callbacks(execute=True):
        membership = actions.leave_firm(account=attorney, remark="Moving to St. Louis")
    assert membership.ended_by == "member"
    assert len(mail.outbox) == 2
    assert {m.to[0] for m in mail.outbox} == {attorney.email, firm.paa.email}
    assert "Unlinked by Alice Attorney" in mail.outbox[0].body


def test_after_leaving_the_person_can_join_another_firm(firm, other_firm, attorney):
    add_member(firm, attorney)
    actions.leave_firm(account=attorney, remark="Moving")
    invitation = actions.invite_member(
        firm=other_firm,
        actor_id=other_firm.paa_id,
        account_number=attorney.account_number,
        last_name="Attorney",
        remark="New hire",
        acknowledged=True,
    )
    membership = actions.accept_invitation(account=attorney, invitation_id=invitation.pk)
    assert membership.firm == other_firm
    assert FirmMembership.objects.filter(account=attorney).count() == 2
    assert FirmMembership.objects.filter(account=attorney, ended_at__isnull=True).count() == 1


def test_unlinking_needs_a_remark(firm, attorney):
    add_member(firm, attorney)
    with pytest.raises(InputInvalid):
        actions.remove_member(
            firm=firm, actor_id=firm.paa_id, account_number=attorney.account_number, remark=""
        )
    with pytest.raises(InputInvalid):
        actions.leave_firm(account=attorney, remark=" ")
    assert FirmMembership.objects.get().ended_at is None
    assert OutboundEmail.objects.count() == 0


def test_a_firm_cannot_unlink_someone_elses_member(firm, other_firm, attorney):
    add_member(other_firm, attorney)
    with pytest.raises(NotFound) as refused:
        actions.remove_member(
            firm=firm, actor_id=firm.paa_id, account_number=attorney.account_number, remark="x"
        )
    assert refused.value.message == (
        f"Account {attorney.account_number} is not a member of your firm's PAA."
    )
    assert FirmMembership.objects.get().ended_at is None


def test_leaving_without_a_firm_is_refused(public_user):
    with pytest.raises(NotFound) as refused:
        actions.leave_firm(account=public_user, remark="x")
    assert refused.value.message == (
        "Your account is not linked to any firm's PACER Administrative Account."
    )


def test_the_database_allows_one_live_membership_per_account(firm, other_firm, attorney):
    from django.db import IntegrityError, transaction

    add_member(firm, attorney)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_member(other_firm, attorney)
