"""A bankruptcy court's docket sheet in CM/ECF's markup (``shared/formats`` section 3).

The same report as the district court's (``DktRpt.pl``, streamed by ``views.docket``), with
the bankruptcy heading, party table and entries: the number in ``<center><font>``
(``Bankruptcy Petition #: 18-00001``, an adversary's ``Adversary Proceeding #:``), the judge and
the chapter on the left and the dates in a small label table on the right, each party's type in
``<i><b>`` in its own row's first cell (adversary proceedings: CM/ECF's ``Plaintiff`` over a
dashed line), and the entries' extra empty cell. A debtor shows only the last four digits of the
Social Security or taxpayer number we keep (``Party.tax_id_shown``), never the number.
Pure functions of the facades' frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape

from openecf.cases import facade as cases
from openecf.reports import rules, sheet

DEBTOR_ROLES = frozenset({"debtor", "joint_debtor"})


def docket_title(case: cases.Case) -> str:
    label = "Adversary Proceeding" if case.kind == "ap" else "Bankruptcy Petition"
    return f"{label} #: {case.shown_number}"


def heading(facts: sheet.SheetFacts, case: cases.Case, *, lead_title: str = "") -> str:
    court = "<br>".join(escape(line) for line in facts.court_lines)
    left = []
    if facts.judge:
        left.append(f"<i>Assigned to:</i> Judge {escape(facts.judge)}")
    if case.chapter:
        left.append(f"Chapter {case.chapter}")
    if lead_title:
        left.append(f"<i>Lead BK Title:</i> {escape(lead_title)}")
    dates = [("Date filed", case.date_filed), ("Date terminated", case.date_terminated)]
    right = "".join(
        f'<tr><td align="right" valign="top"><i>{label}:</i></td>'
        f'<td align="left" valign="top">&nbsp;&nbsp;{rules.mdy(day)}</td></tr>\n'
        for label, day in dates
        if day is not None
    )
    return (
        f'<center><b><font size="+1">{court}<br>{escape(docket_title(case))}</font></b></center>\n'
        '<table width="100%" border="0" cellspacing="1"><tr>\n'
        f'<td valign="top" width="50%">{"".join(f"<br>{line}" for line in left)}<br><br></td>\n'
        '<td valign="top" width="50%" align="right">\n'
        f'<table border="0" cellspacing="0" cellpadding="0" align="center">\n{right}</table>\n'
        "</td></tr></table>\n"
    )


def party_lines(party: cases.Party) -> list[str]:
    """The lines under a party's name: its aliases, and a debtor's masked number."""
    lines = sheet.party_lines(party)
    if party.role in DEBTOR_ROLES and party.tax_id_shown:
        lines.append(f"SSN / ITIN: {party.tax_id_shown}")
    return lines


def _type_row(case: cases.Case, party: cases.Party) -> tuple[str, str]:
    """(the row before the party's row, the type at the top of its name cell)."""
    label = escape(party.role_label)
    if case.kind == "ap":  # adversary proceedings write the type over a dashed line
        return (f"<tr><td><i><b><b>{label}<br>{'-' * 23}</b></b></i></td></tr>\n", "")
    return "", f"<i><b>{label}</b></i><br>"


def parties_table(case: cases.Case, parties: Iterable[cases.Party], *, terminated: bool) -> str:
    rows = []
    for party in parties:
        if party.terminated_on is not None and not terminated:
            continue
        before, kind = _type_row(case, party)
        name = [f"{kind}<b>{escape(party.name)}</b>", *map(escape, party_lines(party))]
        if party.terminated_on is not None:
            name.append(f"<i>TERMINATED: {rules.mdy(party.terminated_on)}</i>")
        lawyers = [a for a in party.attorneys if terminated or a.terminated_on is None]
        represented = "represented by" if lawyers else "&nbsp;"
        counsel = "<br><br>".join(sheet.attorney(a) for a in lawyers) or "&nbsp;"
        rows.append(
            f'{before}<tr><td valign="top" width="50%">{"<br>".join(name)}</td>\n'
            f'<td valign="top" width="20%" align="right">{represented}</td>\n'
            f'<td valign="top" width="40%">{counsel}</td></tr>\n'
        )
    if not rows:
        return ""
    return '<table width="100%" border="0" cellspacing="1">\n' + "".join(rows) + "</table>\n"
