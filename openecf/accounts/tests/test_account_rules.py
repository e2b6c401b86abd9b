"""Pure account rules: usernames, e-mail duplicates, inactivity, hashes, addresses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from openecf.accounts import rules
from openecf.accounts.rules import DuplicateVerdict, PersonKey


@pytest.mark.parametrize(
    ("username", "problems"),
    [
        ("newfiler2025", []),
        ("LP1234", ["The username must be at least 8 characters."]),
        ("x" * 46, ["The username must be at most 45 characters."]),
        (
            "bad name!x",
            ["The username may contain only letters, digits, dots, dashes and underscores."],
        ),
        ("", ["The username must be at least 8 characters.", "Enter a username."]),
    ],
)
def test_upgraded_usernames_are_8_to_45_plain_characters(username, problems):
    assert rules.username_problems(username) == problems


@pytest.mark.parametrize(
    ("username", "legacy"), [("LP1234", True), ("LP12345", False), ("newfiler2025", False)]
)
def test_legacy_usernames_have_six_characters(username, legacy):
    assert rules.is_legacy_username(username) is legacy


@pytest.mark.parametrize(
    ("email", "canonical"),
    [
        ("Abcde+1@Example.com", "abcde@example.com"),
        ("abcde@example.com", "abcde@example.com"),
        ("a+b+c@example.com", "a@example.com"),
    ],
)
def test_plus_addressed_emails_count_as_the_same_address(email, canonical):
    assert rules.canonical_email(email) == canonical


NORA = PersonKey("Nora", "Newcomer", date(1984, 2, 29), "nora@example.com")


@pytest.mark.parametrize(
    ("other", "verdict"),
    [
        (PersonKey("Ann", "Other", date(1970, 1, 1), "ann@example.com"), DuplicateVerdict.NONE),
        (PersonKey("nora", "NEWCOMER", date(1970, 1, 1), "ann@example.com"), DuplicateVerdict.NONE),
        (PersonKey("Nora", "Newcomer", date(1984, 2, 29), "x@example.com"), DuplicateVerdict.MAY_EXIST),
        (PersonKey("Ann", "Other", date(1984, 2, 29), "nora+pacer@example.com"), DuplicateVerdict.MAY_EXIST),
        (PersonKey("Nora", "Newcomer", None, "Nora@Example.com"), DuplicateVerdict.MAY_EXIST),
        (PersonKey("Nora", "Newcomer", date(1984, 2, 29), "nora+2@example.com"), DuplicateVerdict.HOLD),
    ],
)  # fmt: skip
def test_two_matches_warn_and_three_hold(other, verdict):
    assert rules.duplicate_verdict(NORA, [other]) == verdict


def test_the_closest_existing_account_decides():
    far = PersonKey("Ann", "Other", None, "ann@example.com")
    same = PersonKey("Nora", "Newcomer", date(1984, 2, 29), "nora@example.com")
    assert rules.duplicate_verdict(NORA, [far, same]) == DuplicateVerdict.HOLD
    assert rules.duplicate_verdict(NORA, []) == DuplicateVerdict.NONE


NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("last_active", "last_login", "created", "unused"),
    [
        (None, None, NOW - timedelta(days=731), True),
        (None, None, NOW - timedelta(days=700), False),
        (NOW - timedelta(days=10), None, NOW - timedelta(days=3000), False),
        (None, NOW - timedelta(days=10), NOW - timedelta(days=3000), False),
        (NOW - timedelta(days=800), NOW - timedelta(days=900), NOW - timedelta(days=3000), True),
    ],
)
def test_accounts_unused_for_more_than_two_years_are_unused(
    last_active, last_login, created, unused
):
    assert (
        rules.is_unused(
            last_active_at=last_active, last_login=last_login, created_at=created, now=NOW
        )
        is unused
    )


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA", "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA"),
        ("pbkdf2_sha256$600000$salt$hash=", "pbkdf2_sha256$600000$salt$hash="),
        ("$2b$12$" + "a" * 53, "bcrypt$$2b$12$" + "a" * 53),
        ("$2y$10$" + "B" * 53, "bcrypt$$2y$10$" + "B" * 53),
        ("5F4DCC3B5AA765D61D8327DEB882CF99", "md5$$5f4dcc3b5aa765d61d8327deb882cf99"),
        ("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "sha1$$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"),
        ("not a hash", None),
        ("sha1$salt$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", None),
        ("$2b$12$tooshort", None),
    ],
)  # fmt: skip
def test_imported_password_hashes_become_django_formats(given, stored):
    assert rules.django_password_hash(given) == stored


@pytest.mark.parametrize(
    ("born", "ok"),
    [
        (date(2000, 1, 1), True),
        (date(2013, 6, 1), True),
        (date(2013, 6, 2), False),
        (date(1905, 1, 1), False),
        (date(2030, 1, 1), False),
    ],
)
def test_a_date_of_birth_must_be_13_to_120_years_ago(born, ok):
    assert rules.plausible_birth_date(born, date(2026, 6, 1)) is ok


@pytest.mark.parametrize(
    ("text", "ok"), [("64106", True), ("64106-2607", True), ("6410", False), ("ABCDE", False)]
)
def test_zip_codes(text, ok):
    assert rules.is_zip_code(text) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [("816-555-0100", True), ("(816) 555-0100", True), ("+1 816 555 0100", True), ("555", False), ("call me", False)],
)  # fmt: skip
def test_phone_numbers(text, ok):
    assert rules.is_phone(text) is ok


def test_account_numbers_have_seven_digits():
    for _ in range(50):
        number = rules.new_account_number()
        assert rules.is_account_number(number)
        assert number[0] != "0"
    assert not rules.is_account_number("123456")
    assert not rules.is_account_number("12345678")


def test_security_answers_compare_without_case_or_extra_spaces():
    assert rules.normalise_answer("  Kansas   CITY ") == "kansas city"


def test_accounts_created_before_the_cut_over_are_legacy():
    cutoff = datetime(2014, 8, 11, 5, tzinfo=UTC)
    assert rules.is_legacy_creation(datetime(2014, 8, 10, tzinfo=UTC), cutoff)
    assert not rules.is_legacy_creation(datetime(2014, 8, 12, tzinfo=UTC), cutoff)


def test_every_address_problem_is_named_by_field():
    empty = rules.Address(street=" ", city="", state="XX", zip_code="123", county="")
    assert rules.address_problems(empty) == {
        "street": ["Enter your street address."],
        "city": ["Enter your city."],
        "state": ["Enter the two-letter state or territory code, such as MO."],
        "zip": ["Enter a 5-digit ZIP code (or ZIP+4, such as 64106-2607)."],
        "county": ["Enter your county."],
    }
    good = rules.Address(
        street="400 E 9th St",
        city="Kansas City",
        state="mo",
        zip_code="64106-2607",
        county="Jackson",
    )
    assert rules.address_problems(good) == {}


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        ([("Pet?", "Rex")], ["Choose two security questions and answer each."]),
        ([("Pet?", "Rex"), ("pet?", "Max")], ["Choose two different security questions."]),
        ([("Pet?", "R"), ("City?", "Paris")], ["Answer each security question (at least 2 characters)."]),
        ([("Pet?", "Rex"), ("City?", "Paris")], []),
    ],
)  # fmt: skip
def test_security_questions_are_two_different_ones_each_answered(questions, expected):
    chosen = [rules.SecurityQuestion(question=q, answer=a) for q, a in questions]
    assert rules.security_problems(chosen) == expected


def test_an_e_mail_address_must_look_like_one():
    assert rules.email_problems("name@example.com") == []
    assert rules.email_problems("not-an-email") == [
        "Enter a valid e-mail address, such as name@example.com."
    ]
