"""The cases demo: judges in each demo court's draw deck, so new demo cases draw one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.cases import demo
from openecf.cases.factories import civil_opening, open_case
from openecf.cases.models import JudgeSeat
from openecf.core.models import AuditEvent


@pytest.mark.django_db
def test_the_demo_seats_each_courts_judges_once(courts, mowd):
    demo.load()
    demo.load()  # idempotent
    seats = JudgeSeat.objects.order_by("court_id", "initials")
    assert [(s.court_id, s.initials, s.weight) for s in seats] == [
        ("ca8", "BES", 1),
        ("ca8", "LRS", 1),
        ("ca8", "WDB", 1),
        ("mowb", "BTF", 1),
        ("mowb", "CAN", 1),
        ("mowd", "BCW", 1),
        ("mowd", "NKL", 1),
        ("mowd", "SRB", 1),
    ]
    assert AuditEvent.objects.filter(verb="court.judge_deck_set").count() == 8
    case = open_case(mowd, civil_opening(), now=datetime(2018, 4, 24, 15, tzinfo=UTC))
    assert case.judge_initials in ("BCW", "NKL", "SRB")
