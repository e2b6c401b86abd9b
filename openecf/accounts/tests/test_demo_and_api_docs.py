"""The demo accounts and the OpenAPI document."""

from __future__ import annotations

from datetime import UTC, date, datetime

from openecf.accounts import demo, facade, rules
from openecf.accounts.models import Account


def test_the_demo_accounts_are_created_once_and_can_sign_on(db):
    logins = demo.load()
    demo.load()
    assert Account.objects.count() == 5
    by_name = {a.username: a for a in Account.objects.all()}
    assert by_name["aattorney1"].account_type_label == "Upgraded PACER Account"
    assert facade.is_filer(by_name["aattorney1"])
    assert by_name["LA1234"].account_type_label == "Legacy PACER Account (Upgrade)"
    assert by_name["smithfirm1"].kind == "shared"
    assert facade.can_file_or_link(by_name["smithfirm1"]) is not None
    assert by_name["ppublic01"].purpose == "case_search"
    assert by_name["operator01"].is_operator
    for login in logins:
        assert facade.authenticate(login.username, login.password).ok, login.username


def test_a_demo_account_is_created_active_once_and_then_left_alone(db):
    since = datetime(2019, 9, 3, 15, tzinfo=UTC)
    created = demo.ensure_demo_account(
        username="ddemo01",
        password=demo.DEMO_PASSWORD,
        first_name="Dana",
        last_name="Demo",
        email="dana.demo@example.com",
        purpose=Account.Purpose.ATTORNEY_FILER,
        date_of_birth=date(1981, 5, 6),
        created_at=since,
    )
    assert created.status == Account.Status.ACTIVE
    assert created.email_verified_at == since
    assert created.upgraded_at == since
    assert created.filer_since is None
    assert (created.street, created.zip_code, created.county) == (
        "400 E. 9th Street",
        "64106",
        "Jackson",
    )
    assert rules.is_account_number(created.account_number)
    assert facade.authenticate("ddemo01", demo.DEMO_PASSWORD).ok
    again = demo.ensure_demo_account(
        username="DDEMO01",
        password="Another-Demo-Password-1!",
        first_name="Other",
        last_name="Person",
        email="other@example.com",
        purpose=Account.Purpose.CASE_SEARCH,
        date_of_birth=None,
    )
    assert again.pk == created.pk
    assert Account.objects.get().first_name == "Dana"


def test_demo_passwords_satisfy_the_password_policy():
    for person in demo._PEOPLE:
        assert (
            rules.password_problems(
                demo.DEMO_PASSWORD,
                first_name=person["first_name"],
                last_name=person["last_name"],
                username=person["username"],
                email=person["email"],
            )
            == []
        )


def test_the_endpoints_are_documented(db, client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/accounts", "/api/v1/accounts/verify", "/api/v1/me", "/api/v1/me/password",
        "/api/v1/me/contact", "/api/v1/me/upgrade", "/api/v1/accounts/forgot-username",
        "/api/v1/accounts/forgot-password", "/api/v1/accounts/reset-password",
    ):  # fmt: skip
        assert path in paths, path
    assert "201" in paths["/api/v1/accounts"]["post"]["responses"]
