"""The court side in the JSON API."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from openecf.core.models import OutboundEmail
from openecf.ecf import queries
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory, FilingPrivilegeFactory
from openecf.ecf.models import CourtLogin, FilingAgentAssociation, FilingPrivilege
from openecf.signon.factories import AuthenticatorAppFactory
from openecf.tests_support.api import bearer_token, call
from openecf.tests_support.factories import AccountFactory
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
PREVIEW, LINK = "/api/v1/courts/mowd/link/preview", "/api/v1/courts/mowd/link"
AATTY = {"login": "aatty", "password": COURT_PASSWORD}
CONFIRMED = {**AATTY, "confirm": True}


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW):
        yield


@pytest.mark.django_db
def test_preview_returns_the_court_record(attorney, mowd, mowd_login):
    response = call(Client(), "post", PREVIEW, AATTY, token=bearer_token(attorney))
    assert response.status_code == 200
    assert response.json() == {
        "login": "aatty",
        "name": "Alice Attorney",
        "email": "alice.old@lawfirm.example",
        "bar_id": "51234",
        "bar_state": "MO",
        "role": "attorney",
        "role_label": "Attorney",
        "case_count": 37,
    }
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.mark.django_db
def test_link_needs_confirm_true(attorney, mowd, mowd_login):
    response = call(Client(), "post", LINK, AATTY, token=bearer_token(attorney))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "link_not_confirmed"
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.mark.django_db
def test_link_through_the_api(attorney, mowd, mowd_login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = call(Client(), "post", LINK, CONFIRMED, token=bearer_token(attorney))
    assert response.status_code == 201
    body = response.json()
    assert body["record"]["login"] == "aatty"
    assert [(p["kind"], p["source"]) for p in body["privileges"]] == [("attorney", "linked_login")]
    assert [message.to for message in mail.outbox] == [
        [attorney.email],
        ["alice.old@lawfirm.example"],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status", "code"),
    [
        ("legacy_attorney", 403, "account_cannot_link"),
        ("shared", 403, "account_cannot_link"),
    ],
)
def test_link_refusals_have_the_error_shape(request, mowd, mowd_login, persona, status, code):
    account = (
        AccountFactory(kind="shared") if persona == "shared" else request.getfixturevalue(persona)
    )
    response = call(Client(), "post", LINK, CONFIRMED, token=bearer_token(account))
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert FilingPrivilege.objects.count() == 0


@pytest.mark.django_db
def test_link_before_go_live_is_a_409(attorney, mowd, mowd_login):
    with time_machine.travel(datetime(2018, 4, 1, tzinfo=UTC)):
        response = call(Client(), "post", LINK, CONFIRMED, token=bearer_token(attorney))
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "link_before_go_live",
        "message": "United States District Court for the Western District of Missouri is not on "
        "NextGen CM/ECF yet: linking opens on April 23, 2018 at 12:00 a.m. Central. Until then "
        "file with your CM/ECF login at /mowd/cgi-bin/login.pl.",
    }


@pytest.mark.django_db
def test_wrong_password_then_lockout_through_the_api(attorney, mowd, mowd_login):
    client, token = Client(), bearer_token(attorney)
    for _ in range(5):
        wrong = call(
            client, "post", PREVIEW, {"login": "aatty", "password": "Nope-1234"}, token=token
        )
        assert wrong.status_code == 400
        assert wrong.json()["error"]["code"] == "wrong_court_password"
    locked = call(client, "post", PREVIEW, AATTY, token=token)
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "court_login_locked"


@pytest.mark.django_db
def test_link_needs_sign_in(mowd, mowd_login):
    response = Client().post(
        LINK,
        {"login": "aatty", "password": "x"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


@pytest.mark.django_db
def test_me_lists_the_missing_steps(legacy_attorney, mowd):
    AuthenticatorAppFactory(account=legacy_attorney)
    path = "/api/v1/courts/mowd/me"
    body = call(Client(), "get", path, token=bearer_token(legacy_attorney)).json()
    assert body["court_id"] == "mowd"
    assert body["linked_login"] is None
    assert body["can_file"]["allowed"] is False
    assert [s["code"] for s in body["can_file"]["missing"]] == ["upgrade", "link", "request"]


@pytest.mark.django_db
def test_me_after_linking_asks_to_sign_in_again_for_the_redaction_agreement(
    attorney, mowd, mowd_login
):
    AuthenticatorAppFactory(account=attorney)
    # signed on as a non-filer: no redaction agreement asked
    client, token = Client(), bearer_token(attorney)
    call(client, "post", LINK, CONFIRMED, token=token)
    body = call(client, "get", "/api/v1/courts/mowd/me", token=token).json()
    assert body["linked_login"]["login"] == "aatty"
    assert body["can_file"] == {
        "allowed": False,
        "missing": [
            {
                "code": "redaction",
                "text": "Sign out and sign in again to accept the redaction agreement.",
                "link": "/logout/",
            }
        ],
    }
    assert [p["kind"] for p in body["privileges"]] == ["attorney"]
    token = bearer_token(attorney, redaction_acknowledged=True)
    again = call(Client(), "get", "/api/v1/courts/mowd/me", token=token).json()
    assert again["can_file"] == {"allowed": True, "missing": []}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_clerk_endpoints_by_role(request, mowd, mowd_login, persona, status):
    client, token = Client(), bearer_token(request.getfixturevalue(persona))
    listing = call(client, "get", "/api/v1/courts/mowd/logins?q=aatty", token=token)
    assert listing.status_code == status
    if status == 200:
        assert listing.json()["count"] == 1
        assert listing.json()["logins"][0]["login"] == "aatty"
    else:
        assert listing.json()["error"]["code"] == "not_found"
    path = f"/api/v1/courts/mowd/logins/{mowd_login.pk}/disable"
    disabled = call(client, "post", path, token=token)
    assert disabled.status_code == status
    mowd_login.refresh_from_db()
    assert mowd_login.is_disabled is (status == 200)


@pytest.mark.django_db
def test_clerk_endpoints_need_sign_in(mowd):
    assert Client().get("/api/v1/courts/mowd/logins").status_code == 401


def add_login(client, token: str, login: str, role: str, *, name: tuple[str, str] = ("A", "B")):
    """The clerk adds a CM/ECF login at mowd through the API."""
    first_name, last_name = name
    return call(
        client,
        "post",
        "/api/v1/courts/mowd/logins",
        {
            "login": login,
            "first_name": first_name,
            "last_name": last_name,
            "email": "api@x.example",
            "role": role,
        },
        token=token,
    )


@pytest.mark.django_db
def test_the_clerk_adds_resets_and_unlinks_through_the_api(
    clerk, attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    client, token = Client(), bearer_token(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        added = add_login(client, token, "api1", "creditor", name=("Api", "Added"))
    assert added.status_code == 201
    assert added.json()["role"] == "creditor"
    bad = add_login(client, token, "api2", "judge")
    assert bad.status_code == 400
    assert bad.json()["error"]["message"].startswith("role 'judge' must be one of")
    assert not CourtLogin.objects.filter(login="api2").exists()
    path = f"/api/v1/courts/mowd/logins/{added.json()['id']}/reset-password"
    reset = call(client, "post", path, token=token)
    assert reset.status_code == 200
    call(Client(), "post", LINK, CONFIRMED, token=bearer_token(attorney))
    emails = OutboundEmail.objects.count()
    path = f"/api/v1/courts/mowd/logins/{mowd_login.pk}/unlink"
    no_reason = call(client, "post", path, {"reason": ""}, token=token)
    assert no_reason.status_code == 422
    assert OutboundEmail.objects.count() == emails
    path = f"/api/v1/courts/mowd/logins/{mowd_login.pk}/unlink"
    unlinked = call(client, "post", path, {"reason": "Mistake"}, token=token)
    assert unlinked.status_code == 200
    assert unlinked.json()["linked_account"] is None
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    other = CourtLoginFactory(court_id="ksd")
    path = f"/api/v1/courts/mowd/logins/{other.pk}/disable"
    assert call(client, "post", path, token=token).status_code == 404


@pytest.mark.django_db
def test_agents_through_the_api(attorney, mowd):
    FilingPrivilegeFactory(court=mowd, account=attorney)
    agent = AccountFactory(username="apiagent1")
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")
    client, token = Client(), bearer_token(attorney)
    path = "/api/v1/courts/mowd/agents"
    added = call(
        client, "post", path, {"agent": "apiagent1", "receives_notices": True}, token=token
    )
    assert added.status_code == 201
    assert (added.json()["agent_username"], added.json()["receives_notices"]) == ("apiagent1", True)
    assert [
        a["agent_username"]
        for a in call(client, "get", "/api/v1/courts/mowd/agents", token=token).json()["agents"]
    ] == ["apiagent1"]
    assert [
        a["principal_username"]
        for a in call(
            Client(), "get", "/api/v1/courts/mowd/agents", token=bearer_token(agent)
        ).json()["files_for"]
    ] == [attorney.username]
    path = "/api/v1/courts/mowd/agents"
    refused = call(client, "post", path, {"agent": "nobody999"}, token=token)
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "agent_not_allowed"
    ended = call(client, "delete", f"/api/v1/courts/mowd/agents/{added.json()['id']}", token=token)
    assert ended.status_code == 200
    assert ended.json()["ended_at"] is not None
    assert FilingAgentAssociation.objects.get().ended_at is not None


@pytest.mark.django_db
def test_the_openapi_document_lists_the_ecf_endpoints(courts):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/courts/{court_id}/link/preview",
        "/api/v1/courts/{court_id}/link",
        "/api/v1/courts/{court_id}/me",
        "/api/v1/courts/{court_id}/logins",
        "/api/v1/courts/{court_id}/logins/{login_id}/unlink",
        "/api/v1/courts/{court_id}/agents",
    ):
        assert path in paths
