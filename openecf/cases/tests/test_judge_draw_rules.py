"""The random draw of a judge: weighted, reproducible from its recorded deck and roll."""

from __future__ import annotations

import pytest

from openecf.cases import rules

DECK = [(11, 1), (12, 2), (13, 0), (14, 1)]


@pytest.mark.parametrize(
    ("roll", "expected"),
    [(0.0, 11), (0.24, 11), (0.25, 12), (0.74, 12), (0.75, 14), (0.999, 14)],
)
def test_a_roll_draws_the_judge_whose_share_of_the_deck_it_falls_in(roll, expected):
    assert rules.draw_judge(DECK, roll) == expected


def test_a_judge_with_weight_zero_is_never_drawn():
    drawn = {rules.draw_judge(DECK, step / 100) for step in range(100)}
    assert drawn == {11, 12, 14}


def test_an_empty_deck_draws_no_judge():
    assert rules.draw_judge([], 0.5) is None
    assert rules.draw_judge([(1, 0)], 0.5) is None


def test_the_weights_set_how_often_each_judge_is_drawn():
    counts = {11: 0, 12: 0, 14: 0}
    for step in range(1000):
        counts[rules.draw_judge(DECK, step / 1000)] += 1
    assert counts == {11: 250, 12: 500, 14: 250}
