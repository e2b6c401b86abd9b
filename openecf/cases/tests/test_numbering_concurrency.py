"""Cases opened at the same moment get different, consecutive numbers (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.cases.factories import civil_opening, open_case
from openecf.cases.models import Case
from openecf.tests_support.concurrency import run_together

NOW = datetime(2018, 4, 24, 15, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_eight_cases_opened_together_get_numbers_one_to_eight(courts):
    from openecf.courts.models import Court

    mowd = Court.objects.get(pk="mowd")
    results = run_together([lambda: open_case(mowd, civil_opening(), now=NOW) for _ in range(8)])
    assert all(isinstance(r, Case) for r in results), results
    assert sorted(r.case_number for r in results) == [f"4:18-cv-0000{n}" for n in range(1, 9)]
    assert Case.objects.filter(court=mowd).count() == 8
