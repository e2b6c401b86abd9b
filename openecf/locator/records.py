"""What the court side tells the Case Locator about a case: plain frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PartyName:
    """A party's name, or one of its aliases, with the party's role."""

    name: str
    role: str


@dataclass(frozen=True)
class CaseRecord:
    """One case as the locator indexes it (a sealed case is taken out of the index)."""

    court_id: str
    caseid: int
    case_number: str  # as the court keeps it: 4:26-cv-00012
    shown_number: str  # as CM/ECF shows it: 4:26-cv-00012-BCW
    kind: str  # cv, cr, mc, mj, bk, ap, ca
    office_number: int
    year: int
    sequence: int
    title: str
    date_filed: date
    date_terminated: date | None
    nature_of_suit: str
    chapter: int | None
    sealed: bool
    names: tuple[PartyName, ...]
