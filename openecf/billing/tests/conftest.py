"""Billing personas and helpers: views charged in 2026Q3, the quarter closed in October."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
import time_machine

from openecf.billing import facade

IN_Q3 = datetime(2026, 8, 14, 15, 0, tzinfo=UTC)
AFTER_Q3 = datetime(2026, 10, 2, 15, 0, tzinfo=UTC)
_keys = itertools.count(1)


@pytest.fixture
def in_q3():
    with time_machine.travel(IN_Q3, tick=False) as traveller:
        yield traveller


def view(account, *, pages=30, kind="document", court_id="mowd", key=None, **extra):
    """One charged view of ``pages`` pages (a PDF document by default, at W.D. Mo.)."""
    return facade.charge(
        view_key=key or f"test-view-{next(_keys)}",
        account_id=account.pk,
        court_id=court_id,
        kind=kind,
        description=extra.pop("description", "Document 12-1"),
        pages=pages,
        **extra,
    )


def run_up(account, dollars: int, **extra) -> None:
    """Charge ``account`` exactly ``dollars`` in $3.00 documents and $0.10 pages."""
    cents = dollars * 100
    while cents >= 300:
        view(account, pages=30, **extra)
        cents -= 300
    if cents:
        view(account, pages=cents // 10, **extra)
