"""Case Locator test data: cases indexed as the court side indexes them, in 2026Q3."""

from __future__ import annotations

import itertools
from datetime import date

from django.db import transaction

from openecf.billing.tests.conftest import in_q3  # noqa: F401 (a fixture)
from openecf.locator import facade as locator

_caseids = itertools.count(900_001)


def record(
    *,
    court_id: str = "mowd",
    names: tuple[str, ...] = ("Acme Corp.", "Richard Roe"),
    kind: str = "cv",
    sealed: bool = False,
    **fields,
) -> locator.CaseRecord:
    """A case as the court side describes it to the locator (a new caseid each time)."""
    caseid = fields.pop("caseid", next(_caseids))
    year = fields.pop("year", 2026)
    sequence = fields.pop("sequence", caseid % 100_000)
    office = fields.pop("office_number", 4 if kind in ("cv", "cr", "mc", "mj") else 0)
    number = (
        f"{office}:{year % 100:02d}-{kind}-{sequence:05d}"
        if kind in ("cv", "cr", "mc", "mj")
        else f"{year % 100:02d}-{sequence:0{4 if kind == 'ca' else 5}d}"
    )
    values = {
        "court_id": court_id,
        "caseid": caseid,
        "case_number": number,
        "shown_number": number,
        "kind": kind,
        "office_number": office,
        "year": year,
        "sequence": sequence,
        "title": " v. ".join(names) if len(names) > 1 else names[0],
        "date_filed": date(year, 3, 2),
        "date_terminated": None,
        "nature_of_suit": "440" if kind == "cv" else "",
        "chapter": 7 if kind == "bk" else None,
        "sealed": sealed,
        "names": tuple(locator.PartyName(name=n, role="party") for n in names),
    }
    values.update(fields)
    return locator.CaseRecord(**values)


def indexed(**fields) -> locator.CaseRecord:
    """Index one case (in its own transaction) and answer its record."""
    made = record(**fields)
    with transaction.atomic():
        locator.index_case(made)
    return made


def many(count: int, *, names: tuple[str, ...] = ("Zed Many", "Other Party"), **fields) -> None:
    for _ in range(count):
        indexed(names=names, **fields)
