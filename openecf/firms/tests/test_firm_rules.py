"""Pure firm rules: remarks, account numbers and last names (no database)."""

import pytest

from openecf.firms import rules


@pytest.mark.parametrize(
    ("given", "on_file", "expected"),
    [
        ("Attorney", "Attorney", True),
        ("attorney", "Attorney", True),
        ("  ATTORNEY ", "Attorney", True),
        ("Van  Buren", "Van Buren", True),
        ("Attorne", "Attorney", False),
        ("", "Attorney", False),
        ("Smith", "Attorney", False),
    ],
)
def test_last_names_match_without_regard_to_case_or_spacing(given, on_file, expected):
    assert rules.last_name_matches(given, on_file) is expected


@pytest.mark.parametrize(("text", "expected"), [("3100001", "3100001"), (" 310 0001 ", "3100001")])
def test_account_numbers_are_seven_digits(text, expected):
    assert rules.account_number_problems(text) == []
    assert rules.account_number(text) == expected


@pytest.mark.parametrize("text", ["", "310000", "31000011", "31000a1", "LA1234"])
def test_anything_but_seven_digits_is_refused(text):
    assert rules.account_number_problems(text) == [
        "Enter the 7-digit PACER account number (digits only)."
    ]


def test_a_remark_is_required():
    assert rules.remark_problems("   ") == [
        "Enter a brief remark (for example the person's office or the reason)."
    ]


def test_a_remark_is_squeezed_and_limited_to_200_characters():
    assert rules.remark_problems("  Kansas   City\noffice ") == []
    assert rules.squeeze("  Kansas   City\noffice ") == "Kansas City office"
    assert rules.remark_problems("x" * 201) == ["Keep the remark to 200 characters (it has 201)."]


def test_a_firm_name_is_required():
    assert rules.firm_name_problems(" ") == ["Enter the firm's name."]
