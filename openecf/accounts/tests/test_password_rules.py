"""The 2025 PACER password rule, as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from openecf.accounts import rules

PERSON = {
    "first_name": "Nora",
    "last_name": "Newcomer",
    "username": "newfiler2025",
    "email": "nora.q.newcomer@lawfirm.example.com",
}


def test_a_good_password_has_no_problems():
    assert rules.password_problems("Blue-Heron-Lantern-42!", **PERSON) == []


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Sh0rt-Pass!", "The password must be at least 14 characters (it has 11)."),
        (
            "A-" + "b" * 44,
            "The password must be at most 45 characters (it has 46).",
        ),
        ("BLUE-HERON-LANTERN-42!", "The password must contain at least one lower-case letter."),
        ("blue-heron-lantern-42!", "The password must contain at least one upper-case letter."),
        (
            "BlueHeronLantern42x",
            "The password must contain at least one special character (such as ! # $ % - _).",
        ),
    ],
)
def test_each_broken_rule_is_named_in_a_sentence(password, problem):
    assert rules.password_problems(password, **PERSON) == [problem]


@pytest.mark.parametrize(
    ("password", "part"),
    [
        ("Blue-NORA-Lantern-42!", "nora"),
        ("Blue-Heron-Newcomer-42!", "newcomer"),
        ("Blue-newfiler2025-Lamp!", "newfiler2025"),
        ("Blue-Heron-Lawfirm-42!", "lawfirm"),
    ],
)
def test_a_password_may_not_contain_a_part_of_the_name_username_or_email(password, part):
    assert rules.password_problems(password, **PERSON) == [
        "The password must not contain any part of your name, username or e-mail address "
        f"(it contains “{part}”)."
    ]


def test_short_name_parts_and_the_top_level_domain_are_not_forbidden():
    problems = rules.password_problems(
        "Blue-Heron-Com-Lantern-Jo!",
        first_name="Jo",
        last_name="Li",
        username="jo.li.1990",
        email="jo@li.com",
    )
    assert problems == []


def test_every_problem_is_reported_at_once():
    assert rules.password_problems("nora", **PERSON) == [
        "The password must be at least 14 characters (it has 4).",
        "The password must contain at least one upper-case letter.",
        "The password must contain at least one special character (such as ! # $ % - _).",
        "The password must not contain any part of your name, username or e-mail address "
        "(it contains “nora”).",
    ]


def test_a_common_breached_password_is_refused():
    common = frozenset({"correcthorsebattery1"})
    assert rules.password_problems("Correct-Horse-Battery-1", common=common) == [
        "The password is on a list of commonly used, breached passwords."
    ]


def test_the_bundled_breached_list_is_djangos_offline_list():
    assert "password1234" in rules.common_passwords()
    assert len(rules.common_passwords()) > 10000


@pytest.mark.parametrize(
    ("age_days", "expired"), [(0, False), (180, False), (181, True), (400, True)]
)
def test_a_password_older_than_180_days_has_expired(age_days, expired):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    changed = now - timedelta(days=age_days)
    assert (
        rules.password_expired(
            password_changed_at=changed, created_at=datetime(2010, 1, 1, tzinfo=UTC), now=now
        )
        is expired
    )


def test_a_password_never_changed_ages_from_account_creation():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert rules.password_expired(
        password_changed_at=None, created_at=now - timedelta(days=181), now=now
    )
    assert not rules.password_expired(
        password_changed_at=None, created_at=now - timedelta(days=10), now=now
    )


def test_letters_hidden_among_digits_in_the_email_are_forbidden_too():
    assert rules.password_problems(
        "BreachStuff-Long-1!", first_name="Ann", last_name="Lee", username="annlee2025",
        email="breach6367@ex.org",
    ) == [
        "The password must not contain any part of your name, username or e-mail address "
        "(it contains “breach”)."
    ]  # fmt: skip
