"""Linking a CM/ECF login to a PACER account: the action, every refusal, what carries over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from openecf.accounts.models import Account
from openecf.core.models import AuditEvent, FailureCount, OutboundEmail
from openecf.ecf import actions, errors, queries
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.ecf.models import (
    CourtLogin,
    CourtLoginAgent,
    FilingAgentAssociation,
    FilingPrivilege,
)
from openecf.ecf.tests.test_rules import PRIVILEGE_FOR_ROLE
from openecf.tests_support.factories import AccountFactory

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def link(account, court, **changes):
    """Link the court's login ``aatty`` to ``account``, confirmed, from 10.0.0.1 (``changes``
    change any other argument)."""
    arguments = {
        "login": "aatty",
        "password": COURT_PASSWORD,
        "confirm": True,
        "address": "10.0.0.1",
        **changes,
    }
    return actions.link_court_login(account=account, court=court, **arguments)


def assert_nothing_linked(court_login=None):
    if court_login is not None:
        court_login.refresh_from_db()
        assert court_login.linked_account_id is None
        assert court_login.linked_at is None
    assert FilingPrivilege.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert not AuditEvent.objects.filter(verb="court_login.linked").exists()


@pytest.mark.django_db
def test_linking_moves_the_login_to_the_pacer_account(
    attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        record = link(attorney, mowd)
    record.refresh_from_db()
    assert record.linked_account_id == attorney.pk
    assert record.linked_at == NOW
    privilege = FilingPrivilege.objects.get()
    assert (privilege.court_id, privilege.account_id, privilege.kind, privilege.source) == (
        "mowd",
        attorney.pk,
        "attorney",
        "linked_login",
    )
    assert privilege.court_login_id == record.pk
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    assert Account.objects.get(pk=attorney.pk).filer_since is not None
    event = AuditEvent.objects.get(verb="court_login.linked")
    assert event.chain == "mowd"
    assert event.details["court_login"] == "aatty"
    to_account, to_login = mail.outbox
    assert to_account.to == [attorney.email]
    assert to_account.body.startswith(
        f"Your PACER account {attorney.username} is now linked to the CM/ECF login aatty "
        "(Alice Attorney) at "
    )
    assert to_login.to == ["alice.old@lawfirm.example"]
    assert to_login.body.startswith(
        "Your CM/ECF login aatty (Alice Attorney) at United States District Court for the "
        "Western District of Missouri is now linked to a PACER account."
    )
    for message, other in ((to_account, "alice.old@lawfirm.example"), (to_login, attorney.email)):
        assert other not in message.body
    assert attorney.username not in to_login.body


@pytest.mark.django_db
def test_preview_shows_the_court_record_and_changes_nothing(attorney, mowd, mowd_login):
    with time_machine.travel(NOW):
        record = actions.preview_link(
            account=attorney, court=mowd, login="AATTY", password=COURT_PASSWORD
        )
    assert record == queries.CourtRecord(
        login="aatty",
        name="Alice Attorney",
        email="alice.old@lawfirm.example",
        bar_id="51234",
        bar_state="MO",
        role="attorney",
        role_label="Attorney",
        case_count=37,
    )
    assert_nothing_linked(mowd_login)


@pytest.mark.django_db
def test_link_opens_at_the_go_live_moment(attorney, mowd, mowd_login):
    with time_machine.travel(datetime(2018, 4, 23, 5, 0, tzinfo=UTC)):
        link(attorney, mowd)
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.fixture
def shared_account(db):
    return AccountFactory(kind="shared")


@pytest.mark.parametrize(
    ("who", "court_id", "when", "refusal", "words"),
    [
        pytest.param(
            "attorney",
            "mowd",
            datetime(2018, 4, 23, 4, 59, tzinfo=UTC),
            errors.LinkBeforeGoLive,
            ["linking opens on April 23, 2018 at 12:00 a.m. Central"],
            id="before-the-court-goes-live",
        ),
        pytest.param(
            "attorney",
            "moed",
            NOW,
            errors.CourtNotOnNextGen,
            ["does not use NextGen CM/ECF yet", "/moed/cgi-bin/login.pl"],
            id="at-a-court-without-nextgen",
        ),
        pytest.param(
            "legacy_attorney",
            "mowd",
            NOW,
            errors.AccountCannotLink,
            ["Legacy PACER Account", "/account/upgrade/"],
            id="for-a-legacy-pacer-account",
        ),
        pytest.param(
            "shared_account",
            "mowd",
            NOW,
            errors.AccountCannotLink,
            ["shared PACER account"],
            id="for-a-shared-account",
        ),
    ],
)
@pytest.mark.django_db
def test_link_is_refused_and_nothing_is_linked_or_counted(
    request, who, court_id, when, refusal, words
):
    account, court = request.getfixturevalue(who), request.getfixturevalue(court_id)
    login = CourtLoginFactory(court=court, login="aatty")
    with time_machine.travel(when), pytest.raises(refusal) as refused:
        link(account, court)
    for word in words:
        assert word in refused.value.message
    assert_nothing_linked(login)
    assert FailureCount.objects.count() == 0  # no wrong password to count


@pytest.mark.django_db
def test_link_is_refused_for_a_court_login_already_linked(attorney, mowd, mowd_login):
    other = AccountFactory()
    with time_machine.travel(NOW):
        link(other, mowd)
        before = (FilingPrivilege.objects.count(), OutboundEmail.objects.count())
        with pytest.raises(errors.CourtLoginAlreadyLinked) as refused:
            link(attorney, mowd)
    assert refused.value.message == (
        "This CM/ECF login is already linked to another PACER account. If that is a "
        "mistake, contact the clerk's office."
    )
    mowd_login.refresh_from_db()
    assert mowd_login.linked_account_id == other.pk
    assert (FilingPrivilege.objects.count(), OutboundEmail.objects.count()) == before


@pytest.mark.django_db
def test_link_is_refused_when_the_pacer_account_is_already_linked_at_that_court(
    attorney, mowd, mowd_login
):
    second = CourtLoginFactory(court=mowd, login="aatty2", role="trustee")
    with time_machine.travel(NOW):
        link(attorney, mowd)
        with pytest.raises(errors.AccountAlreadyLinkedHere) as refused:
            link(attorney, mowd, login="aatty2")
    assert "already linked to the CM/ECF login 'aatty'" in refused.value.message
    second.refresh_from_db()
    assert second.linked_account_id is None
    assert FilingPrivilege.objects.filter(kind="trustee").count() == 0


@pytest.mark.django_db
def test_link_is_refused_with_a_wrong_court_password(attorney, mowd, mowd_login):
    with time_machine.travel(NOW), pytest.raises(errors.WrongCourtPassword) as refused:
        link(attorney, mowd, password="Not-The-Password-1")
    assert refused.value.message == actions.WRONG_PASSWORD
    assert_nothing_linked(mowd_login)
    assert FailureCount.objects.get(key="ecf:login:mowd:aatty").failures == 1


@pytest.mark.django_db
def test_unknown_login_gets_the_same_message_as_a_wrong_password(attorney, mowd, mowd_login):
    with time_machine.travel(NOW), pytest.raises(errors.WrongCourtPassword) as refused:
        link(attorney, mowd, login="nobody")
    assert refused.value.message == actions.WRONG_PASSWORD
    assert_nothing_linked(mowd_login)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_court_login_even_for_the_right_one(
    attorney, mowd, mowd_login
):
    with time_machine.travel(NOW, tick=False):
        for _ in range(5):
            with pytest.raises(errors.WrongCourtPassword):
                link(attorney, mowd, password="Wrong-Pass-11")
        with pytest.raises(errors.CourtLoginLocked) as refused:
            link(attorney, mowd)
    assert refused.value.message.startswith(
        "Too many wrong passwords: the CM/ECF login aatty is locked. Try again in 5 minutes"
    )
    assert_nothing_linked(mowd_login)
    with time_machine.travel(datetime(2026, 11, 25, 15, 5, 1, tzinfo=UTC)):
        link(attorney, mowd)
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)


@pytest.mark.django_db
def test_an_unconfirmed_link_changes_nothing(attorney, mowd, mowd_login):
    with time_machine.travel(NOW), pytest.raises(errors.LinkNotConfirmed):
        link(attorney, mowd, confirm=False)
    assert_nothing_linked(mowd_login)


@pytest.mark.django_db
def test_a_disabled_court_login_cannot_be_linked(attorney, mowd, mowd_login):
    CourtLogin.objects.filter(pk=mowd_login.pk).update(is_disabled=True)
    with time_machine.travel(NOW), pytest.raises(errors.CourtLoginDisabled):
        link(attorney, mowd)
    assert_nothing_linked(mowd_login)


@pytest.mark.django_db
def test_a_court_user_login_cannot_be_linked(attorney, mowd):
    login = CourtLoginFactory(court=mowd, login="deputy1", role="court_user")
    with time_machine.travel(NOW), pytest.raises(errors.CourtLoginCannotLink):
        link(attorney, mowd, login="deputy1")
    assert_nothing_linked(login)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "kind"), [pair for pair in PRIVILEGE_FOR_ROLE if pair[1]])
def test_the_privilege_follows_the_login_role(attorney, mowd, role, kind):
    CourtLoginFactory(court=mowd, login="someone", role=role)
    with time_machine.travel(NOW):
        link(attorney, mowd, login="someone")
    assert list(FilingPrivilege.objects.values_list("kind", flat=True)) == [kind]


@pytest.mark.django_db
def test_filing_agents_carry_over_once_both_logins_are_linked(attorney, mowd, mowd_login):
    agent_login = CourtLoginFactory(court=mowd, login="agent1", role="filing_agent")
    CourtLoginAgent.objects.create(
        court=mowd, principal_login=mowd_login, agent_login=agent_login, created_at=NOW
    )
    agent = AccountFactory()
    with time_machine.travel(NOW):
        link(attorney, mowd)
        assert FilingAgentAssociation.objects.count() == 0
        link(agent, mowd, login="agent1")
    association = FilingAgentAssociation.objects.get()
    assert (association.principal_id, association.agent_id, association.court_id) == (
        attorney.pk,
        agent.pk,
        "mowd",
    )


@pytest.mark.django_db
def test_a_linked_login_no_longer_signs_in(attorney, mowd, mowd_login):
    with time_machine.travel(NOW):
        link(attorney, mowd)
    earlier = datetime(2018, 1, 1, tzinfo=UTC)  # as if before go-live again
    with time_machine.travel(earlier), pytest.raises(errors.CourtLoginAlreadyLinked):
        actions.sign_in_court_login(court=mowd, login="aatty", password=COURT_PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"kind": "administrative"}, "PACER Administrative Account cannot"),
        ({"status": "inactive"}, "This PACER account is not active"),
    ],
)
def test_link_is_refused_for_an_administrative_or_inactive_account(mowd, mowd_login, fields, words):
    account = AccountFactory(**fields)
    with time_machine.travel(NOW), pytest.raises(errors.AccountCannotLink) as refused:
        link(account, mowd)
    assert words in refused.value.message
    assert_nothing_linked(mowd_login)
