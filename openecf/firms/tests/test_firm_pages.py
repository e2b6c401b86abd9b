"""The firm's PAA Maintenance page and the person's invitations page."""

import pytest
from django.core import mail
from django.test import Client

from openecf.firms.factories import PaaFactory, add_member, pending_invitation
from openecf.firms.models import FirmInvitation, FirmMembership
from openecf.tests_support.signon import assert_asks_to_sign_in


def test_the_paa_sees_its_members_and_pending_invitations(
    signed_in, firm, attorney, legacy_attorney
):
    add_member(firm, attorney)
    pending_invitation(firm, legacy_attorney, remark="Springfield")
    page = signed_in(firm.paa).get("/firm/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "PAA Maintenance: Jefferson &amp; Clay LLP" in text
    assert "Members (1)" in text
    assert attorney.account_number in text
    assert "Larry Legacy" in text


def test_the_paa_invites_through_the_page(
    signed_in, firm, attorney, django_capture_on_commit_callbacks
):
    client = signed_in(firm.paa)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/firm/invite/",
            {
                "account_number": attorney.account_number,
                "last_name": "attorney",
                "remark": "KC office",
                "acknowledged": "on",
            },
        )
    assert response.status_code == 302
    assert FirmInvitation.objects.get().account == attorney
    assert len(mail.outbox) == 1


def test_a_refused_invitation_shows_the_reason_on_the_form(signed_in, firm, attorney):
    response = signed_in(firm.paa).post(
        "/firm/invite/",
        {
            "account_number": attorney.account_number,
            "last_name": "Nobody",
            "remark": "x",
            "acknowledged": "on",
        },
    )
    assert response.status_code == 400
    assert "No individual PACER account matches that account number and last name." in (
        response.content.decode()
    )
    assert FirmInvitation.objects.count() == 0


def test_the_paa_removes_a_member_through_the_page(signed_in, firm, attorney):
    add_member(firm, attorney)
    response = signed_in(firm.paa).post(
        f"/firm/members/{attorney.account_number}/remove/", {"remark": "Left"}
    )
    assert response.status_code == 302
    assert FirmMembership.objects.get().ended_by == "firm"


def test_the_paa_cancels_an_invitation_through_the_page(signed_in, firm, attorney):
    invitation = pending_invitation(firm, attorney)
    response = signed_in(firm.paa).post(f"/firm/invitations/{invitation.pk}/cancel/")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"


def test_the_person_accepts_on_the_invitations_page(signed_in, firm, attorney):
    invitation = pending_invitation(firm, attorney, remark="KC office")
    client = signed_in(attorney)
    page = client.get("/firm/invitations/")
    assert "Jefferson &amp; Clay LLP</strong> asks to add your account" in page.content.decode()
    assert client.post(f"/firm/invitations/{invitation.pk}/accept/").status_code == 302
    page = client.get("/firm/invitations/")
    assert "linked to <strong>Jefferson &amp; Clay LLP</strong>" in page.content.decode()


def test_the_person_declines_on_the_invitations_page(signed_in, firm, attorney):
    invitation = pending_invitation(firm, attorney, remark="KC office")
    assert (
        signed_in(attorney).post(f"/firm/invitations/{invitation.pk}/decline/").status_code == 302
    )
    invitation.refresh_from_db()
    assert invitation.status == "declined"


def test_the_person_leaves_on_the_invitations_page(signed_in, firm, attorney):
    add_member(firm, attorney)
    response = signed_in(attorney).post("/firm/membership/leave/", {"remark": "Moving"})
    assert response.status_code == 302
    assert FirmMembership.objects.get().ended_by == "member"


def test_someone_elses_invitation_looks_missing(signed_in, firm, attorney, public_user):
    invitation = pending_invitation(firm, attorney)
    assert (
        signed_in(public_user).post(f"/firm/invitations/{invitation.pk}/accept/").status_code == 404
    )
    invitation.refresh_from_db()
    assert invitation.status == "pending"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in():
    assert_asks_to_sign_in("/firm/")
    assert_asks_to_sign_in("/firm/invitations/")
    assert Client().post("/firm/invite/", {}).status_code == 302


@pytest.mark.parametrize("persona", ["attorney", "public_user", "clerk", "operator"])
def test_individual_accounts_get_their_invitations_page_not_the_firm(
    request, signed_in, firm, persona
):
    account = request.getfixturevalue(persona)
    client = signed_in(account)
    assert client.get("/firm/")["Location"] == "/firm/invitations/"
    assert client.post("/firm/invite/", {}).status_code == 404
    assert client.post("/firm/members/3100001/remove/", {"remark": "x"}).status_code == 404


def test_a_paa_without_a_firm_sees_not_found(signed_in, db):
    assert signed_in(PaaFactory()).get("/firm/").status_code == 404


def test_one_firm_cannot_remove_another_firms_member(signed_in, firm, other_firm, attorney):
    add_member(other_firm, attorney)
    response = signed_in(firm.paa).post(
        f"/firm/members/{attorney.account_number}/remove/", {"remark": "x"}
    )
    assert response.status_code == 404
    assert FirmMembership.objects.get().ended_at is None
