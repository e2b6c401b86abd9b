"""Searching the index by every criterion; sealed cases are never in it."""

from __future__ import annotations

from datetime import date

import pytest

from openecf.locator import rules, search
from openecf.locator.tests.conftest import indexed


def found(**criteria) -> list[int]:
    """The caseids the search finds, newest filing first."""
    read, problems = rules.read_criteria(**criteria)
    assert problems == {}
    return [row.caseid for row in search.matching(read)]


@pytest.fixture
def people(courts):
    return {
        "john_smith": indexed(names=("John Smith", "Acme Corp."), date_filed=date(2026, 1, 5)),
        "smith_john_a": indexed(names=("Smith, John A.",), date_filed=date(2026, 2, 5)),
        "smithson": indexed(names=("John Smithson",), date_filed=date(2026, 3, 5)),
        "smyth": indexed(names=("Jane Smyth",), date_filed=date(2026, 4, 5)),
        "obrien": indexed(names=("Mary O'Brien-Smith",), date_filed=date(2026, 5, 5)),
        "alias": indexed(
            names=("Richard Roe", "Dick Roe"), date_filed=date(2026, 6, 5)
        ),  # an alias is a name
        "accents": indexed(names=("José Núñez",), date_filed=date(2026, 7, 5)),
    }


def test_a_name_is_found_by_its_words_in_any_order(people):
    expected = [people["smith_john_a"].caseid, people["john_smith"].caseid]
    assert found(party_name="Smith, John") == expected
    assert found(party_name="John Smith") == expected


def test_a_whole_word_does_not_find_longer_words(people):
    assert people["smithson"].caseid not in found(party_name="Smith")


def test_a_trailing_wildcard_finds_words_beginning_with_it(people):
    assert set(found(party_name="Smi*, John")) == {
        people["john_smith"].caseid, people["smith_john_a"].caseid, people["smithson"].caseid,
    }  # fmt: skip


def test_an_inner_wildcard_finds_any_letters_between(people):
    assert set(found(party_name="Sm*th")) == {
        people["john_smith"].caseid, people["smith_john_a"].caseid, people["smyth"].caseid,
        people["obrien"].caseid,
    }  # fmt: skip


def test_exact_finds_the_name_with_no_other_words(people):
    assert found(party_name="Smith, John", exact=True) == [people["john_smith"].caseid]
    assert found(party_name="Smith, John", exact=False) != [people["john_smith"].caseid]


def test_exact_takes_wildcards_too(people):
    assert found(party_name="Smith*, John", exact=True) == [
        people["smithson"].caseid,
        people["john_smith"].caseid,
    ]


def test_marks_and_accents_do_not_matter(people):
    assert found(party_name="O'Brien") == [people["obrien"].caseid]
    assert found(party_name="obrien-smith") == [people["obrien"].caseid]
    assert found(party_name="Nunez, Jose") == [people["accents"].caseid]


def test_an_alias_finds_the_case(people):
    assert found(party_name="Roe, Dick") == [people["alias"].caseid]


def test_a_word_in_two_different_parties_is_not_a_match(people):
    assert found(party_name="Acme Smith") == []


def test_a_case_with_two_matching_names_is_listed_once(courts):
    both = indexed(names=("Dana Debtor", "Dana Debtor Jr."), kind="bk")
    assert found(party_name="Debtor, Dana") == [both.caseid]


@pytest.fixture
def numbered(courts):
    return {
        "cv": indexed(kind="cv", year=2026, sequence=12, office_number=4),
        "cv_old": indexed(kind="cv", year=2018, sequence=12, office_number=2),
        "cr": indexed(kind="cr", year=2026, sequence=12, office_number=4),
        "bk": indexed(court_id="mowb", kind="bk", year=2026, sequence=12345),
        "ca": indexed(court_id="ca8", kind="ca", year=2026, sequence=12),
    }


def test_a_full_number_finds_its_case(numbered):
    assert found(case_number="4:26-cv-00012") == [numbered["cv"].caseid]
    assert found(case_number="4:26-cv-00012-BCW") == [numbered["cv"].caseid]
    assert found(case_number="26-12345") == [numbered["bk"].caseid]


def test_a_partial_number_finds_every_case_it_can_name(numbered):
    assert set(found(case_number="26cv12")) == {numbered["cv"].caseid}
    assert set(found(case_number="26-12")) == {
        numbered["cv"].caseid, numbered["cr"].caseid, numbered["ca"].caseid,
    }  # fmt: skip
    assert set(found(case_number="12")) == {
        numbered["cv"].caseid, numbered["cv_old"].caseid, numbered["cr"].caseid,
        numbered["ca"].caseid,
    }  # fmt: skip


def test_court_and_kind_of_court_narrow_a_search(numbered):
    assert found(case_number="12", court_id="ca8") == [numbered["ca"].caseid]
    assert found(case_number="26-12", kind="appellate") == [numbered["ca"].caseid]
    assert set(found(case_number="12", kind="district")) == {
        numbered["cv"].caseid, numbered["cv_old"].caseid, numbered["cr"].caseid,
    }  # fmt: skip
    assert found(case_number="26-12345", kind="bankruptcy") == [numbered["bk"].caseid]


def test_dates_filed_bound_a_search_both_days_included(courts):
    early = indexed(date_filed=date(2026, 3, 1))
    middle = indexed(date_filed=date(2026, 3, 15))
    late = indexed(date_filed=date(2026, 3, 31))
    assert found(filed_from=date(2026, 3, 1), filed_to=date(2026, 3, 15)) == [
        middle.caseid, early.caseid,
    ]  # fmt: skip
    assert found(filed_from=date(2026, 3, 15)) == [late.caseid, middle.caseid]
    assert found(filed_to=date(2026, 3, 14)) == [early.caseid]


def test_nature_of_suit_and_chapter_are_criteria(courts):
    rights = indexed(nature_of_suit="440")
    indexed(nature_of_suit="830")
    seven = indexed(court_id="mowb", kind="bk", chapter=7)
    thirteen = indexed(court_id="mowb", kind="bk", chapter=13)
    assert found(nature_of_suit="440") == [rights.caseid]
    assert found(chapter=13) == [thirteen.caseid]
    assert found(chapter=7) == [seven.caseid]


def test_a_sealed_case_is_never_indexed_nor_found(courts):
    hidden = indexed(names=("Secret Witness",), sealed=True)
    assert found(party_name="Secret Witness") == []
    assert found(case_number=hidden.case_number) == []


def test_a_page_holds_54_cases_newest_first(courts):
    for day in range(1, 56):
        indexed(names=("Paging Party",), date_filed=date(2026, 1, 1).replace(day=1 + day % 28))
    read, _ = rules.read_criteria(party_name="Paging Party")
    first, count = search.page_of(read, page=1)
    second, _ = search.page_of(read, page=2)
    assert (len(first), len(second), count) == (54, 1, 55)
    dates = [row.date_filed for row in first + second]
    assert dates == sorted(dates, reverse=True)
