from __future__ import annotations

import pytest

from openecf.cases.factories import judge_at


@pytest.fixture
def mowb(courts):
    from openecf.courts.models import Court

    return Court.objects.get(pk="mowb")


@pytest.fixture
def ca8(courts):
    from openecf.courts.models import Court

    return Court.objects.get(pk="ca8")


@pytest.fixture
def judge(mowd):
    """Judge Brian Wimes of W.D. Mo., the only judge in its draw deck."""
    return judge_at(mowd)
