"""Pure court-login rules: reset links, password rules, privilege kinds (lockout: core)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.ecf import rules

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


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


# A court login's role -> the filing privilege linking it gives (None: no privilege).
PRIVILEGE_FOR_ROLE = [
    ("attorney", "attorney"),
    ("trustee", "trustee"),
    ("creditor", "creditor"),
    ("filing_agent", "filing_agent"),
    ("pro_se", "pro_se"),
    ("court_user", None),
]


@pytest.mark.parametrize(("role", "kind"), PRIVILEGE_FOR_ROLE)
def test_privilege_kind_for_each_login_role(role, kind):
    assert rules.privilege_kind_for_role(role) == kind
