"""The one clock: ``as_of`` replays a record at its own dates, in this thread only."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from openecf.core import clock

APRIL_2018 = datetime(2018, 4, 24, 15, tzinfo=UTC)


def test_actions_inside_as_of_see_its_moment_and_after_it_the_real_time():
    with clock.as_of(APRIL_2018):
        assert clock.now() == APRIL_2018
    assert clock.now().year >= 2026


def test_as_of_is_undone_when_the_replay_fails():
    with pytest.raises(RuntimeError), clock.as_of(APRIL_2018):
        raise RuntimeError("the filing failed")
    assert clock.now() != APRIL_2018


def test_another_thread_keeps_the_real_time():
    seen: list[datetime] = []
    with clock.as_of(APRIL_2018):
        worker = threading.Thread(target=lambda: seen.append(clock.now()))
        worker.start()
        worker.join()
    assert seen[0] != APRIL_2018


def test_a_naive_moment_is_refused_with_what_to_give():
    with pytest.raises(ValueError, match="aware datetime"), clock.as_of(datetime(2018, 4, 24)):
        pass
