from __future__ import annotations

import pytest

from openecf.cases.factories import judge_at


@pytest.fixture
def judge(mowd):
    """Judge Brian Wimes of W.D. Mo., the only judge in its draw deck."""
    return judge_at(mowd)
