"""Manage My Account → Usage (page, CSV, API), client code, and the firm's usage."""

from __future__ import annotations

import pytest

from openecf.billing import facade
from openecf.billing.models import SessionClientCode
from openecf.billing.tests.conftest import view
from openecf.firms.factories import FirmFactory, add_member
from openecf.firms.models import Firm
from openecf.tests_support.api import bearer_token, call


@pytest.fixture
def usage(public_user, mowd, in_q3):
    view(public_user, pages=12, client_code="alpha", description="Document 1-1")
    in_q3.move_to("2026-08-20T15:00:00Z")
    view(public_user, pages=3, court_id="ksd", client_code="beta", description="Document 7-2")
    return public_user


def test_the_usage_page_lists_and_filters_transactions(usage, signed_in):
    client = signed_in(usage)
    page = client.get("/account/usage/").content.decode()
    assert "Document 1-1" in page and "Document 7-2" in page
    only_ksd = client.get("/account/usage/", {"court_id": "ksd"}).content.decode()
    assert "Document 7-2" in only_ksd and "Document 1-1" not in only_ksd
    by_code = client.get("/account/usage/", {"client_code": "alpha"}).content.decode()
    assert "Document 1-1" in by_code and "Document 7-2" not in by_code


def test_usage_downloads_as_csv(usage, signed_in):
    response = signed_in(usage).get("/account/usage/", {"format": "csv", "start": "2026-08-15"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "Date,Court,Username,Client code,Description,Criteria,Pages,Cost"
    assert lines[1:] == [f"2026-08-20 10:00:00,ksd,{usage.username},beta,Document 7-2,,3,0.30"]


def test_the_usage_api_filters_by_date_court_and_client_code(usage, client):
    token = bearer_token(usage)
    everything = call(client, "GET", "/api/v1/me/usage", token=token).json()["transactions"]
    assert [t["description"] for t in everything] == ["Document 7-2", "Document 1-1"]
    assert everything[1] == {
        "at": "2026-08-14T15:00:00Z", "court_id": "mowd", "description": "Document 1-1",
        "pages": 12, "amount": "1.20", "client_code": "alpha",
    }  # fmt: skip
    to_14 = call(
        client, "GET", "/api/v1/me/usage", {"from": "2026-08-01", "to": "2026-08-14"}, token=token
    )
    assert [t["description"] for t in to_14.json()["transactions"]] == ["Document 1-1"]
    beta = call(client, "GET", "/api/v1/me/usage", {"client_code": "beta"}, token=token)
    assert [t["court_id"] for t in beta.json()["transactions"]] == ["ksd"]


def test_the_usage_api_refuses_an_end_before_the_start(usage, client):
    answer = call(client, "GET", "/api/v1/me/usage", {"from": "2026-09-01", "to": "2026-08-01"},
                  token=bearer_token(usage))  # fmt: skip
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"] == {
        "to": ["The end date must be on or after the start date."]
    }
    bad = call(client, "GET", "/api/v1/me/usage", {"from": "yesterday"}, token=bearer_token(usage))
    assert bad.status_code == 422


def test_usage_needs_a_signed_in_upgraded_account(legacy_attorney, signed_in, client):
    assert client.get("/account/usage/").status_code == 302
    assert call(client, "GET", "/api/v1/me/usage").status_code == 401
    assert signed_in(legacy_attorney).get("/account/usage/").status_code == 403


def test_the_client_code_set_in_manage_my_account_is_the_sessions(public_user, signed_in, db):
    client = signed_in(public_user, client_code="from-sign-in")
    page = client.get("/account/client-code/").content.decode()
    assert 'value="from-sign-in"' in page
    assert client.post("/account/client-code/", {"client_code": "matter-42"}).status_code == 302
    session_id = SessionClientCode.objects.get().session_id
    request = type(
        "R", (), {"cso_session": type("S", (), {"pk": session_id, "client_code": "x"})()}
    )
    assert facade.client_code_of(request) == "matter-42"


def test_a_firm_member_cannot_clear_a_mandatory_client_code(attorney, signed_in, db):
    firm = FirmFactory(client_code_required=True)
    add_member(firm, attorney)
    response = signed_in(attorney).post("/account/client-code/", {"client_code": ""})
    assert response.status_code == 400
    assert "Your firm requires a client code" in response.content.decode()
    assert not SessionClientCode.objects.exists()


@pytest.fixture
def firm_usage(attorney, public_user, mowd, in_q3):
    firm = FirmFactory()
    add_member(firm, attorney)
    view(attorney, pages=30, client_code="acme", description="Docket 4:26-cv-1")
    view(attorney, pages=5, client_code="zenith", description="Document 3-1")
    view(public_user, pages=5, description="Not the firm's")
    return firm


def test_the_office_manager_sees_usage_by_person_and_client_code(firm_usage, attorney, signed_in):
    page = signed_in(firm_usage.paa).get("/firm/usage/").content.decode()
    assert "Docket 4:26-cv-1" in page and "Not the firm's" not in page
    assert "acme" in page and "zenith" in page
    csv = signed_in(firm_usage.paa).get("/firm/usage/", {"format": "csv"}).content.decode()
    assert csv.count(attorney.username) == 2


def test_the_firm_usage_api_names_each_member(firm_usage, attorney, client):
    answer = call(client, "GET", "/api/v1/firm/usage", {"from": "2026-08-14", "to": "2026-08-14"},
                  token=bearer_token(firm_usage.paa))  # fmt: skip
    rows = answer.json()["transactions"]
    assert {(r["username"], r["client_code"], r["amount"]) for r in rows} == {
        (attorney.username, "acme", "3.00"), (attorney.username, "zenith", "0.50"),
    }  # fmt: skip


def test_only_the_firms_paa_sees_firm_usage(firm_usage, attorney, signed_in, client):
    assert signed_in(attorney).get("/firm/usage/").status_code == 404
    answer = call(client, "GET", "/api/v1/firm/usage", token=bearer_token(attorney))
    assert answer.status_code == 404


def test_the_office_manager_makes_client_codes_mandatory(firm_usage, signed_in):
    response = signed_in(firm_usage.paa).post("/firm/usage/", {"required": "on"})
    assert response.status_code == 302
    assert Firm.objects.get(pk=firm_usage.pk).client_code_required is True
