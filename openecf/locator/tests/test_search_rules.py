"""The locator's pure rules: indexed words, name searches, criteria and result pages."""

from __future__ import annotations

from datetime import date

import pytest

from openecf.locator import rules


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Smith, John", "smith john"),
        ("José O'Brien-Smith", "jose obrien smith"),
        ("ACME Corp., Inc.", "acme corp inc"),
        ("  3M   Company ", "3m company"),
    ],
)
def test_names_are_indexed_as_plain_lower_case_words(name, words):
    assert rules.name_words(name) == words


def test_a_name_search_reads_every_word_in_any_order():
    query, problem = rules.name_query("Smith, John")
    assert problem == ""
    assert [t.word for t in query.terms] == ["smith", "john"]
    assert not any(t.is_prefix for t in query.terms)


def test_a_trailing_wildcard_is_a_prefix_and_an_inner_one_a_pattern():
    query, _ = rules.name_query("Smi*, Jo*n")
    smi, jon = query.terms
    assert (smi.prefix, smi.is_prefix, smi.pattern) == ("smi", True, "")
    assert (jon.prefix, jon.is_prefix, jon.pattern) == ("jo", True, "(^| )jo[a-z0-9]*n( |$)")


@pytest.mark.parametrize("text", ["S*", "*son", "a*b"])
def test_a_wildcard_needs_two_letters_before_it(text):
    query, problem = rules.name_query(text)
    assert query is None
    assert "at least 2 letters before a wildcard" in problem


def test_an_empty_name_is_not_a_search():
    assert rules.name_query(" , ") == (
        None,
        "Enter a last name (or a business name) to search by name.",
    )


def test_a_search_needs_something_to_search_by():
    criteria, problems = rules.read_criteria(court_id="mowd", kind="district")
    assert criteria is None
    assert problems == {
        "": [
            "Say what to search by: a party name, a case number, a date filed range, a nature "
            "of suit or a chapter (a court or a kind of court only narrows a search)."
        ]
    }


def test_each_bad_criterion_says_what_to_fix():
    criteria, problems = rules.read_criteria(
        party_name="Roe",
        case_number="not a number",
        court_id="nowhere",
        kind="county",
        filed_from=date(2026, 5, 1),
        filed_to=date(2026, 4, 30),
        nature_of_suit="44",
        chapter=9,
        known_courts=frozenset({"mowd"}),
    )
    assert criteria is None
    assert set(problems) == {
        "case_number", "court_id", "kind", "filed_to", "nature_of_suit", "chapter",
    }  # fmt: skip
    assert problems["filed_to"] == [
        "The “filed to” date must be on or after the “filed from” date."
    ]


def test_the_criteria_are_described_for_the_receipt():
    criteria, _ = rules.read_criteria(
        party_name="Roe, Richard", exact=True, court_id="MOWD", filed_from=date(2026, 1, 1)
    )
    assert criteria.described() == (
        "Name: Roe, Richard (exact); Court: mowd; Filed: 2026-01-01 to any"
    )


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (54, 1), (55, 2), (108, 2), (109, 3)])
def test_result_pages_hold_54_cases_and_no_result_is_one_page(count, pages):
    assert rules.pages_of(count) == pages


@pytest.mark.parametrize(
    ("kind", "court_kind"),
    [("cv", "district"), ("cr", "district"), ("bk", "bankruptcy"), ("ap", "bankruptcy"),
     ("ca", "appellate")],
)  # fmt: skip
def test_the_kind_of_court_follows_the_kind_of_case(kind, court_kind):
    assert rules.court_kind_of(kind) == court_kind
