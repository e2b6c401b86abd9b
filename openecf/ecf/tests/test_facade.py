"""What other apps use: grant_privilege, privileges_of, is_linked, can_file, filers_at."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from openecf.accounts.models import Account
from openecf.core.models import AuditEvent
from openecf.ecf import facade
from openecf.ecf.factories import CourtLoginFactory, FilingPrivilegeFactory
from openecf.ecf.models import FilingPrivilege
from openecf.signon.factories import AuthenticatorAppFactory
from openecf.tests_support.factories import AccountFactory

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture
def no_mfa_check(attorney):
    """The attorney has an authenticator app, so MFA is not a missing step."""
    AuthenticatorAppFactory(account=attorney)


def _grant(clerk, attorney, *, kind: str = "attorney", **more) -> facade.Privilege:
    """The clerk grants the attorney a privilege at mowd, as an approved request would."""
    return facade.grant_privilege(
        actor_id=clerk.pk,
        court_id="mowd",
        account_id=attorney.pk,
        kind=kind,
        source="approved_request",
        **more,
    )


@pytest.mark.django_db
def test_grant_privilege_records_it_on_the_court_chain_and_marks_a_filer(clerk, attorney, mowd):
    with time_machine.travel(NOW, tick=False):
        privilege = _grant(clerk, attorney, kind="pro_hac_vice", case_number="4:26-cv-00012")
    assert (privilege.kind, privilege.case_number, privilege.granted_at) == (
        "pro_hac_vice",
        "4:26-cv-00012",
        NOW,
    )
    event = AuditEvent.objects.get(verb="filing_privilege.granted")
    assert (event.chain, event.actor_id, event.subject) == (
        "mowd",
        clerk.pk,
        f"account:{attorney.pk}",
    )
    assert Account.objects.get(pk=attorney.pk).filer_since == NOW


@pytest.mark.django_db
def test_grant_privilege_twice_returns_the_live_one(clerk, attorney, mowd):
    first = _grant(clerk, attorney)
    second = _grant(clerk, attorney)
    assert first.id == second.id
    assert FilingPrivilege.objects.count() == 1
    assert AuditEvent.objects.filter(verb="filing_privilege.granted").count() == 1


@pytest.mark.django_db
def test_a_revoked_privilege_can_be_granted_again(clerk, attorney, mowd):
    first = _grant(clerk, attorney)
    facade.revoke_privilege(actor_id=clerk.pk, privilege_id=first.id, reason="Suspended")
    assert facade.privileges_of(account_id=attorney.pk, court_id="mowd") == []
    again = _grant(clerk, attorney)
    assert again.id != first.id
    assert facade.privileges_of(account_id=attorney.pk) == [again]


@pytest.mark.django_db
def test_an_unknown_privilege_kind_is_refused(clerk, attorney, mowd):
    with pytest.raises(Exception, match="'judge' is not a kind of filing privilege"):
        _grant(clerk, attorney, kind="judge")
    assert FilingPrivilege.objects.count() == 0


@pytest.mark.django_db
def test_linked_login_and_court_logins_for_email_are_plain_values(attorney, mowd, mowd_login):
    assert facade.linked_login(account_id=attorney.pk, court_id="mowd") is None
    assert facade.is_linked(account_id=attorney.pk, court_id="mowd") is False
    assert facade.court_logins_for_email(court_id="mowd", email="ALICE.old@lawfirm.example") == [
        facade.CourtLoginOnFile(
            id=mowd_login.pk,
            court_id="mowd",
            login=mowd_login.login,
            full_name=mowd_login.full_name,
            email=mowd_login.email,
            is_disabled=False,
            is_linked=False,
        )
    ]
    mowd_login.linked_account = attorney
    mowd_login.linked_at = NOW
    mowd_login.save()
    assert facade.linked_login(account_id=attorney.pk, court_id="mowd") == facade.LinkedLogin(
        court_id="mowd",
        court_name=mowd.name,
        court_kind=mowd.kind,
        court_kind_label=mowd.get_kind_display(),
        login=mowd_login.login,
    )
    assert facade.is_linked(account_id=attorney.pk, court_id="mowd") is True
    assert [login.court_id for login in facade.linked_logins_of(account_id=attorney.pk)] == ["mowd"]


def codes(check) -> list[str]:
    return [step.code for step in check.missing]


@pytest.mark.django_db
def test_can_file_asks_an_anonymous_person_to_sign_in(mowd):
    with time_machine.travel(NOW):
        check = facade.can_file(None, mowd)
    assert check.allowed is False
    assert [(s.code, s.link) for s in check.missing] == [("sign_in", "/login/?next=/mowd/file/")]


@pytest.mark.django_db
def test_can_file_without_privilege_lists_link_then_request(attorney, mowd, no_mfa_check):
    with time_machine.travel(NOW):
        check = facade.can_file(attorney, mowd)
    assert check.allowed is False
    assert codes(check) == ["link", "request"]
    assert check.missing[0].link == "/mowd/utilities/link/"


@pytest.mark.django_db
def test_can_file_for_a_legacy_account_starts_with_the_upgrade(legacy_attorney, mowd):
    AuthenticatorAppFactory(account=legacy_attorney)
    with time_machine.travel(NOW):
        check = facade.can_file(legacy_attorney, mowd)
    assert codes(check) == ["upgrade", "link", "request"]
    assert check.missing[0].link == "/account/upgrade/"
    assert "Legacy PACER Account" in check.missing[0].text


@pytest.mark.django_db
def test_can_file_for_a_shared_account_says_it_cannot(mowd, no_mfa_check):
    shared = AccountFactory(kind="shared")
    with time_machine.travel(NOW):
        check = facade.can_file(shared, mowd)
    assert codes(check) == ["individual_account"]
    assert "shared PACER account" in check.missing[0].text


@pytest.mark.django_db
def test_can_file_before_go_live_points_to_the_court_login(attorney, ksd):
    with time_machine.travel(NOW):
        check = facade.can_file(attorney, ksd)
    assert codes(check) == ["court_login"]
    assert check.missing[0].link == "/ksd/cgi-bin/login.pl"


@pytest.mark.django_db
def test_can_file_with_a_privilege_is_allowed(attorney, mowd, no_mfa_check):
    FilingPrivilegeFactory(court=mowd, account=attorney)
    with time_machine.travel(NOW):
        check = facade.can_file(attorney, mowd)
    assert (check.allowed, check.missing) == (True, [])


@pytest.mark.django_db
@pytest.mark.parametrize(("acknowledged", "allowed"), [(None, True), (True, True), (False, False)])
def test_can_file_asks_a_filer_whose_session_skipped_the_redaction_agreement_to_sign_in_again(
    attorney, mowd, no_mfa_check, acknowledged, allowed
):
    FilingPrivilegeFactory(court=mowd, account=attorney)
    with time_machine.travel(NOW):
        check = facade.can_file(attorney, mowd, redaction_acknowledged=acknowledged)
    assert check.allowed is allowed
    assert [(s.code, s.text, s.link) for s in check.missing] == (
        []
        if allowed
        else [
            (
                "redaction",
                "Sign out and sign in again to accept the redaction agreement.",
                "/logout/",
            )
        ]
    )


@pytest.mark.django_db
def test_can_file_without_privilege_does_not_ask_for_the_redaction_agreement(
    attorney, mowd, no_mfa_check
):
    with time_machine.travel(NOW):
        check = facade.can_file(attorney, mowd, redaction_acknowledged=False)
    assert codes(check) == ["link", "request"]


@pytest.mark.django_db
def test_can_file_asks_for_mfa_from_the_configured_day(attorney, mowd, settings):
    settings.MFA_REQUIRED_FOR_FILERS_FROM = datetime(2025, 12, 31).date()
    FilingPrivilegeFactory(court=mowd, account=attorney)
    with time_machine.travel(datetime(2025, 12, 30, 12, tzinfo=UTC)):
        assert facade.can_file(attorney, mowd).allowed is True
    with time_machine.travel(datetime(2025, 12, 31, 12, tzinfo=UTC)):
        check = facade.can_file(attorney, mowd)
    assert (check.allowed, codes(check)) == (False, ["mfa"])
    AuthenticatorAppFactory(account=attorney)
    with time_machine.travel(datetime(2025, 12, 31, 12, tzinfo=UTC)):
        assert facade.can_file(attorney, mowd).allowed is True


@pytest.mark.django_db
def test_filers_at_by_audience(mowd, ksd):
    CourtLoginFactory(court=mowd, first_name="Una", last_name="Linked", email="una@x.example")
    CourtLoginFactory(
        court=mowd, first_name="Tom", last_name="Trustee", email="tom@x.example", role="trustee"
    )
    CourtLoginFactory(
        court=mowd, first_name="Dee", last_name="Disabled", email="dee@x.example", is_disabled=True
    )
    CourtLoginFactory(
        court=mowd, first_name="Cal", last_name="Court", email="cal@x.example", role="court_user"
    )
    CourtLoginFactory(court=ksd, first_name="Kay", last_name="Other", email="kay@x.example")
    attorney = AccountFactory(first_name="Ann", last_name="Atty", email="UNA@x.example")
    creditor = AccountFactory(first_name="Cred", last_name="Itor", email="cred@x.example")
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    FilingPrivilegeFactory(court=mowd, account=creditor, kind="creditor")
    revoked = AccountFactory(email="gone@x.example")
    FilingPrivilegeFactory(court=mowd, account=revoked, revoked_at=NOW)

    assert facade.filers_at(court_id="mowd", audience="not_linked") == [
        ("Una Linked", "una@x.example"),
        ("Tom Trustee", "tom@x.example"),
    ]
    assert facade.filers_at(court_id="mowd", audience="all") == [
        ("Una Linked", "una@x.example"),
        ("Tom Trustee", "tom@x.example"),
        ("Cred Itor", "cred@x.example"),  # Ann Atty shares Una's e-mail: one notice
    ]
    assert facade.filers_at(court_id="mowd", audience="attorneys") == [
        ("Una Linked", "una@x.example")
    ]
    other = AccountFactory(first_name="Pia", last_name="Phv", email="pia@x.example")
    FilingPrivilegeFactory(court=mowd, account=other, kind="pro_hac_vice", case_number="1")
    assert facade.filers_at(court_id="mowd", audience="attorneys")[-1] == (
        "Pia Phv",
        "pia@x.example",
    )
    with pytest.raises(ValueError):
        facade.filers_at(court_id="mowd", audience="everyone")
