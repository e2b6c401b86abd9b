"""Court logins before go-live, "Forgot your password", and the clerk's management actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.hashers import check_password
from django.core import mail

from openecf.core.errors import InputInvalid
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf import actions, errors, queries
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.ecf.models import CourtLogin, CourtLoginReset, CourtLoginSession, FilingPrivilege
from openecf.tests_support.outbox import link_from_outbox

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_a_court_login_signs_in_at_its_court_before_go_live(ksd):
    CourtLoginFactory(court=ksd, login="kfiler")
    with time_machine.travel(NOW):
        record, key = actions.sign_in_court_login(
            court=ksd, login="KFILER", password=COURT_PASSWORD
        )
        assert queries.court_session_login(ksd, key) == record
    assert CourtLoginSession.objects.get().court_login == record
    assert AuditEvent.objects.filter(verb="court_login.signed_in", chain="ksd").count() == 1


@pytest.mark.django_db
def test_court_login_sign_in_is_refused_from_go_live(mowd, mowd_login):
    with time_machine.travel(NOW), pytest.raises(errors.CourtLoginCannotLink) as refused:
        actions.sign_in_court_login(court=mowd, login="aatty", password=COURT_PASSWORD)
    assert "/login/?next=/mowd/" in refused.value.message
    assert CourtLoginSession.objects.count() == 0


@pytest.mark.django_db
def test_a_court_session_ends_when_the_court_goes_live(ksd):
    CourtLoginFactory(court=ksd, login="kfiler")
    with time_machine.travel(NOW):
        _, key = actions.sign_in_court_login(court=ksd, login="kfiler", password=COURT_PASSWORD)
    with time_machine.travel(ksd.nextgen_go_live):
        assert queries.court_session_login(ksd, key) is None


@pytest.mark.django_db
def test_forgot_password_emails_a_single_use_link(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW), django_capture_on_commit_callbacks(execute=True):
        actions.request_court_password_reset(court=mowd, login="AATTY")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice.old@lawfirm.example"]
    token = link_from_outbox("login.pl?reset=")
    with time_machine.travel(NOW + timedelta(minutes=30)):
        actions.reset_court_password(court=mowd, token=token, new_password="Brand-New-9")
        with pytest.raises(errors.ResetLinkNotValid):
            actions.reset_court_password(court=mowd, token=token, new_password="Again-New-9")
    mowd_login.refresh_from_db()
    assert check_password("Brand-New-9", mowd_login.password)


@pytest.mark.django_db
def test_forgot_password_for_an_unknown_login_sends_nothing(
    mowd, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_court_password_reset(court=mowd, login="nobody")
    assert mail.outbox == []
    assert CourtLoginReset.objects.count() == 0


@pytest.mark.django_db
def test_a_reset_link_stores_when_it_expires(mowd, mowd_login):
    with time_machine.travel(NOW, tick=False):
        actions.request_court_password_reset(court=mowd, login="aatty")
    reset = CourtLoginReset.objects.get()
    assert (reset.created_at, reset.expires_at, reset.used_at) == (
        NOW,
        NOW + timedelta(hours=1),
        None,
    )


@pytest.mark.django_db
def test_a_reset_link_expires_after_an_hour(mowd, mowd_login, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW), django_capture_on_commit_callbacks(execute=True):
        actions.request_court_password_reset(court=mowd, login="aatty")
    token = link_from_outbox("login.pl?reset=")
    with (
        time_machine.travel(NOW + timedelta(hours=1, seconds=1)),
        pytest.raises(errors.ResetLinkNotValid),
    ):
        actions.reset_court_password(court=mowd, token=token, new_password="Brand-New-9")
    mowd_login.refresh_from_db()
    assert check_password(COURT_PASSWORD, mowd_login.password)


@pytest.mark.django_db
def test_a_weak_new_password_is_refused_and_the_link_stays_usable(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW), django_capture_on_commit_callbacks(execute=True):
        actions.request_court_password_reset(court=mowd, login="aatty")
    token = link_from_outbox("login.pl?reset=")
    with time_machine.travel(NOW), pytest.raises(InputInvalid) as refused:
        actions.reset_court_password(court=mowd, token=token, new_password="weak")
    assert refused.value.message == "Use at least 8 characters."
    assert CourtLoginReset.objects.get().used_at is None


@pytest.mark.django_db
def test_the_clerk_adds_a_login_and_its_holder_gets_a_password_link(
    clerk, mowd, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = actions.add_court_login(
            actor_id=clerk.pk,
            court=mowd,
            login="newatty",
            first_name="Nina",
            last_name="New",
            email="nina@lawfirm.example",
            role="attorney",
            bar_id="60001",
            bar_state="mo",
        )
    assert (record.login, record.full_name, record.bar_state, record.role) == (
        "newatty",
        "Nina New",
        "MO",
        "attorney",
    )
    assert record.password.startswith("!")  # unusable until the holder chooses one
    assert not check_password(COURT_PASSWORD, record.password)
    assert mail.outbox[0].to == ["nina@lawfirm.example"]
    assert AuditEvent.objects.get(verb="court_login.added").actor_id == clerk.pk


@pytest.mark.parametrize(
    ("login", "refusal"),
    [
        pytest.param(
            "AATTY",
            "There is already a CM/ECF login 'AATTY' at this court: choose another.",
            id="taken-in-other-letters",
        ),
        pytest.param("x y", "login 'x y' must be 2-40 letters, digits or . _ @ -", id="malformed"),
    ],
)
@pytest.mark.django_db
def test_a_refused_new_login_says_what_is_wrong_and_adds_nothing(
    clerk, mowd, mowd_login, login, refusal
):
    with pytest.raises(errors.BadCourtLogin) as refused:
        actions.add_court_login(
            actor_id=clerk.pk,
            court=mowd,
            login=login,
            first_name="A",
            last_name="B",
            email="a@b.example",
            role="attorney",
        )
    assert refused.value.message == refusal
    assert list(CourtLogin.objects.values_list("login", flat=True)) == ["aatty"]
    assert OutboundEmail.objects.count() == 0


@pytest.mark.django_db
def test_a_disabled_login_cannot_sign_in_and_its_sessions_end(clerk, ksd):
    login = CourtLoginFactory(court=ksd, login="kfiler")
    with time_machine.travel(NOW):
        _, key = actions.sign_in_court_login(court=ksd, login="kfiler", password=COURT_PASSWORD)
        actions.set_court_login_disabled(
            actor_id=clerk.pk, court=ksd, court_login_id=login.pk, disabled=True
        )
        assert queries.court_session_login(ksd, key) is None
        with pytest.raises(errors.CourtLoginDisabled):
            actions.sign_in_court_login(court=ksd, login="kfiler", password=COURT_PASSWORD)
        actions.set_court_login_disabled(
            actor_id=clerk.pk, court=ksd, court_login_id=login.pk, disabled=False
        )
        actions.sign_in_court_login(court=ksd, login="kfiler", password=COURT_PASSWORD)
    verbs = list(AuditEvent.objects.filter(chain="ksd").values_list("verb", flat=True))
    assert "court_login.disabled" in verbs and "court_login.enabled" in verbs


@pytest.mark.django_db
def test_the_clerk_reset_stops_the_old_password_and_emails_a_link(
    clerk, mowd, mowd_login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.clerk_reset_court_password(
            actor_id=clerk.pk, court=mowd, court_login_id=mowd_login.pk
        )
    mowd_login.refresh_from_db()
    assert not check_password(COURT_PASSWORD, mowd_login.password)
    assert mail.outbox[0].to == ["alice.old@lawfirm.example"]
    assert "reset the password" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_clerk_undoes_a_link_with_a_reason(
    clerk, attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW):
        actions.link_court_login(
            account=attorney, court=mowd, login="aatty", password=COURT_PASSWORD, confirm=True
        )
    mail.outbox.clear()
    with (
        time_machine.travel(NOW + timedelta(days=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        actions.undo_link(
            actor_id=clerk.pk, court=mowd, court_login_id=mowd_login.pk, reason="Wrong attorney"
        )
    mowd_login.refresh_from_db()
    assert (mowd_login.linked_account_id, mowd_login.linked_at) == (None, None)
    privilege = FilingPrivilege.objects.get()
    assert privilege.revoked_at == NOW + timedelta(days=1)
    assert privilege.revoked_reason == "Link undone by the clerk: Wrong attorney"
    assert not queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    event = AuditEvent.objects.get(verb="court_login.unlinked")
    assert (event.actor_id, event.details["reason"]) == (clerk.pk, "Wrong attorney")
    to_account, to_login = mail.outbox
    assert (to_account.to, to_login.to) == ([attorney.email], ["alice.old@lawfirm.example"])
    assert to_account.body.startswith(
        "The clerk's office at United States District Court for the Western District of "
        f"Missouri undid the link between your PACER account {attorney.username} and the "
        "CM/ECF login aatty (Alice Attorney)."
    )
    assert to_login.body.startswith(
        "The clerk's office at United States District Court for the Western District of "
        "Missouri undid the link between your CM/ECF login aatty (Alice Attorney) and a PACER "
        "account."
    )
    for message in (to_account, to_login):
        assert "Reason: Wrong attorney" in message.body
    assert "alice.old@lawfirm.example" not in to_account.body
    assert attorney.email not in to_login.body and attorney.username not in to_login.body


@pytest.mark.django_db
def test_undoing_a_link_needs_a_reason(clerk, attorney, mowd, mowd_login):
    with time_machine.travel(NOW):
        actions.link_court_login(
            account=attorney, court=mowd, login="aatty", password=COURT_PASSWORD, confirm=True
        )
    emails = OutboundEmail.objects.count()
    with pytest.raises(InputInvalid) as refused:
        actions.undo_link(actor_id=clerk.pk, court=mowd, court_login_id=mowd_login.pk, reason="  ")
    assert refused.value.message == "Give the reason for undoing this link."
    assert queries.is_linked(account_id=attorney.pk, court_id=mowd.pk)
    assert OutboundEmail.objects.count() == emails


@pytest.mark.django_db
def test_undoing_an_unlinked_login_is_refused(clerk, mowd, mowd_login):
    with pytest.raises(errors.BadCourtLogin) as refused:
        actions.undo_link(actor_id=clerk.pk, court=mowd, court_login_id=mowd_login.pk, reason="x")
    assert refused.value.message == "This CM/ECF login is not linked: there is nothing to undo."


@pytest.mark.django_db
def test_clerk_actions_do_not_reach_another_courts_login(clerk, mowd, ksd):
    other = CourtLoginFactory(court=ksd)
    with pytest.raises(errors.NotFound):
        actions.set_court_login_disabled(
            actor_id=clerk.pk, court=mowd, court_login_id=other.pk, disabled=True
        )
    other.refresh_from_db()
    assert other.is_disabled is False


@pytest.mark.django_db
def test_forgot_password_sends_at_most_three_links_an_hour(
    mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW), django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            actions.request_court_password_reset(court=mowd, login="aatty")
    assert len(mail.outbox) == 3
    with (
        time_machine.travel(NOW + timedelta(hours=1, minutes=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        actions.request_court_password_reset(court=mowd, login="aatty")
    assert len(mail.outbox) == 4
