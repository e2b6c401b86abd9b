"""Every court-side page, as people use them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client

from openecf.core.models import OutboundEmail
from openecf.ecf import queries
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory, FilingPrivilegeFactory
from openecf.ecf.models import CourtLogin, CourtLoginReset, FilingAgentAssociation, FilingPrivilege
from openecf.signon.factories import AuthenticatorAppFactory
from openecf.tests_support.factories import AccountFactory
from openecf.tests_support.outbox import link_from_outbox
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS
from openecf.tests_support.signon import assert_asks_to_sign_in

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW):
        yield


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# ---------------------------------------------------------------- court login page


@pytest.mark.django_db
def test_after_go_live_the_login_page_sends_people_to_central_sign_on(mowd):
    response = Client().get("/mowd/cgi-bin/login.pl")
    assert response.status_code == 200
    body = text(response)
    assert "uses NextGen CM/ECF" in body
    assert 'href="/login/?next=/mowd/"' in body
    assert 'href="/mowd/utilities/link/"' in body
    assert 'name="password"' not in body


@pytest.mark.django_db
def test_before_go_live_a_court_login_signs_in_with_its_own_cookie(ksd):
    CourtLoginFactory(court=ksd, login="kfiler", first_name="Kim", last_name="Filer")
    client = Client()
    page = client.get("/ksd/cgi-bin/login.pl")
    assert 'name="password"' in text(page)
    response = client.post("/ksd/cgi-bin/login.pl", {"login": "kfiler", "password": COURT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ksd/file/"
    cookie = response.cookies["ECF_ksd"]
    assert cookie["httponly"] is True
    assert cookie["path"] == "/ksd/"
    menus = client.get("/ksd/file/")
    assert menus.status_code == 200
    assert (
        f"Signed in to {ksd.short_name} with the CM/ECF login <strong>kfiler</strong> (Kim Filer)"
        in text(menus)
    )
    # The filing pages take a PACER account: no menu item leads a court login to a refusal.
    assert "Filing with this court's own CM/ECF login before then is not built" in text(menus)
    assert 'href="/ksd/file/entry/"' not in text(menus)
    # Good at this court only.
    assert client.get("/mowd/file/").status_code == 403
    client.post("/ksd/cgi-bin/logout.pl")
    assert client.get("/ksd/file/").status_code == 403


@pytest.mark.django_db
def test_a_wrong_court_password_shows_the_message(ksd):
    CourtLoginFactory(court=ksd, login="kfiler")
    response = Client().post("/ksd/cgi-bin/login.pl", {"login": "kfiler", "password": "Wrong-1234"})
    assert response.status_code == 400
    assert "The CM/ECF login or password is not right" in text(response)
    assert "ECF_ksd" not in response.cookies


@pytest.mark.django_db
def test_forgot_password_gives_the_same_answer_whether_or_not_the_login_exists(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    assert 'name="login"' in text(Client().get("/mowd/cgi-bin/login.pl?forgot"))
    with django_capture_on_commit_callbacks(execute=True):
        known = Client().post("/mowd/cgi-bin/login.pl?forgot", {"login": "aatty"})
        unknown = Client().post("/mowd/cgi-bin/login.pl?forgot", {"login": "nobody"})
    answer = (
        "If that CM/ECF login exists at W.D. Mo. and can still be used, we have e-mailed a link"
    )
    assert answer in text(known)
    assert answer in text(unknown)
    assert known.status_code == unknown.status_code == 200
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_reset_link_page_sets_a_new_password(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/mowd/cgi-bin/login.pl?forgot", {"login": "aatty"})
    assert len(mail.outbox) == 1
    token = link_from_outbox("login.pl?reset=")
    url = f"/mowd/cgi-bin/login.pl?reset={token}"
    assert Client().get(url).status_code == 200
    mismatch = Client().post(url, {"password": "Brand-New-9", "password_again": "Brand-New-8"})
    assert mismatch.status_code == 400
    assert "The two passwords are not the same." in text(mismatch)
    done = Client().post(url, {"password": "Brand-New-9", "password_again": "Brand-New-9"})
    assert done.status_code == 302
    assert CourtLoginReset.objects.get().used_at is not None
    again = Client().post(url, {"password": "Brand-New-7", "password_again": "Brand-New-7"})
    assert again.status_code == 400
    assert "<h1>This reset link was already used</h1>" in text(again)
    # Opened again later, the used link says so instead of showing the form.
    reopened = Client().get(url)
    assert "<h1>This reset link was already used</h1>" in text(reopened)
    assert 'name="password"' not in text(reopened)


@pytest.mark.django_db
def test_an_expired_or_unknown_reset_link_says_so_instead_of_showing_the_form(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/mowd/cgi-bin/login.pl?forgot", {"login": "aatty"})
    token = re.search(r"reset=([\w-]+)", mail.outbox[0].body).group(1)
    with time_machine.travel(NOW + timedelta(hours=2)):
        expired = Client().get(f"/mowd/cgi-bin/login.pl?reset={token}")
    assert "<h1>This reset link has expired</h1>" in text(expired)
    assert 'name="password"' not in text(expired)
    unknown = Client().get("/mowd/cgi-bin/login.pl?reset=not-a-real-link")
    assert "<h1>This reset link does not work</h1>" in text(unknown)


# ---------------------------------------------------------------- utilities and linking


@pytest.mark.django_db
def test_utilities_for_an_anonymous_visitor_offers_sign_in(mowd):
    body = text(Client().get("/mowd/utilities/"))
    assert "Link a CM/ECF account to my PACER account" in body
    assert 'href="/login/?next=/mowd/utilities/"' in body


@pytest.mark.django_db
def test_utilities_shows_your_account_at_this_court(signed_in, attorney, mowd):
    AuthenticatorAppFactory(account=attorney)
    FilingPrivilegeFactory(court=mowd, account=attorney)
    body = text(signed_in(attorney, redaction_acknowledged=True).get("/mowd/utilities/"))
    assert "No CM/ECF login linked at this court." in body
    assert "Attorney — Approved e-file registration" in body
    assert "You may file at this court." in body


@pytest.mark.django_db
def test_linking_through_the_pages(
    signed_in, attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    AuthenticatorAppFactory(account=attorney)
    client = signed_in(attorney)
    assert 'name="login"' in text(client.get("/mowd/utilities/link/"))
    confirm = client.post("/mowd/utilities/link/", {"login": "aatty", "password": COURT_PASSWORD})
    assert confirm.status_code == 200
    body = text(confirm)
    for shown in (
        "aatty",
        "Alice Attorney",
        "alice.old@lawfirm.example",
        "51234",
        "Attorney",
        "37",
    ):
        assert shown in body
    assert COURT_PASSWORD not in body
    token = re.search(r'name="token" value="([^"]+)"', confirm.content.decode()).group(1)
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    unticked = client.post("/mowd/utilities/link/", {"token": token})
    assert unticked.status_code == 400
    assert "Tick the box to confirm" in text(unticked)
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/mowd/utilities/link/", {"token": token, "confirm": "on"})
    assert done.status_code == 302
    assert done["Location"] == "/mowd/utilities/link/done/"
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    page = text(client.get("/mowd/utilities/link/done/"))
    assert "The CM/ECF login aatty is now linked to your PACER account" in page
    # The page offers what is still missing before filing here (link done: the agreement).
    assert "<h2>Your next step</h2><p>Sign out and sign in again to accept the redaction" in page
    assert 'href="/account/courts/">Your courts' in page
    assert f"e-mailed to {attorney.email} and alice.old@lawfirm.example." in page
    assert [message.to for message in mail.outbox] == [
        [attorney.email],
        ["alice.old@lawfirm.example"],
    ]
    # Signed on before becoming a filer: the redaction agreement was never asked.
    missing = client.get("/mowd/file/")
    assert missing.status_code == 403
    assert re.findall(r'data-step="(\w+)"', missing.content.decode()) == ["redaction"]
    assert "Sign out and sign in again to accept the redaction agreement." in text(missing)
    assert 'href="/logout/"' in missing.content.decode()
    browser = signed_in(attorney, redaction_acknowledged=True)
    menus = browser.get("/mowd/file/")
    assert menus.status_code == 200
    assert 'href="/mowd/file/case/?kind=cv"' in text(menus)  # Open a Civil Case
    assert 'href="/mowd/file/entry/">File a document in an existing civil case</a>' in text(menus)
    assert 'href="/mowd/file/entry/">File a document in an existing criminal case</a>' in text(
        menus
    )
    # Each menu item opens the filing pages for the same filer.
    assert browser.get("/mowd/file/entry/").status_code == 200
    assert browser.get("/mowd/file/case/?kind=cv").status_code == 200


@pytest.mark.django_db
def test_a_forged_confirmation_token_links_nothing(signed_in, attorney, mowd, mowd_login):
    response = signed_in(attorney).post(
        "/mowd/utilities/link/", {"token": "forged", "confirm": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/mowd/utilities/link/"
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.mark.django_db
def test_someone_elses_confirmation_token_links_nothing(signed_in, attorney, mowd, mowd_login):
    other = AccountFactory()
    confirm = signed_in(other).post(
        "/mowd/utilities/link/", {"login": "aatty", "password": COURT_PASSWORD}
    )
    token = re.search(r'name="token" value="([^"]+)"', confirm.content.decode()).group(1)
    response = signed_in(attorney).post("/mowd/utilities/link/", {"token": token, "confirm": "on"})
    assert response.status_code == 302
    assert CourtLogin.objects.get(pk=mowd_login.pk).linked_account_id is None


@pytest.mark.django_db
def test_the_link_page_shows_a_wrong_password_and_links_nothing(
    signed_in, attorney, mowd, mowd_login
):
    response = signed_in(attorney).post(
        "/mowd/utilities/link/", {"login": "aatty", "password": "Wrong-999"}
    )
    assert response.status_code == 400
    assert "The CM/ECF login or password is not right" in text(response)
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.mark.django_db
def test_the_link_page_refuses_a_legacy_account_with_the_upgrade_link(
    signed_in, legacy_attorney, mowd, mowd_login
):
    response = signed_in(legacy_attorney).get("/mowd/utilities/link/")
    assert response.status_code == 403
    assert "/account/upgrade/" in text(response)


@pytest.mark.django_db
def test_the_link_page_before_go_live_says_when_linking_opens(signed_in, attorney, mowd):
    with time_machine.travel(datetime(2018, 4, 1, tzinfo=UTC)):
        response = signed_in(attorney).get("/mowd/utilities/link/")
    assert response.status_code == 409
    assert "linking opens on April 23, 2018 at 12:00 a.m. Central" in text(response)


@pytest.mark.django_db
def test_the_link_page_asks_an_anonymous_visitor_to_sign_in(mowd):
    assert_asks_to_sign_in("/mowd/utilities/link/")


# ---------------------------------------------------------------- filing


@pytest.mark.django_db
def test_the_filing_page_says_exactly_what_is_missing(signed_in, legacy_attorney, mowd):
    AuthenticatorAppFactory(account=legacy_attorney)
    response = signed_in(legacy_attorney).get("/mowd/file/")
    assert response.status_code == 403
    steps = re.findall(r'data-step="(\w+)"', response.content.decode())
    assert steps == ["upgrade", "link", "request"]


@pytest.mark.django_db
def test_the_filing_page_asks_an_anonymous_visitor_to_sign_in(mowd):
    response = Client().get("/mowd/file/")
    assert re.findall(r'data-step="(\w+)"', response.content.decode()) == ["sign_in"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("court_id", "menu"),
    [("mowd", "Criminal"), ("mowb", "Bankruptcy"), ("ca8", "Appellate filing")],
)
def test_the_filing_menus_follow_the_kind_of_court(signed_in, attorney, courts, court_id, menu):
    AuthenticatorAppFactory(account=attorney)
    FilingPrivilegeFactory(court_id=court_id, account=attorney)
    response = signed_in(attorney, redaction_acknowledged=True).get(f"/{court_id}/file/")
    assert response.status_code == 200
    assert menu in text(response)


@pytest.mark.django_db
def test_an_agent_sees_whom_they_file_for(signed_in, attorney, mowd):
    agent = AccountFactory()
    AuthenticatorAppFactory(account=agent)
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")
    FilingAgentAssociation.objects.create(
        court=mowd, principal=attorney, agent=agent, created_at=NOW
    )
    body = text(signed_in(agent, redaction_acknowledged=True).get("/mowd/file/"))
    assert "Alice Attorney — filings show Alice Attorney as the filer" in body


# ---------------------------------------------------------------- agents page


@pytest.mark.django_db
def test_the_agents_page_adds_and_ends_an_agent(signed_in, attorney, mowd):
    FilingPrivilegeFactory(court=mowd, account=attorney)
    agent = AccountFactory(username="paralegal2", first_name="Pat", last_name="Para")
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")
    client = signed_in(attorney)
    bad = client.post("/mowd/utilities/agents/", {"agent": "nobody123"})
    assert bad.status_code == 400
    assert "is not an approved filing agent" in text(bad)
    added = client.post("/mowd/utilities/agents/", {"agent": "paralegal2"})
    assert added.status_code == 302
    association = FilingAgentAssociation.objects.get()
    assert "Pat Para (paralegal2)" in text(client.get("/mowd/utilities/agents/"))
    client.post(f"/mowd/utilities/agents/{association.pk}/end/")
    association.refresh_from_db()
    assert association.ended_at is not None


# ---------------------------------------------------------------- clerk pages


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_only_the_courts_clerks_and_operators_manage_its_logins(
    request, signed_in, mowd, mowd_login, persona, status
):
    client = signed_in(request.getfixturevalue(persona))
    for url in (
        "/mowd/clerk/logins/",
        "/mowd/clerk/logins/add/",
        f"/mowd/clerk/logins/{mowd_login.pk}/",
    ):
        assert client.get(url).status_code == status, url
    disable = client.post(f"/mowd/clerk/logins/{mowd_login.pk}/", {"action": "disable"})
    mowd_login.refresh_from_db()
    assert mowd_login.is_disabled is (status == 200)
    assert disable.status_code == (302 if status == 200 else 404)


@pytest.mark.django_db
def test_the_clerk_searches_the_logins(signed_in, clerk, mowd, mowd_login):
    CourtLoginFactory(court=mowd, login="zed1", first_name="Zed", last_name="Zulu")
    body = text(signed_in(clerk).get("/mowd/clerk/logins/?q=alice"))
    assert "aatty" in body and "zed1" not in body
    body = text(signed_in(clerk).get("/mowd/clerk/logins/?status=linked"))
    assert "No logins match." in body


@pytest.mark.django_db
def test_the_clerk_adds_a_login_from_the_page(
    signed_in, clerk, mowd, django_capture_on_commit_callbacks
):
    form = {
        "login": "added1",
        "first_name": "Ada",
        "last_name": "Added",
        "email": "ada@firm.example",
        "role": "attorney",
        "bar_id": "",
        "bar_state": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(clerk).post("/mowd/clerk/logins/add/", form)
    record = CourtLogin.objects.get(login="added1")
    assert response["Location"] == f"/mowd/clerk/logins/{record.pk}/"
    assert mail.outbox[0].to == ["ada@firm.example"]
    again = signed_in(clerk).post("/mowd/clerk/logins/add/", form)
    assert again.status_code == 400
    assert "There is already a CM/ECF login" in text(again)


@pytest.mark.django_db
def test_the_clerk_resets_a_password_from_the_page(
    signed_in, clerk, mowd, mowd_login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(clerk).post(f"/mowd/clerk/logins/{mowd_login.pk}/", {"action": "reset"})
    assert mail.outbox[0].to == ["alice.old@lawfirm.example"]


@pytest.mark.django_db
def test_the_clerk_undoes_a_link_from_the_page_only_with_a_reason(
    signed_in, clerk, attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    from openecf.ecf import actions

    actions.link_court_login(
        account=attorney, court=mowd, login="aatty", password=COURT_PASSWORD, confirm=True
    )
    client = signed_in(clerk)
    url = f"/mowd/clerk/logins/{mowd_login.pk}/"
    assert "Linked to PACER account" in text(client.get(url))
    emails = OutboundEmail.objects.count()
    missing = client.post(url, {"action": "unlink", "reason": ""})
    assert missing.status_code == 400
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    assert OutboundEmail.objects.count() == emails
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"action": "unlink", "reason": "Linked by the wrong person"})
    assert done.status_code == 302
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    assert FilingPrivilege.objects.get().revoked_at is not None


@pytest.mark.django_db
def test_the_link_page_says_when_the_account_is_already_linked_here(
    signed_in, attorney, mowd, mowd_login
):
    from openecf.ecf import actions

    actions.link_court_login(
        account=attorney, court=mowd, login="aatty", password=COURT_PASSWORD, confirm=True
    )
    response = signed_in(attorney).get("/mowd/utilities/link/")
    assert response.status_code == 409
    assert "already linked to the CM/ECF login &#x27;aatty&#x27; at this court" in text(response)
