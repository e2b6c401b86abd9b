"""Case numbers in each court kind's format, and partial numbers read as CM/ECF reads them."""

from __future__ import annotations

import pytest

from openecf.cases import rules
from openecf.cases.rules import NumberQuery


@pytest.mark.parametrize(
    ("kind", "office", "year", "sequence", "expected"),
    [
        ("cv", 4, 2018, 123, "4:18-cv-00123"),
        ("cr", 1, 2017, 201, "1:17-cr-00201"),
        ("mc", 2, 2026, 7, "2:26-mc-00007"),
        ("mj", 6, 2009, 99999, "6:09-mj-99999"),
        ("bk", 0, 2018, 12345, "18-12345"),
        ("ap", 0, 2018, 45, "18-00045"),
        ("ca", 0, 2021, 2365, "21-2365"),
        ("ca", 0, 2021, 12, "21-0012"),
        ("ca", 0, 2021, 70002, "21-70002"),
    ],
)
def test_a_case_number_is_written_in_its_court_kinds_format(kind, office, year, sequence, expected):
    assert (
        rules.case_number(kind=kind, office_number=office, year=year, sequence=sequence) == expected
    )


def test_a_district_number_is_shown_with_the_judges_initials_and_a_defendants_number():
    assert (
        rules.shown_number("4:18-cv-00123", kind="cv", judge_initials="bcw") == "4:18-cv-00123-BCW"
    )
    assert (
        rules.shown_number("1:17-cr-00201", kind="cr", judge_initials="ABJ", defendant_number=2)
        == "1:17-cr-00201-ABJ-2"
    )
    assert (
        rules.shown_number(
            "2:20-cv-01234", kind="cv", judge_initials="BBD", referred_initials="DKV"
        )
        == "2:20-cv-01234-BBD-dkv"
    )


def test_bankruptcy_and_appellate_numbers_carry_no_initials():
    assert rules.shown_number("18-12345", kind="bk", judge_initials="ABC") == "18-12345"
    assert rules.shown_number("21-2365", kind="ca", judge_initials="ABC") == "21-2365"


def test_adversary_proceedings_share_the_bankruptcy_series():
    assert rules.series_of("ap") == "bk"
    assert rules.series_of("cv") == "cv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18-123", NumberQuery(sequence=123, yy=18)),
        ("4:18cv123", NumberQuery(sequence=123, yy=18, office_number=4, kind="cv")),
        ("4:18-cv-00123", NumberQuery(sequence=123, yy=18, office_number=4, kind="cv")),
        ("4:18-cv-00123-BCW", NumberQuery(sequence=123, yy=18, office_number=4, kind="cv")),
        ("18cv123", NumberQuery(sequence=123, yy=18, kind="cv")),
        (" 18-CV-123 ", NumberQuery(sequence=123, yy=18, kind="cv")),
        (
            "1:17-cr-00201-ABJ-2",
            NumberQuery(sequence=201, yy=17, office_number=1, kind="cr", defendant_number=2),
        ),
        ("2:20-cv-01234-BBD-dkv", NumberQuery(sequence=1234, yy=20, office_number=2, kind="cv")),
        ("18-12345", NumberQuery(sequence=12345, yy=18)),
        ("21-2365", NumberQuery(sequence=2365, yy=21)),
        ("123", NumberQuery(sequence=123)),
    ],
)
def test_full_and_partial_numbers_are_read_as_cmecf_reads_them(text, expected):
    assert rules.parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "abc", "4:cv123", "cv-123", "18-xx-123", "4:18-cv-", "18-1234567"]
)
def test_text_that_is_no_case_number_reads_as_none(text):
    assert rules.parse_number(text) is None


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Brian C.", "Wimes", "BCW"),
        ("Amy", "Berman Jackson", "ABJ"),
        ("", "", "XX"),
        ("Jo", "Lee-Smith", "JLS"),
    ],
)
def test_a_judges_initials_come_from_the_name(first, last, expected):
    assert rules.judge_initials(first, last) == expected
