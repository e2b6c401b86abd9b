"""The clerk's PACER fee exemptions page and API: grant, list, who may, bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from openecf.billing import facade
from openecf.billing.models import Exemption
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db
PAGE = "/mowd/clerk/exemptions/"
API = "/api/v1/courts/mowd/exemptions"


def _grant(client, **fields):
    data = {"username": "", "reason": "Pro bono attorney", "scope": "all",
            "ends_on": "2026-12-31", **fields}  # fmt: skip
    return client.post(PAGE, data)


def test_the_clerk_grants_an_exemption_on_the_page(signed_in, clerk, public_user, in_q3):
    client = signed_in(clerk)
    menu = client.get("/mowd/").content.decode()
    assert 'href="/mowd/clerk/exemptions/"' in menu
    assert client.get(PAGE).status_code == 200
    done = _grant(client, username=public_user.username, scope="documents")
    assert done.status_code == 302
    row = Exemption.objects.get()
    assert (row.account_id, row.court_id, row.scope, row.ends_on, row.granted_by_id) == (
        public_user.pk, "mowd", "documents", date(2026, 12, 31), clerk.pk,
    )  # fmt: skip
    page = client.get(PAGE).content.decode()
    assert "is exempt from PACER fees" in page and public_user.username in page
    free = facade.quote(account_id=public_user.pk, court_id="mowd", kind="document", pages=10)
    billed = facade.quote(account_id=public_user.pk, court_id="ksd", kind="document", pages=10)
    assert (free.amount, free.free_reason, billed.amount) == (
        Decimal("0.00"), "exemption", Decimal("1.00"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        ({"username": "nosuchperson"}, "There is no PACER account with that username."),
        ({"reason": " "}, "This field is required."),
        ({"ends_on": "2026-08-13"}, "An exemption must end today or later."),
        ({"scope": "everything"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_shown_on_the_form_and_grants_nothing(
    signed_in, clerk, public_user, in_q3, fields, sentence
):
    page = _grant(signed_in(clerk), **{"username": public_user.username, **fields})
    assert page.status_code == 400
    assert sentence in page.content.decode()
    assert not Exemption.objects.exists()


def test_only_the_courts_clerks_see_the_page(
    client, signed_in, other_court_clerk, attorney, public_user, clerk
):
    assert client.get(PAGE).status_code == 302  # a visitor: sign in first
    for person in (other_court_clerk, attorney):
        assert signed_in(person).get(PAGE).status_code == 404
        assert _grant(signed_in(person), username=public_user.username).status_code == 404
    assert not Exemption.objects.exists()


def test_the_api_grants_and_lists_for_the_clerk_only(clerk, attorney, public_user, in_q3):
    def program(person) -> Client:
        made = Client()
        made.defaults["HTTP_AUTHORIZATION"] = f"Bearer {sign_in(Client(), person)}"
        return made

    body = {"username": public_user.username, "reason": "CJA panel", "scope": "reports",
            "ends_on": "2027-01-31"}  # fmt: skip
    made = program(clerk).post(API, body, content_type="application/json")
    assert made.status_code == 201
    assert made.json() | {"id": 0} == {
        "id": 0, "username": public_user.username, "reason": "CJA panel", "scope": "reports",
        "ends_on": "2027-01-31", "enabled": True, "granted_by": clerk.username,
    }  # fmt: skip
    listed = program(clerk).get(API).json()["exemptions"]
    assert [e["username"] for e in listed] == [public_user.username]
    refused = program(attorney).post(API, body, content_type="application/json")
    assert refused.status_code == 404
    bad = program(clerk).post(API, {**body, "username": "nobody"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"] == {
        "username": ["There is no PACER account with that username."]
    }
    assert Client().get(API).status_code == 401
    assert Exemption.objects.count() == 1
