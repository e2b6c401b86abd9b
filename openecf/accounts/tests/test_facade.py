"""What signon, firms and the court apps ask of PACER accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

from openecf.accounts import facade
from openecf.accounts.facade import SignOnRefusal
from openecf.accounts.models import Account
from openecf.core.models import AuditEvent
from openecf.tests_support.factories import (
    DEFAULT_PASSWORD,
    AccountFactory,
    LegacyAccountFactory,
)


@pytest.mark.parametrize(
    ("fields", "filer"),
    [
        ({"purpose": "attorney_filer"}, True),
        ({"purpose": "non_attorney_filer"}, True),
        ({"purpose": "case_search"}, False),
        ({"purpose": "case_search", "filer_since": datetime(2024, 1, 1, tzinfo=UTC)}, True),
        ({"purpose": "attorney_filer", "kind": "shared"}, False),
        ({"purpose": "attorney_filer", "kind": "administrative"}, False),
    ],
)
def test_who_is_a_filer(db, fields, filer):
    assert facade.is_filer(AccountFactory(**fields)) is filer


def test_an_upgraded_active_individual_may_file_or_link(attorney):
    assert facade.can_file_or_link(attorney) is None


@pytest.mark.parametrize(
    ("make", "starts"),
    [
        (lambda: LegacyAccountFactory(), "This is a Legacy PACER Account: upgrade it"),
        (lambda: AccountFactory(kind="shared"), "A shared PACER account (used by more than one"),
        (lambda: AccountFactory(kind="administrative"), "A PACER Administrative Account cannot"),
        (lambda: AccountFactory(status="inactive"), "This PACER account is not active."),
    ],
)
def test_reasons_an_account_may_not_file_or_link(db, make, starts):
    assert facade.can_file_or_link(make()).startswith(starts)


def test_mark_as_filer_sets_the_moment_once(public_user):
    first = datetime(2026, 3, 1, 12, tzinfo=UTC)
    with time_machine.travel(first, tick=False):
        assert facade.mark_as_filer(account_id=public_user.pk) == first
    with time_machine.travel(first + timedelta(days=5), tick=False):
        assert facade.mark_as_filer(account_id=public_user.pk) == first
    public_user.refresh_from_db()
    assert public_user.filer_since == first
    assert facade.is_filer(public_user)
    rows = AuditEvent.objects.filter(
        subject=f"account:{public_user.pk}", verb="account.became_filer"
    )
    assert rows.count() == 1


def test_password_expiry_follows_the_180_day_rule(db):
    changed = datetime(2026, 1, 1, tzinfo=UTC)
    account = AccountFactory(password_changed_at=changed)
    assert not facade.password_expired(account, changed + timedelta(days=180))
    assert facade.password_expired(account, changed + timedelta(days=181))


def test_authenticate_accepts_the_right_password_in_any_username_case(attorney):
    moment = datetime(2026, 5, 5, 9, tzinfo=UTC)
    check = facade.authenticate(attorney.username.upper(), DEFAULT_PASSWORD, now=moment)
    assert check.ok
    assert check.account.pk == attorney.pk
    assert check.refusal == ""
    attorney.refresh_from_db()
    assert attorney.last_login == moment


def test_authenticate_refuses_a_wrong_password_and_names_the_account(attorney):
    check = facade.authenticate(attorney.username, "Wrong-Password-123!")
    assert not check.ok
    assert check.account is None
    assert check.account_id == attorney.pk
    assert check.refusal == SignOnRefusal.BAD_CREDENTIALS
    assert check.message == "Invalid username or password."
    attorney.refresh_from_db()
    assert attorney.last_login is None


def test_authenticate_refuses_an_unknown_username_the_same_way(db):
    check = facade.authenticate("nobody-here", DEFAULT_PASSWORD)
    assert (check.ok, check.account_id, check.refusal, check.message) == (
        False,
        None,
        SignOnRefusal.BAD_CREDENTIALS,
        "Invalid username or password.",
    )


@pytest.mark.parametrize(
    ("status", "refusal", "says"),
    [
        ("pending_verification", SignOnRefusal.PENDING_VERIFICATION, "Verify your e-mail first"),
        ("review_hold", SignOnRefusal.REVIEW_HOLD, "on hold for review"),
        ("inactive", SignOnRefusal.INACTIVE, "reactivate it at /account/reactivate/"),
        ("disabled", SignOnRefusal.DISABLED, "disabled by the PACER Service Center"),
    ],
)
def test_authenticate_says_why_an_account_that_is_not_active_may_not_sign_on(
    db, status, refusal, says
):
    account = AccountFactory(status=status)
    check = facade.authenticate(account.username, DEFAULT_PASSWORD)
    assert not check.ok
    assert check.refusal == refusal
    assert says in check.message
    assert check.account_id == account.pk


REAL = Argon2PasswordHasher
PRODUCTION_ARGON2 = (
    f"argon2$argon2id$v=19$m={REAL.memory_cost},t={REAL.time_cost},p={REAL.parallelism}$"
)


def test_passwords_hash_with_argon2id_at_djangos_full_cost(real_password_hashing):
    assert make_password("Blue-Heron-Lantern-42!").startswith(PRODUCTION_ARGON2)


def test_authenticate_rehashes_an_old_hash_with_argon2id(db, real_password_hashing):
    account = AccountFactory(password=make_password("Old-Pbkdf2-Password!", hasher="pbkdf2_sha256"))
    assert facade.authenticate(account.username, "Old-Pbkdf2-Password!").ok
    account.refresh_from_db()
    assert account.password.startswith("argon2$argon2id$")
    assert account.password.startswith(PRODUCTION_ARGON2)
    assert facade.authenticate(account.username, "Old-Pbkdf2-Password!").ok


def test_account_summary_is_a_plain_frozen_copy(legacy_attorney):
    summary = facade.account_summary(legacy_attorney)
    assert summary.id == legacy_attorney.pk
    assert summary.account_number == legacy_attorney.account_number
    assert summary.username == legacy_attorney.username
    assert summary.full_name == "Larry Legacy"
    assert summary.email == legacy_attorney.email
    assert summary.account_type_label == "Legacy PACER Account (Upgrade)"
    assert summary.kind == Account.Kind.INDIVIDUAL
    assert summary.is_upgraded is False
    with pytest.raises(AttributeError):
        summary.username = "changed"  # type: ignore[misc]
