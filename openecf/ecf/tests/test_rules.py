"""Pure court-login rules: reset links, password rules, privilege kinds (lockout: core)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from openecf.ecf import rules

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age", "used", "live"),
    [
        (timedelta(minutes=59), None, True),
        (timedelta(hours=1), None, True),
        (timedelta(hours=1, seconds=1), None, False),
        (timedelta(minutes=5), T0, False),
    ],
)
def test_reset_links_work_once_for_one_hour(age, used, live):
    assert rules.reset_link_is_live(T0 - age, used, T0) is live


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Short-1", "Use at least 8 characters."),
        ("alllower-1", "Use both upper- and lower-case letters."),
        ("ALLUPPER-1", "Use both upper- and lower-case letters."),
        ("OnlyLetters", "Use at least one digit or special character."),
        ("Good-Pass", None),
        ("GoodPass1", None),
    ],
)
def test_court_password_rules(password, problem):
    assert rules.court_password_problem(password) == problem


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("attorney", "attorney"),
        ("trustee", "trustee"),
        ("creditor", "creditor"),
        ("filing_agent", "filing_agent"),
        ("pro_se", "pro_se"),
        ("court_user", None),
    ],
)
def test_privilege_kind_for_each_login_role(role, kind):
    assert rules.privilege_kind_for_role(role) == kind


@pytest.mark.parametrize(
    ("filer", "mfa_from", "today", "required"),
    [
        (True, datetime(2025, 12, 31).date(), datetime(2025, 12, 30).date(), False),
        (True, datetime(2025, 12, 31).date(), datetime(2025, 12, 31).date(), True),
        (False, datetime(2025, 12, 31).date(), datetime(2026, 1, 1).date(), False),
        (True, None, datetime(2026, 1, 1).date(), False),
    ],
)
def test_mfa_is_required_of_filers_from_the_configured_day(filer, mfa_from, today, required):
    assert rules.mfa_required(filer, mfa_from, today) is required
