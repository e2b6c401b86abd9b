"""The JSON API: requests, answers, the clerk's queue and decisions, registered courts."""

from __future__ import annotations

import base64

import pytest
from django.core import mail
from django.test import Client

from openecf.ecf.factories import CourtLoginFactory, FilingPrivilegeFactory
from openecf.ecf.models import CourtFeeOwed, FilingPrivilege
from openecf.registrations.models import RegistrationRequest
from openecf.registrations.tests.factories import RegistrationRequestFactory
from openecf.tests_support.api import bearer_token, call
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS

pytestmark = pytest.mark.django_db


def phv_body(pdf: bytes, **overrides) -> dict:
    body = {
        "court_id": "mowd",
        "kind": "pro_hac_vice",
        "case_number": "4:25-cv-00417",
        "bar_number": "KS-21987",
        "bar_state": "KS",
        "certificate_base64": base64.b64encode(pdf).decode(),
        "terms_accepted": True,
    }
    body.update(overrides)
    return body


def test_a_request_is_submitted_with_a_base64_certificate(
    attorney, mowd, pdf, file_store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        path = "/api/v1/registrations"
        response = call(Client(), "post", path, phv_body(pdf), token=bearer_token(attorney))
    assert response.status_code == 201
    body = response.json()
    registration = RegistrationRequest.objects.get()
    assert body["id"] == registration.pk
    assert (body["status"], body["kind"], body["case_number"], body["has_certificate"]) == (
        "submitted",
        "pro_hac_vice",
        "4:25-cv-00417",
        True,
    )
    assert body["account_number"] == attorney.account_number
    assert (file_store / registration.certificate).read_bytes() == pdf
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("overrides", "status", "code", "message"),
    [
        (
            {"certificate_base64": "%%%not base64"},
            400,
            "certificate_not_acceptable",
            "certificate_base64 is not base64: send the PDF's bytes base64-encoded.",
        ),
        (
            {"terms_accepted": False},
            400,
            "terms_not_accepted",
            "Accept the e-filing terms and conditions to submit the request.",
        ),
        (
            {"court_id": "nowhere"},
            404,
            "not_found",
            "There is no court 'nowhere': check the court id (e.g. mowd).",
        ),
        (
            {"case_number": "417"},
            400,
            "registration_details_missing",
            "'417' is not a case number at this court: write it like 2:24-cv-01234.",
        ),
    ],
)
def test_a_refused_request_answers_with_the_error_shape_and_changes_nothing(
    attorney, mowd, pdf, snapshot, overrides, status, code, message
):
    client, token = Client(), bearer_token(attorney)
    before = snapshot()
    path = "/api/v1/registrations"
    response = call(client, "post", path, phv_body(pdf, **overrides), token=token)
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": message}}
    assert snapshot() == before


def test_a_legacy_account_is_refused_by_the_api(legacy_attorney, mowd, pdf, snapshot):
    client, token = Client(), bearer_token(legacy_attorney)
    before = snapshot()
    response = call(client, "post", "/api/v1/registrations", phv_body(pdf), token=token)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "account_cannot_register"
    assert snapshot() == before


def test_link_instead_is_a_conflict_that_can_be_confirmed(attorney, mowb):
    CourtLoginFactory(court=mowb, email=attorney.email)
    client, token = Client(), bearer_token(attorney)
    body = {
        "court_id": "mowb",
        "kind": "efile_registration",
        "bar_number": "MO-1",
        "bar_state": "MO",
        "terms_accepted": True,
    }
    refused = call(client, "post", "/api/v1/registrations", body, token=token)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "link_instead"
    path = "/api/v1/registrations"
    confirmed = call(client, "post", path, {**body, "link_warning_acknowledged": True}, token=token)
    assert confirmed.status_code == 201


def test_anonymous_callers_are_asked_to_sign_in(courts):
    client, token = Client(), None
    for response in (
        call(client, "get", "/api/v1/registrations", token=token),
        call(
            client,
            "post",
            "/api/v1/registrations",
            {"court_id": "mowd", "kind": "pro_se"},
            token=token,
        ),
        call(client, "get", "/api/v1/courts/mowd/registrations", token=token),
        call(client, "get", "/api/v1/me/courts", token=token),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_signed_in"


def test_i_list_and_read_only_my_own_requests(attorney, public_user, mowd):
    mine = RegistrationRequestFactory(court=mowd, account=attorney)
    theirs = RegistrationRequestFactory(court=mowd, account=public_user, kind="pro_se")
    client, token = Client(), bearer_token(attorney)
    listed = call(client, "get", "/api/v1/registrations", token=token).json()
    assert listed["count"] == 1
    assert [r["id"] for r in listed["registrations"]] == [mine.pk]
    assert (
        call(client, "get", f"/api/v1/registrations/{mine.pk}", token=token).json()["status"]
        == "submitted"
    )
    other = call(client, "get", f"/api/v1/registrations/{theirs.pk}", token=token)
    assert other.status_code == 404
    assert other.json()["error"]["code"] == "not_found"


def test_i_answer_needs_information_through_the_api(attorney, mowd, pdf):
    mine = RegistrationRequestFactory(court=mowd, account=attorney, status="needs_information")
    path = f"/api/v1/registrations/{mine.pk}/respond"
    response = call(
        Client(),
        "post",
        path,
        {"response": "Certificate attached.", "certificate_base64": base64.b64encode(pdf).decode()},
        token=bearer_token(attorney),
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["response"]) == (
        "submitted",
        "Certificate attached.",
    )
    assert response.json()["has_certificate"] is True


def test_answering_someone_elses_request_is_not_found(attorney, public_user, mowd, snapshot):
    theirs = RegistrationRequestFactory(court=mowd, account=public_user, status="needs_information")
    client, token = Client(), bearer_token(attorney)
    before = snapshot()
    path = f"/api/v1/registrations/{theirs.pk}/respond"
    response = call(client, "post", path, {"response": "mine now"}, token=token)
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_only_the_courts_clerks_read_and_decide_its_queue(request, mowd, snapshot, persona, status):
    applicant = request.getfixturevalue("legacy_attorney")
    pending = RegistrationRequestFactory(court=mowd, account=applicant)
    client, token = Client(), bearer_token(request.getfixturevalue(persona))
    queue = call(client, "get", "/api/v1/courts/mowd/registrations", token=token)
    one = call(client, "get", f"/api/v1/courts/mowd/registrations/{pending.pk}", token=token)
    assert (queue.status_code, one.status_code) == (status, status)
    if status == 200:
        assert [r["id"] for r in queue.json()["registrations"]] == [pending.pk]
    else:
        assert queue.json()["error"]["code"] == "not_found"
        before = snapshot()
        for action in ("approve", "deny", "needs-information"):
            path = f"/api/v1/courts/mowd/registrations/{pending.pk}/{action}"
            response = call(client, "post", path, {"message": "x"}, token=token)
            assert response.status_code == 404
        assert snapshot() == before


def test_the_clerk_approves_through_the_api(
    clerk, attorney, mowd, django_capture_on_commit_callbacks
):
    pending = RegistrationRequestFactory(court=mowd, account=attorney, kind="attorney_admission")
    with django_capture_on_commit_callbacks(execute=True):
        path = f"/api/v1/courts/mowd/registrations/{pending.pk}/approve"
        response = call(Client(), "post", path, {}, token=bearer_token(clerk))
    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert FilingPrivilege.objects.get(account=attorney).kind == "attorney"
    assert str(CourtFeeOwed.objects.get(account=attorney).amount) == "199.00"
    assert mail.outbox[0].subject.endswith("e-file registration request approved")


def test_the_clerk_denies_and_asks_for_information_with_a_message(
    clerk, attorney, public_user, mowd
):
    first = RegistrationRequestFactory(court=mowd, account=attorney)
    second = RegistrationRequestFactory(court=mowd, account=public_user, kind="pro_se")
    client, token = Client(), bearer_token(clerk)
    path = f"/api/v1/courts/mowd/registrations/{first.pk}/deny"
    denied = call(client, "post", path, {"message": "No bar."}, token=token)
    path = f"/api/v1/courts/mowd/registrations/{second.pk}/needs-information"
    asked = call(client, "post", path, {"message": "Address?"}, token=token)
    assert (denied.json()["status"], denied.json()["court_message"]) == ("denied", "No bar.")
    assert (asked.json()["status"], asked.json()["court_message"]) == (
        "needs_information",
        "Address?",
    )
    path = "/api/v1/courts/mowd/registrations"
    queue = call(client, "get", path, {"status": "needs_information"}, token=token).json()
    assert [r["id"] for r in queue["registrations"]] == [second.pk]


def test_a_denial_without_a_message_is_refused_by_the_api(clerk, attorney, mowd, snapshot):
    pending = RegistrationRequestFactory(court=mowd, account=attorney)
    client, token = Client(), bearer_token(clerk)
    before = snapshot()
    path = f"/api/v1/courts/mowd/registrations/{pending.pk}/deny"
    response = call(client, "post", path, {}, token=token)
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "registration_details_missing",
            "message": "Write a message for the person: say why the request is denied.",
        }
    }
    assert snapshot() == before


def test_deciding_twice_is_a_conflict(clerk, attorney, mowd, snapshot):
    done = RegistrationRequestFactory(court=mowd, account=attorney, status="denied")
    client, token = Client(), bearer_token(clerk)
    before = snapshot()
    path = f"/api/v1/courts/mowd/registrations/{done.pk}/approve"
    response = call(client, "post", path, {}, token=token)
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "request_already_decided",
        "message": f"Request {done.pk} was already denied.",
    }
    assert snapshot() == before


def test_my_registered_courts(attorney, mowd, mowb):
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    CourtLoginFactory(
        court=mowb, login="aatty", linked_account=attorney, linked_at=mowb.nextgen_go_live
    )
    body = call(Client(), "get", "/api/v1/me/courts", token=bearer_token(attorney)).json()
    assert body == {
        "count": 2,
        "courts": [
            {
                "court_id": "mowb",
                "name": mowb.name,
                "kind": "bankruptcy",
                "kind_label": "Bankruptcy court",
                "privileges": [],
                "linked_login": "aatty",
            },
            {
                "court_id": "mowd",
                "name": mowd.name,
                "kind": "district",
                "kind_label": "District court",
                "privileges": ["Attorney"],
                "linked_login": "",
            },
        ],
    }


def test_the_endpoints_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/registrations",
        "/api/v1/registrations/{registration_id}",
        "/api/v1/registrations/{registration_id}/respond",
        "/api/v1/courts/{court_id}/registrations",
        "/api/v1/courts/{court_id}/registrations/{registration_id}/approve",
        "/api/v1/courts/{court_id}/registrations/{registration_id}/deny",
        "/api/v1/courts/{court_id}/registrations/{registration_id}/needs-information",
        "/api/v1/me/courts",
    ):
        assert path in paths
