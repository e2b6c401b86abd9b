"""5 failures lock for 5 minutes (+1 per further failure), by username and by source address,
with the same words whether or not the username exists."""

from __future__ import annotations

from datetime import timedelta

import pytest

from openecf.core.models import AuditEvent, FailureCount
from openecf.signon.models import CentralSession
from openecf.tests_support.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
WRONG = "Wrong-Password-123!"
LOCKED_5 = "Too many failed sign-in attempts. Try again in 5 minutes."


def fail(login, username, times, addr="10.0.0.1"):
    return [login(username, WRONG, addr=addr) for _ in range(times)][-1]


def test_the_fifth_failure_locks_the_account_for_five_minutes(login, public_user, frozen):
    assert "Invalid username or password." in fail(login, public_user.username, 4).content.decode()
    fifth = fail(login, public_user.username, 1)
    assert fifth.status_code == 429
    assert LOCKED_5 in fifth.content.decode()
    # Even the right password is refused while locked, from any address.
    locked = login(public_user.username, DEFAULT_PASSWORD, addr="10.9.9.9")
    assert LOCKED_5 in locked.content.decode()
    assert not CentralSession.objects.exists()
    assert (
        AuditEvent.objects.filter(verb="signon.locked", subject=f"account:{public_user.pk}").count()
        == 1
    )


def test_the_lock_ends_after_five_minutes(login, public_user, frozen):
    fail(login, public_user.username, 5)
    frozen.shift(timedelta(minutes=5))
    assert login(public_user.username, DEFAULT_PASSWORD, addr="10.9.9.9").status_code == 302


def test_each_further_failure_adds_a_minute(login, public_user, frozen):
    fail(login, public_user.username, 5)
    frozen.shift(timedelta(minutes=5))
    sixth = fail(login, public_user.username, 1, addr="10.9.9.9")
    assert "Try again in 6 minutes." in sixth.content.decode()
    assert FailureCount.objects.get(key=f"signon:user:{public_user.username}").failures == 6


def test_an_unknown_username_locks_with_the_same_words(login, db, frozen):
    fail(login, "no-such-user", 4)
    assert LOCKED_5 in fail(login, "no-such-user", 1).content.decode()


def test_one_address_trying_many_usernames_is_locked_too(login, public_user, frozen):
    for n in range(5):
        last = login(f"guess{n}", WRONG, addr="10.6.6.6")
    assert LOCKED_5 in last.content.decode()
    blocked = login(public_user.username, DEFAULT_PASSWORD, addr="10.6.6.6")
    assert LOCKED_5 in blocked.content.decode()
    assert login(public_user.username, DEFAULT_PASSWORD, addr="10.0.0.2").status_code == 302


def test_a_good_sign_in_clears_the_username_count(login, public_user, frozen):
    fail(login, public_user.username, 4)
    assert login(public_user.username, DEFAULT_PASSWORD, addr="10.0.0.2").status_code == 302
    assert FailureCount.objects.get(key=f"signon:user:{public_user.username}").failures == 0
