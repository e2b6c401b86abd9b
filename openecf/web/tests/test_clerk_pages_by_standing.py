"""Every clerk's page and endpoint answers by the person's standing at the court (ADR 0005).

Anonymous visitors are sent to sign in (401 in the API); anyone but the court's clerk's office or
the operator gets exactly the answer a missing page gets; the clerk's office and the operator see
the page.
"""

import pytest
from django.test import Client

from openecf.ecf.factories import CourtLoginFactory
from openecf.notices import actions as notice_actions
from openecf.registrations.tests.factories import RegistrationRequestFactory
from openecf.tests_support.signon import assert_asks_to_sign_in

MISSING = 987654


@pytest.fixture
def clerk_things(mowd, clerk, attorney):
    """One of each thing a clerk's page shows: a court login, a draft notice, a request."""
    return {
        "login": CourtLoginFactory(court=mowd).pk,
        "notice": notice_actions.draft_notice(
            court=mowd, actor_id=clerk.pk, subject="Draft", body="x", audience="all"
        ).pk,
        "registration": RegistrationRequestFactory(court=mowd, account=attorney).pk,
    }


PAGES = [
    "/mowd/clerk/settings/",
    "/mowd/clerk/logins/",
    "/mowd/clerk/logins/add/",
    "/mowd/clerk/logins/{login}/",
    "/mowd/clerk/notices/",
    "/mowd/clerk/notices/{notice}/",
    "/mowd/clerk/registrations/",
    "/mowd/clerk/registrations/{registration}/",
]
ENDPOINTS = [
    "/api/v1/courts/mowd/logins",
    "/api/v1/courts/mowd/notices/scheduled",
    "/api/v1/courts/mowd/registrations",
    "/api/v1/courts/mowd/registrations/{registration}",
]
OUTSIDERS = ["public_user", "attorney", "legacy_attorney", "other_court_clerk", "judge"]


@pytest.mark.parametrize("path", PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in_from_each_clerks_page(clerk_things, path):
    assert_asks_to_sign_in(path.format(**clerk_things))


@pytest.mark.parametrize("path", ENDPOINTS)
def test_an_anonymous_program_gets_401_from_each_clerks_endpoint(clerk_things, path):
    response = Client().get(path.format(**clerk_things))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_signed_in"


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("path", PAGES + ENDPOINTS)
def test_a_clerks_page_looks_missing_to_anyone_else(
    request, signed_in, clerk_things, persona, path
):
    client = signed_in(request.getfixturevalue(persona))
    there = client.get(path.format(**clerk_things))
    missing = client.get(path.format(login=MISSING, notice=MISSING, registration=MISSING))
    assert there.status_code == missing.status_code == 404
    if path.startswith("/api/"):
        assert there.json() == missing.json()
        assert there.json()["error"]["code"] == "not_found"
    else:
        assert _message(there) == _message(missing)
    assert b"W.D. Mo. has no " in there.content


def _message(response) -> str:
    """The error page's own text (around it: the path and a per-response CSRF token)."""
    page = response.content.decode()
    return page[page.index("<h1>") : page.index("</main>")]


@pytest.mark.parametrize("persona", ["clerk", "operator"])
@pytest.mark.parametrize("path", PAGES + ENDPOINTS)
def test_the_clerks_office_and_the_operator_reach_each_clerks_page(
    request, signed_in, clerk_things, persona, path
):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(path.format(**clerk_things)).status_code == 200


@pytest.mark.parametrize(
    ("page", "endpoint", "message"),
    [
        (
            "/mowd/clerk/settings/",
            None,
            "W.D. Mo. has no court settings page for you.",
        ),
        (
            "/mowd/clerk/logins/",
            "/api/v1/courts/mowd/logins",
            "W.D. Mo. has no CM/ECF logins page for you.",
        ),
        (
            "/mowd/clerk/notices/",
            "/api/v1/courts/mowd/notices/scheduled",
            "W.D. Mo. has no clerk&#x27;s notices page for you.",
        ),
        (
            "/mowd/clerk/registrations/",
            "/api/v1/courts/mowd/registrations",
            "W.D. Mo. has no e-file registration queue for you.",
        ),
    ],
)
def test_the_page_and_its_endpoint_refuse_in_the_same_words(
    signed_in, attorney, mowd, page, endpoint, message
):
    client = signed_in(attorney)
    assert message in client.get(page).content.decode()
    if endpoint is not None:
        words = client.get(endpoint).json()["error"]["message"]
        assert words == message.replace("&#x27;", "'")
