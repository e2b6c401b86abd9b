"""Firm invitations and membership in the JSON API."""

import json

import pytest
from django.core import mail
from django.test import Client

from openecf.firms.factories import add_member, pending_invitation
from openecf.firms.models import FirmInvitation, FirmMembership
from openecf.tests_support.api import call


def test_the_paa_reads_its_firm(signed_in, firm, attorney):
    add_member(firm, attorney)
    body = signed_in(firm.paa).get("/api/v1/firms/me").json()
    assert body == {
        "firm_id": firm.pk,
        "name": "Jefferson & Clay LLP",
        "paa_account_number": firm.paa.account_number,
        "paa_username": firm.paa.username,
        "contact_name": "Olive Manager",
        "member_count": 1,
        "readiness_courts": [],
    }


def test_invite_accept_and_list_members_through_the_api(
    signed_in, firm, attorney, django_capture_on_commit_callbacks
):
    admin = signed_in(firm.paa)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(admin, attorney.account_number, last_name="Attorney", remark="KC office")
    assert response.status_code == 201
    invitation_id = response.json()["invitation_id"]
    assert response.json()["status"] == "pending"
    assert len(mail.outbox) == 1
    assert [i["invitation_id"] for i in admin.get("/api/v1/firms/me/invitations").json()] == [
        invitation_id
    ]
    person = signed_in(attorney)
    assert [i["firm_name"] for i in person.get("/api/v1/firms/invitations").json()] == [
        "Jefferson & Clay LLP"
    ]
    accepted = call(person, "post", f"/api/v1/firms/invitations/{invitation_id}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["firm_name"] == "Jefferson & Clay LLP"
    assert accepted.json()["ended_at"] is None
    assert person.get("/api/v1/firms/membership").json()["firm_id"] == firm.pk
    members = admin.get("/api/v1/firms/me/members").json()
    assert [(m["account_number"], m["name"]) for m in members] == [
        (attorney.account_number, "Alice Attorney")
    ]


def invite(client, account_number: str, *, last_name: str, remark: str = "x"):
    """Invite the holder of ``account_number`` (named by its last name) into the caller's firm."""
    return call(
        client,
        "post",
        "/api/v1/firms/me/invitations",
        {
            "account_number": account_number,
            "last_name": last_name,
            "remark": remark,
            "acknowledged": True,
        },
    )


def test_a_refused_invitation_has_the_error_shape(signed_in, firm, attorney):
    response = invite(signed_in(firm.paa), attorney.account_number, last_name="Wrong")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "no_matching_account"
    assert FirmInvitation.objects.count() == 0


def test_a_member_of_another_firm_is_a_conflict(signed_in, firm, other_firm, attorney):
    add_member(other_firm, attorney)
    response = invite(signed_in(firm.paa), attorney.account_number, last_name="Attorney")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "belongs_to_another_firm"


def test_decline_through_the_api(signed_in, firm, attorney):
    invitation = pending_invitation(firm, attorney)
    path = f"/api/v1/firms/invitations/{invitation.pk}/decline"
    response = call(signed_in(attorney), "post", path)
    assert response.status_code == 200
    assert response.json()["status"] == "declined"


def test_cancel_through_the_api(signed_in, firm, attorney):
    invitation = pending_invitation(firm, attorney)
    response = signed_in(firm.paa).delete(f"/api/v1/firms/me/invitations/{invitation.pk}")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_the_firm_unlinks_through_the_api(
    signed_in, firm, attorney, django_capture_on_commit_callbacks
):
    add_member(firm, attorney)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(firm.paa).delete(
            f"/api/v1/firms/me/members/{attorney.account_number}",
            json.dumps({"remark": "Left the firm"}),
            content_type="application/json",
        )
    assert response.status_code == 200
    assert response.json()["ended_by"] == "firm"
    assert response.json()["remark"] == "Left the firm"
    assert len(mail.outbox) == 2


def test_the_member_leaves_through_the_api(signed_in, firm, attorney):
    add_member(firm, attorney)
    path = "/api/v1/firms/membership/leave"
    response = call(signed_in(attorney), "post", path, {"remark": "Moving"})
    assert response.status_code == 200
    assert response.json()["ended_by"] == "member"
    assert FirmMembership.objects.get().ended_at is not None


def test_no_membership_is_not_found(signed_in, attorney):
    response = signed_in(attorney).get("/api/v1/firms/membership")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("persona", ["attorney", "public_user", "clerk", "operator"])
def test_only_a_paa_reaches_the_firm_endpoints(request, signed_in, firm, persona):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/api/v1/firms/me").status_code == 404
    assert client.get("/api/v1/firms/me/members").status_code == 404
    assert invite(client, "3100001", last_name="x").status_code == 404


@pytest.mark.django_db
def test_anonymous_callers_must_sign_in():
    client = Client()
    for path in ["/api/v1/firms/me", "/api/v1/firms/me/members", "/api/v1/firms/invitations"]:
        response = client.get(path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_signed_in"
