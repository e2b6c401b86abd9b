"""A court of appeals' docket in appellate CM/ECF's markup (``shared/formats`` section 10).

What juriscraper's ``AppellateDocketReport`` reads: the HTML comments appellate CM/ECF writes
before each section (``NEW SECTION - Case Stub``, ``Orig Court``, ``Party/Aty List``,
``DOCKET ENTRIES``), ``<b>Label:</b> value`` pairs, a party cell of ``<br>`` lines (name,
``<b>Terminated: </b>date``, the type last), attorneys separated by ``<br><br>`` with their
roles in brackets (``[COR LD NTC]``: counsel of record, lead, to be noticed), and entry rows of
date, document cell (the ``d`` checkbox carries the entry's sequence number, the number links
to ``/docs1/<id>``) and text ending ``[Entered: MM/DD/YYYY HH:MM AM]``. Only what we keep is
shown: no panel, fee status or case type, which we do not record. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.html import escape

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.docket import facade as docket
from openecf.reports import rules, sheet
from openecf.reports.access import RecordAccess


@dataclass(frozen=True)
class Origin:
    """The case appealed from, as the appeal's record names it and as far as the person may
    see it (a sealed origin shows only its number)."""

    court_id: str
    court_name: str
    office_number: int
    caseid: int | None
    case_number: str  # as CM/ECF shows it: 4:18-cv-00123-BCW
    judge: str = ""
    date_filed: date | None = None
    date_disposed: date | None = None
    notice_filed: date | None = None  # the notice of appeal's filing date


def heading(court_name: str, case: cases.Case, origin: Origin | None) -> str:
    """The title table, the case stub and, when asked, the originating court."""
    right = f"<b>Docketed:</b> {rules.mdy(case.date_filed)}"
    if case.date_terminated:
        right += f"<br><b>Termed:</b> {rules.mdy(case.date_terminated)}"
    stub = [
        f"<tr><td><b>Court of Appeals Docket #: </b>{escape(case.shown_number)}</td>\n"
        f'<td valign="top" align="right" rowspan="2">{right}</td></tr>\n',
        f"<tr><td>{escape(case.title)}</td></tr>\n",
    ]
    if case.nature_of_suit:
        shown = rules.nature_of_suit_shown(case.nature_of_suit)
        stub.append(f"<tr><td><b>Nature of Suit:</b> {escape(shown)}</td></tr>\n")
    if origin is not None and origin.court_name:
        stub.append(f"<tr><td><b>Appeal From:</b> {escape(origin.court_name)}</td></tr>\n")
    return (
        '<table width="100%" border="0">\n'
        '<tr><td align="center"><b>General Docket<br>'
        f"{escape(court_name)}</b></td></tr>\n</table>\n"
        '<table width="100%" border="1" cellpadding="4">\n'
        "<!-- ===================== NEW SECTION - Case Stub ======================== -->\n"
        '<tr><td>\n<table width="100%" border="0" cellpadding="0" cellspacing="0">\n'
        f"{''.join(stub)}</table>\n</td></tr>\n"
        f"{_origin_rows(origin, case) if origin is not None else ''}"
        "</table>\n"
    )


def _origin_rows(origin: Origin, case: cases.Case) -> str:
    link = (
        f'<a href="/{origin.court_id}/cgi-bin/DktRpt.pl?{origin.caseid}">'
        f"{escape(origin.case_number)}</a>"
        if origin.caseid is not None
        else escape(origin.case_number)
    )
    # "MOWD : 4 : 4:18-cv-00123-BCW": juriscraper reads a district number by its pattern and
    # any other (a bankruptcy court's 18-00001) as the third part.
    rows = [
        '<tr><td colspan="4"><b>District: </b>'
        f"{origin.court_id.upper()} : {origin.office_number} : {link}</td></tr>\n"
    ]
    if origin.judge:
        rows.append(f'<tr><td colspan="4"><b>Trial Judge: </b>{escape(origin.judge)}</td></tr>\n')
    if origin.date_filed:
        rows.append(
            f'<tr><td colspan="4"><b>Date Filed: </b>{rules.mdy(origin.date_filed)}</td></tr>\n'
        )
    if origin.date_disposed:
        rows.append(
            f'<tr><td colspan="4"><b>Date Disposed: </b>{rules.mdy(origin.date_disposed)}'
            "</td></tr>\n"
        )
    dates = [("Date NOA Filed:", origin.notice_filed), ("Date Rec'd COA:", case.date_filed)]
    shown = [(label, day) for label, day in dates if day is not None]
    labels = "".join(f"<td><b>{label}</b></td>" for label, _ in shown)
    days = "".join(f"<td>{rules.mdy(day)}</td>" for _, day in shown)
    return (
        "<!-- =================== NEW SECTION - Orig Court ========================= -->\n"
        '<tr><td>\n<table width="100%" border="0" cellpadding="0" cellspacing="0">\n'
        '<tr><td colspan="4"><b>Originating Court Information:</b></td></tr>\n'
        f"{''.join(rows)}<tr>{labels}</tr>\n<tr>{days}</tr>\n</table>\n</td></tr>\n"
    )


def attorney(lawyer: cases.AttorneyOfRecord) -> str:
    """``Name<br>Direct: phone<br>Email: ...<br>[COR LD NTC]``, a terminated one's date in
    brackets too."""
    roles = ["COR"]
    if lawyer.lead:
        roles.append("LD")
    if lawyer.to_be_noticed and not lawyer.terminated_on:
        roles.append("NTC")
    if lawyer.pro_hac_vice:
        roles.append("PHV")
    lines = [escape(lawyer.name)]
    if lawyer.phone:
        lines.append(f"Direct: {escape(lawyer.phone)}")
    if lawyer.email:
        lines.append(f"Email: {escape(lawyer.email)}")
    lines.append(f"[{' '.join(roles)}]")
    if lawyer.terminated_on:
        lines.append(f"[Terminated: {rules.mdy(lawyer.terminated_on)}]")
    return "<br>".join(lines)


def parties_table(parties: Iterable[cases.Party], *, terminated: bool) -> str:
    rows = []
    for party in parties:
        if party.terminated_on is not None and not terminated:
            continue
        left = [escape(party.name), *map(escape, sheet.party_lines(party))]
        if party.terminated_on is not None:
            left.append(f"<b>Terminated: </b>{rules.mdy(party.terminated_on)}")
        left.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{escape(party.role_label)}")
        lawyers = [a for a in party.attorneys if terminated or a.terminated_on is None]
        rows.append(
            f'<tr><td valign="top" width="50%">{"<br>".join(left)}</td>\n'
            f'<td valign="top" width="50%">{"<br><br>".join(map(attorney, lawyers))}</td></tr>\n'
        )
    return (
        "<!-- ===================NEW SECTION - Party/Aty List ====================== -->\n"
        '<table width="100%" border="1" cellpadding="0">\n<tr><td>\n'
        '<table width="100%" border="0" cellpadding="4" cellspacing="0">\n'
        '<tr><td colspan="2"></td></tr>\n'
        f"{''.join(rows)}</table>\n</td></tr>\n</table>\n"
    )


ENTRIES_START = (
    "<!-- ================= NEW SECTION - DOCKET ENTRIES =================== -->\n"
    '<table width="100%" border="1" cellpadding="0">\n<tr><td>\n<table border="0" cellpadding="4">\n'
)
ENTRIES_END = "</table>\n</td></tr>\n</table>\n"


def entry_rows(
    access: RecordAccess, entries: Iterable[docket.RecordEntry], *, court_id: str, zone: str
) -> str:
    out = []
    for entry in entries:
        main = next(
            (d for d in entry.documents if d.attachment_number == 0 and access.may_open(entry, d)),
            None,
        )
        number = f"&nbsp;{entry.entry_number}&nbsp;"
        if main is not None:
            number = (
                f'<a href="/{court_id}/docs1/{main.pacer_doc_id}" title="Open Document">'
                f'{number}</a>\n<br><font size="-2">{main.page_count} pg, '
                f"{rules.size_shown(main.size)}</font>"
            )
        text = sheet.struck_text(entry, zone)
        entered = clock.in_zone(entry.entered_at, zone)
        out.append(
            f'<tr><td valign="top">{rules.mdy(clock.in_zone(entry.filed_at, zone))}</td>'
            f'<td valign="top" nowrap>\n<input type="checkbox" name="d" value="{entry.id}" '
            f'aria-label="Select entry {entry.entry_number}">\n{number}</td>'
            f'<td width="90%" valign="top">{text} '
            f"[Entered: {entered:%m/%d/%Y %I:%M %p}]</td></tr>\n"
        )
    return "".join(out)
