"""What is wrong with a case opening, field by field, the same on the page and in the API."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from openecf.cases import rules
from openecf.cases.factories import bankruptcy_opening, civil_opening
from openecf.cases.rules import AttorneyOpening, PartyOpening


def problems(opening, court_kind="district", offices=(2, 4)):
    return rules.opening_problems(opening, court_kind=court_kind, offices=offices)


def test_a_complete_civil_opening_has_no_problems():
    assert problems(civil_opening(plaintiff_attorney_id=5)) == {}


def test_a_court_opens_only_its_own_kinds_of_case():
    assert problems(civil_opening(), court_kind="bankruptcy") == {
        "kind": ["This court opens these kinds of case: bankruptcy case, adversary proceeding."]
    }


def test_a_civil_opening_needs_its_cover_sheet_facts():
    opening = civil_opening(
        title=" ",
        office_number=9,
        nature_of_suit="44",
        cause="",
        jurisdiction="x",
        jury_demand="maybe",
        demand_amount=Decimal("-1"),
    )
    assert problems(opening) == {
        "title": ["Enter the case title (for example: Smith v. Jones)."],
        "office_number": ["Choose one of the court's divisional offices."],
        "nature_of_suit": ["Choose the nature of suit (a 3-digit code, such as 440)."],
        "cause": ["Enter the cause: the statute the suit is filed under."],
        "jurisdiction": ["Choose the basis of jurisdiction."],
        "jury_demand": ["Choose who demands a jury (or none)."],
        "demand_amount": ["The demand cannot be negative."],
    }


def test_each_party_is_checked_where_it_stands_in_the_list():
    opening = civil_opening(
        parties=(
            PartyOpening(name="", role="witness", aliases=(("", "aka"),), tax_id="123456789"),
            PartyOpening(
                name="Roe",
                role="defendant",
                attorneys=(
                    AttorneyOpening(account_id=1, lead=True),
                    AttorneyOpening(account_id=1, lead=True),
                ),
            ),
        )
    )
    assert problems(opening) == {
        "parties": ["Name at least one plaintiff."],
        "parties.0.name": ["Enter the party's name."],
        "parties.0.role": [
            "In this kind of case a party is one of: plaintiff, defendant, petitioner, respondent, "
            "intervenor, interested party."
        ],
        "parties.0.aliases": ["Each alias needs a name and a kind: aka, dba, fdba or fka."],
        "parties.0.tax_id": ["Only a debtor's Social Security or taxpayer number is kept."],
        "parties.1.attorneys": [
            "Name each attorney once per party.",
            "A party has one lead attorney.",
        ],
    }


@pytest.mark.parametrize(
    ("tax_id", "sentence"),
    [
        ("", "Enter the debtor's full 9-digit Social Security or taxpayer number (ITIN)."),
        ("6789", "Enter the debtor's full 9-digit Social Security or taxpayer number (ITIN)."),
        (
            "000-12-3456",
            "That is not a valid Social Security or taxpayer number: check the digits.",
        ),
        (
            "123-45-0000",
            "That is not a valid Social Security or taxpayer number: check the digits.",
        ),
    ],
)
def test_a_debtor_needs_a_full_valid_tax_number(tax_id, sentence):
    opening = bankruptcy_opening(parties=(PartyOpening(name="Dana", role="debtor", tax_id=tax_id),))
    assert problems(opening, court_kind="bankruptcy", offices=(0,)) == {
        "parties.0.tax_id": [sentence]
    }


def test_a_bankruptcy_petition_names_its_chapter_and_a_joint_petition_two_debtors():
    opening = replace(bankruptcy_opening(chapter=9), joint_petition=True)
    assert problems(opening, court_kind="bankruptcy", offices=(0,)) == {
        "chapter": ["Choose the chapter: 7, 11, 12 or 13."],
        "parties": ["A joint petition names one debtor and one joint debtor."],
    }


def test_only_a_bankruptcy_case_has_a_chapter():
    assert problems(civil_opening(chapter=7))["chapter"] == [
        "Only a bankruptcy case has a chapter."
    ]


def test_an_appeal_names_where_it_comes_from():
    opening = rules.CaseOpening(
        kind="ca",
        title="Acme v. Roe",
        parties=(
            PartyOpening(name="Acme", role="appellant"),
            PartyOpening(name="Roe", role="appellee"),
        ),
    )
    assert problems(opening, court_kind="appellate", offices=(0,)) == {
        "origin": ["Name the case the appeal comes from."]
    }


@pytest.mark.parametrize(
    ("origin", "kind", "state", "expected"),
    [
        ("mowd", "district", "MO", ""),
        ("mowb", "bankruptcy", "MO", ""),
        (
            "ksd",
            "district",
            "KS",
            "That court is not in this circuit: its appeals go to another court of appeals.",
        ),
        ("ca9", "appellate", "CA", "An appeal comes from a district or bankruptcy court."),
    ],
)
def test_an_appeal_comes_from_a_court_in_the_same_circuit(origin, kind, state, expected):
    assert (
        rules.appeal_origin_problem(
            appellate_court_id="ca8", origin_court_id=origin, origin_kind=kind, origin_state=state
        )
        == expected
    )


def test_only_the_last_four_digits_of_a_tax_number_are_shown():
    assert rules.last_four("123-45-6789") == "6789"
    assert rules.masked_tax_id("6789") == "xxx-xx-6789"
