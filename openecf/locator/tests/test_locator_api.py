"""GET /api/v1/locator/cases: the promised names, billing per request, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from openecf.billing.models import AccessCharge
from openecf.locator.tests.conftest import indexed, many
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db
URL = "/api/v1/locator/cases"


def bearer(account) -> Client:
    """A program holding the account's nextGenCSO token."""
    client = Client()
    token = sign_in(Client(), account)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.fixture
def program(public_user):
    return bearer(public_user)


def test_the_answer_has_the_promised_names(program, courts, in_q3):
    case = indexed(names=("Richard Roe",), court_id="mowb", kind="bk", chapter=13)
    answer = program.get(URL, {"party_name": "Roe, Richard"})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["page"], body["pages"], body["count"]) == (1, 1, 1)
    assert body["cases"] == [
        {
            "court_id": "mowb",
            "case_number": case.case_number,
            "caseid": case.caseid,
            "title": "Richard Roe",
            "date_filed": "2026-03-02",
            "url": f"/mowb/cgi-bin/iquery.pl?{case.caseid}",
            "shown_number": case.shown_number,
            "court_kind": "bankruptcy",
            "date_terminated": None,
            "chapter": 13,
        }
    ]
    assert body["receipt"]["amount"] == "0.10" and body["receipt"]["pages"] == 1
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.pages, charge.amount) == ("search", 1, Decimal("0.10"))


def test_every_criterion_is_a_query_parameter(program, courts, in_q3):
    wanted = indexed(names=("Nora North",), kind="cv", nature_of_suit="830", sequence=77)
    indexed(names=("Nora North",), kind="cv", nature_of_suit="440", sequence=78)
    answer = program.get(
        URL,
        {
            "party_name": "North", "case_number": "26-cv-77", "court_id": "mowd",
            "kind": "district", "filed_from": "2026-03-01", "filed_to": "2026-03-31",
            "nature_of_suit": "830",
        },
    )  # fmt: skip
    assert [c["caseid"] for c in answer.json()["cases"]] == [wanted.caseid]


def test_each_request_is_one_charged_view_of_one_result_page(program, courts, in_q3):
    many(55, names=("Page Party",))
    first = program.get(URL, {"party_name": "Page Party"}).json()
    second = program.get(URL, {"party_name": "Page Party", "page": 2}).json()
    assert (len(first["cases"]), first["pages"], len(second["cases"])) == (54, 2, 1)
    assert [c.amount for c in AccessCharge.objects.all()] == [Decimal("0.10")] * 2


def test_no_result_is_one_charged_page(program, courts, in_q3):
    body = program.get(URL, {"party_name": "Nobody Atall"}).json()
    assert (body["cases"], body["page"], body["pages"], body["count"]) == ([], 1, 1, 0)
    assert AccessCharge.objects.get().amount == Decimal("0.10")


def test_a_page_past_the_last_is_refused_without_a_charge(program, courts, in_q3):
    indexed(names=("Richard Roe",))
    answer = program.get(URL, {"party_name": "Roe", "page": 2})
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"] == {"page": ["This search has 1 page of results."]}
    assert not AccessCharge.objects.exists()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, ""),
        ({"court_id": "mowd"}, ""),
        ({"party_name": "Roe", "filed_from": "2026-05-01", "filed_to": "2026-04-01"}, "filed_to"),
        ({"case_number": "four"}, "case_number"),
        ({"party_name": "Roe", "court_id": "nowhere"}, "court_id"),
        ({"party_name": "Roe", "kind": "county"}, "kind"),
        ({"party_name": "S*"}, "party_name"),
    ],
)
def test_bad_searches_say_what_to_fix_and_charge_nothing(program, courts, params, field):
    answer = program.get(URL, params)
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_input"
    assert field in answer.json()["error"]["fields"]
    assert not AccessCharge.objects.exists()


def test_a_date_that_is_no_date_is_refused(program, courts):
    answer = program.get(URL, {"party_name": "Roe", "filed_from": "May 1"})
    assert answer.status_code == 422
    assert not AccessCharge.objects.exists()


def test_a_program_not_signed_in_is_refused(client, courts):
    answer = client.get(URL, {"party_name": "Roe"})
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "not_signed_in"


def test_a_suspended_account_is_refused(public_user, courts):
    from openecf.locator.tests.suspension import suspend

    indexed(names=("Richard Roe",))
    with suspend(public_user) as before:
        answer = bearer(public_user).get(URL, {"party_name": "Roe"})
        assert answer.status_code == 403
        assert answer.json()["error"]["code"] == "pacer_access_suspended"
        assert "suspended" in answer.json()["error"]["message"]
        assert AccessCharge.objects.count() == before


def test_sealed_cases_never_appear_in_the_api(program, courts, in_q3):
    indexed(names=("Secret Witness",), sealed=True)
    assert program.get(URL, {"party_name": "Secret Witness"}).json()["cases"] == []
