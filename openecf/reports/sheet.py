"""The docket sheet in CM/ECF's markup, in pieces the report streams one after another.

Pure functions of the facades' frozen dataclasses (the entries: the docket's row tuples): the
heading and header table, the parties with their attorneys, the entries table one page of rows
at a time, and the PACER transaction receipt. The markup follows ``shared/formats/README.md``
section 2 (what juriscraper's ``DocketReport`` reads): no layout tables around the report, labels
spelled as CM/ECF spells them, no whitespace before the caption's ``<br>``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.html import escape

from openecf.billing import facade as billing
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.docket import facade as docket
from openecf.reports import rules
from openecf.reports.access import RecordAccess

CRIMINAL_KINDS = frozenset({"cr", "mj"})


@dataclass(frozen=True)
class SheetFacts:
    """What the heading needs besides the case: the court's lines and the judges' names."""

    court_id: str
    court_lines: tuple[str, ...]  # ("U.S. District Court", "Western District of Missouri")
    zone: str
    judge: str
    referred_judge: str
    bankruptcy: bool = False  # a bankruptcy court's layout (``reports.bankruptcy_sheet``)


def docket_title(case: cases.Case) -> str:
    kind = "CRIMINAL" if case.kind in CRIMINAL_KINDS else "CIVIL"
    return f"{kind} DOCKET FOR CASE #: {case.shown_number}"


def _lines(cell: Iterable[str]) -> str:
    """A header cell's pieces, each after a ``<br>`` (the first piece stays empty)."""
    return "".join(f"<br>{piece}" for piece in cell)


def heading(facts: SheetFacts, case: cases.Case) -> str:
    court = "<br>\n".join(escape(line) for line in facts.court_lines)
    left = [escape(case.title)]
    if facts.judge:
        left.append(f"Assigned to: Judge {escape(facts.judge)}")
    if facts.referred_judge:
        left.append(f"Referred to: Magistrate Judge {escape(facts.referred_judge)}")
    if case.demand_amount is not None:
        left.append(f"Demand: {escape(rules.demand_shown(case.demand_amount))}")
    if case.cause:
        left.append(f"Cause: {escape(case.cause)}")
    right = [f"Date Filed: {rules.mdy(case.date_filed)}"]
    if case.date_terminated:
        right.append(f"Date Terminated: {rules.mdy(case.date_terminated)}")
    if case.kind not in CRIMINAL_KINDS:
        right.append(f"Jury Demand: {escape(case.jury_demand_label)}")
        if case.nature_of_suit:
            right.append(
                f"Nature of Suit: {escape(rules.nature_of_suit_shown(case.nature_of_suit))}"
            )
        if case.jurisdiction:
            right.append(f"Jurisdiction: {escape(case.jurisdiction_label)}")
    return (
        f'<h3 align="center">{court}<br>\n{escape(docket_title(case))}</h3>\n'
        '<table width="100%" border="0" cellspacing="5"><tr>\n'
        f'<td valign="top" width="60%">{_lines(left)}</td>\n'
        f'<td valign="top" width="40%">{_lines(right)}</td>\n'
        "</tr></table>\n"
    )


ALIAS_WORDS = {
    "aka": "also known as",
    "dba": "doing business as",
    "fdba": "formerly doing business as",
    "fka": "formerly known as",
}


def party_type(case: cases.Case, party: cases.Party) -> str:
    if case.kind in CRIMINAL_KINDS and party.defendant_number is not None:
        return f"{party.role_label} ({party.defendant_number})"
    return party.role_label


def attorney(lawyer: cases.AttorneyOfRecord) -> str:
    """An attorney in the party table: name, phone, e-mail, terminated date, roles."""
    lines = [f"<b>{escape(lawyer.name)}</b>"]
    if lawyer.phone:
        lines.append(escape(lawyer.phone))
    if lawyer.email:
        lines.append(f"Email: {escape(lawyer.email)}")
    if lawyer.terminated_on:
        lines.append(f"<i>TERMINATED: {rules.mdy(lawyer.terminated_on)}</i>")
    if lawyer.lead:
        lines.append("<i>LEAD ATTORNEY</i>")
    if lawyer.pro_hac_vice:
        lines.append("<i>PRO HAC VICE</i>")
    if lawyer.to_be_noticed and not lawyer.terminated_on:
        lines.append("<i>ATTORNEY TO BE NOTICED</i>")
    return "<br>".join(lines)


def party_lines(party: cases.Party) -> list[str]:
    """The party's extra lines under its name (aliases), as plain text."""
    return [f"{ALIAS_WORDS.get(kind, kind)} {name}" for name, kind in party.aliases]


def parties_table(case: cases.Case, parties: Iterable[cases.Party], *, terminated: bool) -> str:
    rows = []
    for party in parties:
        if party.terminated_on is not None and not terminated:
            continue
        name = [f"<b>{escape(party.name)}</b>", *(escape(line) for line in party_lines(party))]
        if party.terminated_on is not None:
            name.append(f"<i>TERMINATED: {rules.mdy(party.terminated_on)}</i>")
        lawyers = [a for a in party.attorneys if terminated or a.terminated_on is None]
        represented = "represented&nbsp;by" if lawyers else "&nbsp;"
        counsel = "<br><br>".join(attorney(a) for a in lawyers) or "&nbsp;"
        rows.append(
            f"<tr><td><b><u>{escape(party_type(case, party))}</u></b></td></tr>\n"
            f'<tr><td valign="top" width="40%">{"<br>".join(name)}</td>\n'
            f'<td valign="top" width="20%" align="right">{represented}</td>\n'
            f'<td valign="top" width="40%">{counsel}</td></tr>\n'
        )
    if not rows:
        return ""
    return '<table width="100%" border="0" cellspacing="5">\n' + "".join(rows) + "</table>\n"


def entries_start(
    case: cases.Case, *, court_id: str, multi_docs: bool, bankruptcy: bool = False
) -> str:
    """The entries table's start and header row; a bankruptcy court's header is ``Filing Date |
    # (two columns) | Docket Text`` (``shared/formats`` section 3)."""
    table = (
        '<table align="center" width="99%" border="1" rules="all" cellpadding="5" '
        'cellspacing="0">\n'
    )
    if bankruptcy:
        first = '<th width="94" nowrap>Filing Date</th><th colspan="2" align="center">#</th>'
        last = '<th align="center">Docket Text</th></tr>\n'
        select = "<th><small>Select</small></th>"
    else:
        first = '<td class="text-bold">Date Filed</td><th>#</th>'
        last = '<td class="text-bold">Docket Text</td></tr>\n'
        select = '<td class="text-bold"><small>Select</small></td>'
    if not multi_docs:
        return f"{table}<tr>{first}{last}"
    return (
        '<form enctype="multipart/form-data" method="post" name="view_multi_docs" '
        f'action="/{court_id}/cgi-bin/DktRpt.pl?{case.caseid}">'
        f'<input type="hidden" name="caseid" value="{case.caseid}">\n'
        f"{table}<tr>{first}{select}{last}"
    )


def entries_end(*, multi_docs: bool) -> str:
    return "</table>\n</form>\n" if multi_docs else "</table>\n"


def go_dls_link(path: str, caseid: int, seq: int) -> str:
    """CM/ECF's document link. Its ``onclick="goDLS(...)"`` is kept as data for the programs
    that read CM/ECF pages (juriscraper takes the case id and the entry's sequence number from
    it); our Content-Security-Policy never runs it, and the link works by its ``href``."""
    return (
        f"<a href=\"{path}\" onclick=\"goDLS('{path}','{caseid}','{seq}','','','1',"
        f"'','');return(false);\">"
    )


def _go_dls(court_id: str, doc: docket.RecordDocument, caseid: int, seq: int) -> str:
    return go_dls_link(f"/{court_id}/doc1/{doc.pacer_doc_id}", caseid, seq)


def struck_text(entry: docket.RecordEntry, zone: str) -> str:
    """The docket text, struck through and followed by the strike's date when stricken."""
    text = escape(entry.docket_text)
    if entry.stricken_at is not None:
        text = f"<s>{text}</s> (Stricken: {rules.mdy(clock.in_zone(entry.stricken_at, zone))})"
    return text


def entry_text(entry: docket.RecordEntry, zone: str) -> str:
    """The entry's text on the report: the docket text, a strike's date, the entered date."""
    return _EntryText(ZoneInfo(zone))(entry)


class CourtDays:
    """The court's day (``MM/DD/YYYY``) of moments in UTC (aware, or naive as SQLite's driver
    gives them), written once per court day: the last day's bounds in UTC are kept, and a
    docket's entries come in date order, so most moments fall in the day before them."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.low: datetime | None = None  # the kept day's start, in UTC (naive like the moment)
        self.high: datetime | None = None  # the next day's start
        self.day = ""

    def __call__(self, moment: datetime) -> str:
        if self.low is not None and self.low <= moment < self.high:  # type: ignore[operator]
            return self.day
        naive = moment.tzinfo is None
        local = (moment.replace(tzinfo=UTC) if naive else moment).astimezone(self.zone)
        self.day = f"{local.month:02d}/{local.day:02d}/{local.year}"
        self.low = self._start(local.date(), naive)
        self.high = self._start(local.date() + timedelta(days=1), naive)
        return self.day

    def _start(self, day: date, naive: bool) -> datetime:
        start = datetime.combine(day, time.min, tzinfo=self.zone).astimezone(UTC)
        return start.replace(tzinfo=None) if naive else start


class _EntryText:
    """``entry_text`` for many entries of one court: the zone looked up once, the dates written
    by ``CourtDays``, the text escaped by the standard library (``django.utils.html.escape``
    writes the same characters, with a lazy-string wrapper a 10,000-row report would pay
    for on every row)."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.day = CourtDays(zone)

    def __call__(self, entry: docket.RecordEntry | docket.RecordRow) -> str:
        text = html.escape(entry.docket_text)
        if entry.stricken_at is not None:
            text = f"<s>{text}</s> (Stricken: {self.day(entry.stricken_at)})"
        return f"{text} (Entered: {self.day(entry.entered_at)})"


def entry_rows(
    access: RecordAccess,
    entries: Iterable[docket.RecordRow],
    *,
    court_id: str,
    zone: str,
    multi_docs: bool,
    bankruptcy: bool = False,
) -> str:
    """The entries' rows, hand-written and escaped (no template, no query), straight from the
    docket's row tuples. A bankruptcy court's rows have an empty cell between the date and the
    number, as CM/ECF's bankruptcy docket has (juriscraper drops it)."""
    caseid = access.case.caseid
    gap = '<td valign="top"><nobr>&nbsp;</nobr></td>' if bankruptcy else ""
    start = '<tr><td width="94" valign="top" nowrap>'
    middle = f'</td>{gap}<td valign="top" align="right" nowrap>'
    texts = _EntryText(ZoneInfo(zone))
    day = CourtDays(ZoneInfo(zone))  # the filed dates' own: a late entry is entered days later
    may_open = access.may_open
    out = []
    for entry in entries:
        filed = day(entry.filed_at)
        text = texts(entry)
        if not entry.documents:
            if not multi_docs:
                out.append(f'{start}{filed}{middle}{entry.entry_number}&nbsp;</td>'
                           f'<td valign="top">{text}</td></tr>\n')  # fmt: skip
            else:
                out.append(f'{start}{filed}{middle}{entry.entry_number}&nbsp;</td>'
                           f'<td valign="top" align="center">&nbsp;</td>'
                           f'<td valign="top">{text}</td></tr>\n')  # fmt: skip
            continue
        openable = [d for d in entry.documents if may_open(entry, d)]
        main = next((d for d in openable if d.attachment_number == 0), None)
        number = str(entry.entry_number)
        if main is not None:
            number = f"{_go_dls(court_id, main, caseid, entry.id)}{number}</a>"
        if not multi_docs:
            out.append(
                f'{start}{filed}{middle}{number}&nbsp;</td><td valign="top">{text}</td></tr>\n'
            )
            continue
        box = (
            f'<input type="checkbox" name="all_documents" value="{caseid}_{entry.id}">'
            if main is not None
            else "&nbsp;"
        )
        out.append(
            f"{start}{filed}{middle}{number}&nbsp;</td>"
            f'<td valign="top" align="center">{box}</td><td valign="top">{text}</td></tr>\n'
        )
        if main is None:
            continue
        parts = [main, *(d for d in openable if d.attachment_number > 0)]
        if len(parts) == 1:
            out.append(
                f'<input name="document_{caseid}_{entry.id}_0" type="hidden" '
                f'value="{_part_value(main)}">\n'
            )
            continue
        rows = "".join(
            f'<tr><td><input name="document_{caseid}_{entry.id}_'
            f'{d.attachment_number}" type="checkbox" value="{_part_value(d)}"></td>'
            f"<td>{d.attachment_number}</td><td>{escape(d.description)}</td>"
            f"<td>{d.page_count} pages</td><td>{rules.size_shown(d.size)}</td></tr>\n"
            for d in parts
        )
        out.append(
            f"<tr><td></td>{'<td></td>' if gap else ''}<td></td><td></td>"
            f'<td><table class="margin-1">\n'
            f"{rows}</table></td></tr>\n"
        )
    return "".join(out)


def _part_value(doc: docket.RecordDocument) -> str:
    """``{doc id without the court prefix and switch}-{bytes}-{pages}``."""
    return f"{doc.pacer_doc_id[4:]}-{doc.size}-{doc.page_count}"


def receipt(receipt: billing.Receipt, zone: str) -> str:
    """The PACER Service Center's transaction receipt, at the bottom of a charged page."""
    at: datetime = clock.in_zone(receipt.at, zone)

    def pair(label: str, value: str) -> str:
        return f"<th><font> {label}: </font></th><td><font> {escape(value)} </font></td>"

    return (
        '<center><table border="1" bgcolor="white" width="400" data-testid="receipt">\n'
        '<tr><th colspan="4"><font size="+1" color="DARKRED">PACER Service Center </font></th></tr>\n'
        '<tr><th colspan="4"><font color="DARKBLUE">Transaction Receipt </font></th></tr>\n'
        "<tr></tr>\n<tr></tr>\n"
        f'<tr><td colspan="4" align="CENTER"><font size="-1" color="DARKBLUE">'
        f"{at:%m/%d/%Y %H:%M:%S}</font></td></tr>\n"
        f"<tr>{pair('PACER Login', receipt.username)}{pair('Client Code', receipt.client_code)}</tr>\n"
        f"<tr>{pair('Description', receipt.description)}"
        f"{pair('Search Criteria', receipt.criteria)}</tr>\n"
        f"<tr>{pair('Billable Pages', str(receipt.pages))}"
        f"{pair('Cost', rules.money(receipt.amount))}</tr>\n"
        "<tr></tr>\n<tr></tr>\n</table></center>\n"
    )


def attachment_rows(
    *,
    caseid: int,
    entry: docket.RecordEntry,
    parts: Iterable[tuple[docket.RecordDocument, str]],
) -> str:
    """The attachment page's rows (CM/ECF's markup, ``shared/formats`` section 7): the main
    document, then each attachment with its checkbox value ``<id>-<bytes>-<pages>``."""
    out = []
    for doc, link in parts:
        value = f"{doc.pacer_doc_id[4:]}-{doc.size}-{doc.page_count}"
        anchor = go_dls_link(link, caseid, entry.id)
        size = f"<td>{doc.page_count} pages</td><td>{rules.size_shown(doc.size)}</td></tr>\n"
        box = (
            f'<input type="checkbox" name="document_{entry.entry_number}_{doc.attachment_number}"'
            f' value="{value}" aria-label="Select part {doc.attachment_number}">'
        )
        if doc.attachment_number == 0:
            out.append(
                f'<tr><td colspan="2"><b>Document Number:</b></td><td>{box}</td>'
                f"<td>{anchor}{entry.entry_number}</a></td>{size}"
                '<tr><td colspan="2"><b>Attachment</b></td><td colspan="2"><b>Description</b>'
                "</td><td><b>Pages</b></td><td><b>Size</b></td></tr>\n"
            )
        else:
            out.append(
                f"<tr><td>{box}</td><td>{anchor}{doc.attachment_number}</a></td>"
                f'<td colspan="2">{escape(doc.description)}</td>{size}'
            )
    return "".join(out)
