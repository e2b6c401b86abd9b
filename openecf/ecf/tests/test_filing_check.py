"""The filing check: one MFA day for filing and sign-on; accounts that can never file are told so."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client

from openecf.ecf import access
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.signon import queries as signon_queries
from openecf.tests_support.factories import AccountFactory
from openecf.tests_support.signon import sign_in

MFA_DAY = date(2025, 12, 31)
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def codes(check) -> list[str]:
    return [step.code for step in check.missing]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "required"),
    [
        # 23:59:59 on December 30 in Chicago, but already December 31 in UTC
        (datetime(2025, 12, 31, 5, 59, 59, tzinfo=UTC), False),
        # midnight on December 31 in Chicago
        (datetime(2025, 12, 31, 6, 0, tzinfo=UTC), True),
    ],
)
def test_filing_and_sign_on_count_the_mfa_deadline_on_the_same_pacer_day(
    attorney, mowd, settings, now, required
):
    settings.MFA_REQUIRED_FOR_FILERS_FROM = MFA_DAY
    FilingPrivilegeFactory(court=mowd, account=attorney)
    check = access.can_file(attorney, mowd, now)
    assert codes(check) == (["mfa"] if required else [])
    prompt = signon_queries.mfa_prompt_for(attorney, now)
    assert prompt == ("offer_skip" if required else "none")


@pytest.fixture
def paa(db):
    return AccountFactory(kind="administrative", first_name="Olive", last_name="Manager")


@pytest.fixture
def shared(db):
    return AccountFactory(kind="shared", first_name="Front", last_name="Desk")


CANNOT = {
    "paa": "A PACER Administrative Account manages a firm's filers and their fees; it cannot "
    "file or link a CM/ECF login itself.",
    "shared": "A shared PACER account is used by more than one person, and every filing is "
    "signed by one person: a shared account can search but can never file or link a CM/ECF "
    "login.",
}
INSTEAD = (
    " To file, sign in with your own individual, upgraded PACER account, or register one if you "
    "have none."
)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["paa", "shared"])
def test_an_account_that_can_never_file_is_told_why_and_what_to_use_instead(request, mowd, persona):
    account = request.getfixturevalue(persona)
    with time_machine.travel(NOW):
        check = access.can_file(account, mowd)
    assert check.allowed is False
    assert check.account_cannot_file is True
    assert [(s.code, s.text, s.link, s.action) for s in check.missing] == [
        (
            "individual_account",
            CANNOT[persona] + INSTEAD,
            "/account/register/",
            "Register an individual PACER account",
        )
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["paa", "shared"])
def test_the_filing_page_and_the_api_never_ask_such_an_account_to_link_or_request(
    request, mowd, persona
):
    account = request.getfixturevalue(persona)
    client = Client()
    token = sign_in(client, account)
    page = client.get("/mowd/file/")
    assert page.status_code == 403
    text = page.content.decode()
    assert "This PACER account cannot file" in text
    assert CANNOT[persona].replace("'", "&#x27;") in text
    for words in ("/mowd/utilities/link/", "/account/efile/", "You cannot file at"):
        assert words not in text
    me = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/courts/mowd/me").json()
    assert me["can_file"] == {
        "allowed": False,
        "missing": [
            {
                "code": "individual_account",
                "text": CANNOT[persona] + INSTEAD,
                "link": "/account/register/",
            }
        ],
    }


@pytest.mark.django_db
def test_before_go_live_such_an_account_is_still_pointed_to_the_court_login(paa, courts):
    from openecf.courts.models import Court

    moed = Court.objects.get(pk="moed")  # no NextGen go-live scheduled
    with time_machine.travel(NOW):
        check = access.can_file(paa, moed)
    assert codes(check) == ["individual_account", "court_login"]


@pytest.mark.django_db
def test_the_filing_check_is_computed_once_per_request(attorney, mowd, django_assert_num_queries):
    from django.test import RequestFactory

    request = RequestFactory().get("/mowd/file/")
    request.account = attorney
    first = access.filing_check_of(request, mowd)
    with django_assert_num_queries(0):
        again = access.filing_check_of(request, mowd)
    assert again is first
