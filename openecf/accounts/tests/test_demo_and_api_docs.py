"""The demo accounts and the OpenAPI document."""

from __future__ import annotations

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
