"""Court-local sessions before go-live: stored as digests, signed out with an audit row, and
ended when the clerk disables or resets the login, the holder resets it, or it is linked."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.hashers import check_password

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf import actions, errors, queries
from openecf.ecf.factories import COURT_PASSWORD, CourtLoginFactory
from openecf.ecf.models import CourtLogin, CourtLoginReset, CourtLoginSession
from openecf.tests_support.outbox import link_from_outbox

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture
def ksd_login(ksd):
    return CourtLoginFactory(court=ksd, login="kfiler", email="kfiler@lawfirm.example")


def sign_in(court, login="kfiler") -> str:
    _, key = actions.sign_in_court_login(court=court, login=login, password=COURT_PASSWORD)
    return key


def reset_token(court, login, capture) -> str:
    with capture(execute=True):
        actions.request_court_password_reset(court=court, login=login)
    return link_from_outbox("login.pl?reset=")


def reset_refused(court, court_login, token: str, error: type[Exception]) -> str:
    """Resetting ``court_login``'s password with ``token`` is refused with ``error`` and changes
    nothing (the old password, the link unused, no audit row, no e-mail): the refusal's words."""
    before = AuditEvent.objects.count(), OutboundEmail.objects.count()
    with pytest.raises(error) as refused:
        actions.reset_court_password(court=court, token=token, new_password="Brand-New-9")
    court_login.refresh_from_db()
    assert check_password(COURT_PASSWORD, court_login.password)
    assert CourtLoginReset.objects.get().used_at is None
    assert (AuditEvent.objects.count(), OutboundEmail.objects.count()) == before
    return refused.value.message


@pytest.mark.django_db
def test_only_a_digest_of_the_session_key_is_stored(ksd, ksd_login):
    with time_machine.travel(NOW):
        key = sign_in(ksd)
        session = CourtLoginSession.objects.get()
        assert session.key_digest == hashlib.sha256(key.encode()).hexdigest()
        assert key not in session.key_digest
        assert queries.court_session_login(ksd, key) == ksd_login
        assert queries.court_session_login(ksd, session.key_digest) is None


@pytest.mark.django_db
def test_signing_out_ends_the_session_and_writes_an_audit_row(ksd, ksd_login):
    with time_machine.travel(NOW, tick=False):
        key = sign_in(ksd)
        actions.sign_out_court_login(court=ksd, key=key)
        assert queries.court_session_login(ksd, key) is None
    assert CourtLoginSession.objects.get().ended_at == NOW
    event = AuditEvent.objects.get(verb="court_login.signed_out")
    assert (event.chain, event.subject, event.actor_id, event.details) == (
        "ksd",
        f"court_login:{ksd_login.pk}",
        None,
        {"court_login": "kfiler"},
    )


@pytest.mark.django_db
def test_signing_out_with_an_unknown_key_changes_nothing(ksd, ksd_login):
    with time_machine.travel(NOW):
        key = sign_in(ksd)
        actions.sign_out_court_login(court=ksd, key="not-a-session")
        assert queries.court_session_login(ksd, key) == ksd_login
    assert not AuditEvent.objects.filter(verb="court_login.signed_out").exists()


@pytest.mark.django_db
def test_the_clerk_reset_ends_the_court_sessions(other_court_clerk, ksd, ksd_login):
    with time_machine.travel(NOW):
        key = sign_in(ksd)
        actions.clerk_reset_court_password(
            actor_id=other_court_clerk.pk, court=ksd, court_login_id=ksd_login.pk
        )
        assert queries.court_session_login(ksd, key) is None
    event = AuditEvent.objects.get(verb="court_login.password_reset_by_clerk")
    assert event.details == {"court_login": "kfiler", "sessions_ended": 1}


@pytest.mark.django_db
def test_disabling_records_how_many_court_sessions_ended(other_court_clerk, ksd, ksd_login):
    with time_machine.travel(NOW):
        sign_in(ksd)
        sign_in(ksd)
        actions.set_court_login_disabled(
            actor_id=other_court_clerk.pk, court=ksd, court_login_id=ksd_login.pk, disabled=True
        )
    assert CourtLoginSession.objects.filter(ended_at__isnull=True).count() == 0
    event = AuditEvent.objects.get(verb="court_login.disabled")
    assert event.details == {"court_login": "kfiler", "sessions_ended": 2}


@pytest.mark.django_db
def test_a_password_reset_by_link_ends_the_court_sessions(
    ksd, ksd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW):
        key = sign_in(ksd)
        token = reset_token(ksd, "kfiler", django_capture_on_commit_callbacks)
        actions.reset_court_password(court=ksd, token=token, new_password="Brand-New-9")
        assert queries.court_session_login(ksd, key) is None
    event = AuditEvent.objects.get(verb="court_login.password_reset")
    assert event.details == {"court_login": "kfiler", "sessions_ended": 1}


@pytest.mark.django_db
def test_a_reset_link_of_a_login_disabled_since_is_refused_and_changes_nothing(
    other_court_clerk, ksd, ksd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW):
        token = reset_token(ksd, "kfiler", django_capture_on_commit_callbacks)
        actions.set_court_login_disabled(
            actor_id=other_court_clerk.pk, court=ksd, court_login_id=ksd_login.pk, disabled=True
        )
        refusal = reset_refused(ksd, ksd_login, token, errors.CourtLoginDisabled)
    assert refusal == (
        "This CM/ECF login has been disabled by the clerk's office, so its password cannot be "
        "reset: contact the court."
    )


@pytest.mark.django_db
def test_a_reset_link_of_a_login_linked_since_is_refused_and_changes_nothing(
    attorney, mowd, mowd_login, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW):
        token = reset_token(mowd, "aatty", django_capture_on_commit_callbacks)
        actions.link_court_login(
            account=attorney, court=mowd, login="aatty", password=COURT_PASSWORD, confirm=True
        )
        refusal = reset_refused(mowd, mowd_login, token, errors.CourtLoginAlreadyLinked)
    assert refusal == (
        "This CM/ECF login is linked to a PACER account and no longer works, so its password "
        "cannot be reset: sign in with your PACER account (reset that password at "
        "/account/forgot-password/ if you forgot it)."
    )


@pytest.mark.django_db
def test_linking_ends_the_court_sessions_left_from_before_go_live(attorney, ksd, ksd_login):
    with time_machine.travel(ksd.nextgen_go_live - timedelta(hours=1)):
        sign_in(ksd)
    with time_machine.travel(ksd.nextgen_go_live + timedelta(minutes=1)):
        actions.link_court_login(
            account=attorney, court=ksd, login="kfiler", password=COURT_PASSWORD, confirm=True
        )
    assert CourtLoginSession.objects.get().ended_at is not None
    assert CourtLogin.objects.get().linked_account_id == attorney.pk


@pytest.mark.django_db
def test_five_failures_from_one_address_lock_every_login_name_from_it(ksd, ksd_login):
    with time_machine.travel(NOW, tick=False):
        for index in range(5):
            with pytest.raises(errors.WrongCourtPassword):
                actions.sign_in_court_login(
                    court=ksd, login=f"guess{index}", password="Wrong-Pass-1", address="10.0.0.9"
                )
        with pytest.raises(errors.CourtLoginLocked) as refused:
            actions.sign_in_court_login(
                court=ksd, login="kfiler", password=COURT_PASSWORD, address="10.0.0.9"
            )
        # What is locked is the address, not kfiler (which had no failure).
        assert refused.value.message == (
            "Too many wrong passwords from your network address (10.0.0.9): signing in to "
            "D. Kan. from it is paused, whatever the login. Try again in 5 minutes."
        )
        actions.sign_in_court_login(
            court=ksd, login="kfiler", password=COURT_PASSWORD, address="10.0.0.10"
        )
    assert CourtLoginSession.objects.count() == 1
