"""CM/ECF's report addresses name the case in the bare query string: ``DktRpt.pl?81234``, or a
nonce ``DktRpt.pl?625371913403797-L_1_0-1`` with the case in the form (``all_case_ids``) or
after the nonce's last ``-`` (``iquery.pl?625371913403797-L_9999_1-0-663150``)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

MOST_DIGITS = 18  # a case id fits a signed 64-bit integer


def _id(text: str) -> int | None:
    text = text.strip()
    if text.isdigit() and 0 < len(text) <= MOST_DIGITS and int(text) > 0:
        return int(text)
    return None


def caseid_of(query_string: str, form: Mapping[str, str]) -> int | None:
    """The case a report address names, or None when it names none."""
    bare = query_string.split("&", 1)[0]
    found = _id(bare) or _id(str(form.get("all_case_ids", "")))
    if found is None and "L" in bare and "-" in bare:
        found = _id(bare.rsplit("-", 1)[1])
    return found


def case_summary(case_number: str) -> str:
    """Appellate CM/ECF's query string for a case's docket report (``TransportRoom?...``)."""
    return urlencode({"servlet": "CaseSummary.jsp", "caseNum": case_number})
