"""Reading a full or partial case number as CM/ECF does: pure, shared by the court's case
search (``cases``) and the national Case Locator (``locator``), which may not import cases.

Formats (docs/cases.md, facts §7.1): district ``O:YY-tt-NNNNN`` (shown with the judge's
initials, ``4:18-cv-00123-BCW``; a criminal defendant adds ``-N``), bankruptcy ``YY-NNNNN``,
appellate ``YY-NNNN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberQuery:
    """What a full or partial case number names; None parts match anything."""

    sequence: int
    yy: int | None = None
    office_number: int | None = None
    kind: str | None = None
    defendant_number: int | None = None


_NUMBER = re.compile(
    r"""^
    (?:(?P<office>\d):)?
    (?:(?P<yy>\d{2})(?:-?(?P<kind>cv|cr|mc|mj|bk|ap)-?|-))?
    (?P<seq>\d{1,6})
    (?:-(?P<judge>[A-Za-z]{2,4}))?
    (?:-(?P<referred>[a-z]{2,4}))?
    (?:-(?P<defendant>\d{1,3}))?
    $""",
    re.VERBOSE | re.IGNORECASE,
)


def parse_number(text: str) -> NumberQuery | None:
    """Read a full or partial case number as CM/ECF does, or None when it is not one.

    ``18-123``, ``18cv123``, ``4:18cv123``, ``4:18-cv-00123``, ``4:18-cv-00123-BCW`` and
    ``1:17-cr-00201-ABJ-2`` all read; a bare year with no sequence does not.
    """
    found = _NUMBER.match(re.sub(r"\s+", "", text or ""))
    if found is None:
        return None
    parts = found.groupdict()
    if parts["office"] and not parts["yy"]:
        return None
    if (parts["judge"] or parts["defendant"]) and not parts["kind"]:
        return None  # initials and defendant numbers follow a full district number only
    return NumberQuery(
        sequence=int(parts["seq"]),
        yy=int(parts["yy"]) if parts["yy"] else None,
        office_number=int(parts["office"]) if parts["office"] else None,
        kind=parts["kind"].lower() if parts["kind"] else None,
        defendant_number=int(parts["defendant"]) if parts["defendant"] else None,
    )
