"""The claims register of a bankruptcy case (CM/ECF's ``SearchClaims.pl``), in CM/ECF's markup
(juriscraper's ``ClaimsRegister`` reads it), and its data for the JSON API.

Claims are the case's proof-of-claim entries (``docket.facade.claims_on_record``): claim
numbers count the case's proofs of claim in filing order (sealed ones too, so a number never
shifts with who reads); the creditor is the party the claim was filed for; the history is the
claim itself and the later entries linked to it (objections, orders on them). The amounts are
those the filer stated with the claim (amount claimed, secured, priority; unsecured is the rest);
a claim filed without them lists none. The same access rule as the docket: a sealed case
is missing; a sealed claim is the court's; a restricted claim document is listed, linked for
participants and the court only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.html import escape, strip_tags

from openecf.billing import facade as billing
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.courts.access import Standing
from openecf.docket import facade as docket
from openecf.reports import rules
from openecf.reports.access import RecordAccess


@dataclass(frozen=True)
class HistoryRow:
    kind: str  # "claim" or "docket_entry"
    number: str  # "1-1" for the claim, the entry number for a docket entry
    filed_on: date
    description: str
    href: str  # "" when the person may not open it
    entry: docket.RecordEntry


@dataclass(frozen=True)
class ClaimRow:
    claim_number: int
    creditor_id: int | None
    creditor: str
    filed_on: date
    entered_on: date
    filed_by: str
    entered_by: str
    description: str
    history: tuple[HistoryRow, ...]
    amounts: docket.ClaimAmounts | None = None


@dataclass(frozen=True)
class Register:
    case: cases.Case
    judge: str
    office: str
    trustee: str
    claims: tuple[ClaimRow, ...]


@dataclass(frozen=True)
class ClaimsCriteria:
    date_field: str = "filed"  # or "entered"
    date_from: date | None = None
    date_to: date | None = None
    by_date: bool = False


def _href(access: RecordAccess, entry: docket.RecordEntry, court_id: str, query: str) -> str:
    main = next((d for d in entry.documents if d.attachment_number == 0), None)
    if main is None or not access.may_open(entry, main):
        return ""
    return f"/{court_id}/doc1/{main.pacer_doc_id}?caseid={access.case.caseid}&{query}"


def register(access: RecordAccess, criteria: ClaimsCriteria, *, zone: str) -> Register:
    """The case's claims register as this person may see it, chosen by ``criteria``."""
    case = access.case
    court_id = case.court_id
    parties = {p.id: p for p in cases.parties(caseid=case.caseid)}
    rows = []
    for claim in docket.claims_on_record(caseid=case.caseid, only=access.record_filter(zone=zone)):
        entry = claim.entry
        filed_on = clock.in_zone(entry.filed_at, zone).date()
        entered_on = clock.in_zone(entry.entered_at, zone).date()
        chosen = entered_on if criteria.date_field == "entered" else filed_on
        if (criteria.date_from and chosen < criteria.date_from) or (
            criteria.date_to and chosen > criteria.date_to
        ):
            continue
        creditors = [parties[i] for i in claim.creditor_party_ids if i in parties]
        number = f"{claim.claim_number}-1"
        history = [
            HistoryRow(
                kind="claim",
                number=number,
                filed_on=filed_on,
                description=entry.docket_text,
                href=_href(access, entry, court_id, f"claim_id={entry.id}&claim_num={number}"),
                entry=entry,
            )
        ]
        for later in claim.history:
            main = next((d for d in later.documents if d.attachment_number == 0), None)
            dm_id = main.pacer_doc_id if main else ""
            history.append(
                HistoryRow(
                    kind="docket_entry",
                    number=str(later.entry_number),
                    filed_on=clock.in_zone(later.filed_at, zone).date(),
                    description=later.docket_text,
                    href=_href(
                        access,
                        later,
                        court_id,
                        f"de_seq_num={later.id}&dm_id={dm_id}&doc_num={later.entry_number}",
                    ),
                    entry=later,
                )
            )
        rows.append(
            ClaimRow(
                claim_number=claim.claim_number,
                creditor_id=creditors[0].id if creditors else None,
                creditor="; ".join(p.name for p in creditors),
                filed_on=filed_on,
                entered_on=entered_on,
                filed_by=claim.filed_by,
                entered_by=claim.entered_by,
                description=claim.free_text,
                history=tuple(history),
                amounts=claim.amounts,
            )
        )
    if criteria.by_date:
        rows.sort(key=lambda r: (r.filed_on, r.claim_number))
    offices = dict(cases.offices(court_id=court_id))
    trustee = next((p.name for p in parties.values() if p.role == "trustee"), "")
    return Register(
        case=case,
        judge=cases.judge_name(case),
        office=offices.get(case.office_number, ""),
        trustee=trustee,
        claims=tuple(rows),
    )


def money(value: Decimal) -> str:
    """An amount as CM/ECF's claims register writes it: ``$12480.00`` (no thousands commas)."""
    return f"${value.quantize(Decimal('0.01'))}"


def _amounts_table(amounts: docket.ClaimAmounts | None) -> str:
    """The claim's amounts as CM/ECF nests them: one ``<label> claimed: $n`` row each."""
    if amounts is None:
        return "<table></table>"
    rows = (
        ("Amount", amounts.amount_claimed),
        ("Secured", amounts.secured),
        ("Priority", amounts.priority),
        ("Unsecured", amounts.unsecured),
    )
    return (
        "<table>\n"
        + "".join(
            f'<tr><td align="left"><font size="-1">&nbsp;{label} </font></td>'
            '<td><font size="-1"> claimed:</font></td><td align="right"><font size="-1"> '
            f"{money(value)}</font></td></tr>\n"
            for label, value in rows
        )
        + "</table>"
    )


def _claim_table(claim: ClaimRow) -> str:
    history = "\n".join(
        '<tr valign="top"><td width="4%"></td><td width="3%" align="right"></td>'
        '<td width="6%" align="center"><font size="-1">'
        + (f'<a href="{escape(h.href)}">{h.number}</a>' if h.href else h.number)
        + f'</font></td><td width="4%"><font size="-1">{rules.mdy(h.filed_on)}</font></td>'
        f'<td><font size="-1">{escape(h.description)}</font></td></tr>'
        for h in claim.history
    )
    creditor_id = f"({claim.creditor_id})" if claim.creditor_id is not None else "()"
    return (
        '<table class="complexReport">\n<tr class="rowBackground1">\n'
        '<td align="left" valign="top" width="30%">\n'
        f'<font size="-1"><i>Creditor:</i>&nbsp;&nbsp;{creditor_id}&nbsp;&nbsp;<br>'
        f"{escape(claim.creditor)}</font></td>\n"
        f'<td align="left" valign="top" width="20%"><font size="-1"><b>Claim No: '
        f"{claim.claim_number}</b><br><i>Original Filed Date</i>:&nbsp;{rules.mdy(claim.filed_on)}"
        f"<br><i>Original Entered Date</i>:&nbsp;{rules.mdy(claim.entered_on)}<br></font></td>\n"
        f'<td align="left" valign="top" width="30%"><font size="-1"><i>Status:</i> <br>'
        f"<i>Filed by:</i> {escape(claim.filed_by)}<br>"
        f"<i>Entered by:</i> {escape(claim.entered_by)}</font></td>\n</tr>\n"
        f'<tr class="rowBackground1"><td colspan="3">{_amounts_table(claim.amounts)}</td></tr>\n'
        '<tr class="rowBackground1" valign="top"><td colspan="5" align="left">'
        '<font size="-1"><i>History:</i></font>\n<table width="100%" border="0">\n'
        f"{history}\n</table>\n</td></tr>\n"
        '<tr class="rowBackground1"><td colspan="3" align="left"><font size="-1">'
        f"<i>Description:</i> {escape(claim.description)}</font></td></tr>\n"
        '<tr class="rowBackground1"><td colspan="3" align="left"><font size="-1">'
        "<i>Remarks:</i> </font></td></tr>\n</table><br>\n"
    )


def register_html(found: Register, court_name: str) -> str:
    """The register in CM/ECF's markup: heading, header table, one table per claim, summary."""
    case = found.case
    header = [
        ("Judge:", found.judge, "Chapter: ", str(case.chapter or "")),
        ("Office: ", found.office, "", ""),
        ("Trustee: ", found.trustee, "", ""),
    ]
    cells = "\n".join(
        f"<tr><td><b>{a}</b> {escape(b)}</td><td><b> </b></td>"
        + (f"<td><b>{c}</b> {escape(d)}</td>" if c else "<td></td>")
        + "</tr>"
        for a, b, c, d in header
        if b or c
    )
    return (
        f"<center>\n<h2>{escape(court_name)}<br>Claims Register</h2>\n"
        f'<font size="+1"><a href="/{case.court_id}/cgi-bin/DktRpt.pl?{case.caseid}">'
        f"{escape(case.shown_number)} {escape(case.title)}</a><br></font>\n<p></p>\n"
        f"<table>\n{cells}\n</table>\n"
        + "".join(_claim_table(claim) for claim in found.claims)
        + "<center><h3>Claims Register Summary</h3></center>\n"
        f"<b>Case Name:</b> {escape(case.title)} <br><b>Case Number:</b> "
        f"{escape(case.shown_number)}<br><b>Chapter:</b> {case.chapter or ''}<br>"
        f"<b>Date Filed:</b> {rules.mdy(case.date_filed)}<br>"
        f"<b>Total Number Of Claims:</b> {len(found.claims)}<br><br>\n</center>\n"
    )


def charge_register(
    found: Register,
    *,
    court_name: str,
    account_id: int,
    standing: Standing,
    username: str,
    view: str,
    client_code: str,
) -> tuple[str, billing.Receipt]:
    """The register's markup and its charge: a case-specific report ($0.10 for each 4,320
    bytes of its text, at most $3.00), once per ``view`` (a reload answers the same receipt).

    ``standing`` (at the case's court) and ``username``: the viewer's, which the page has already, so
    billing reads neither the court, its staff nor the account again."""
    body = register_html(found, court_name)
    case = found.case
    receipt = billing.charge(
        view_key=f"{case.court_id}:claims:{case.caseid}:{account_id}:{view}",
        account_id=account_id,
        court_id=case.court_id,
        kind=billing.AccessKind.CASE_REPORT,
        size_bytes=len(strip_tags(body)),
        description="Claims Register",
        criteria=case.shown_number,
        client_code=client_code,
        standing=standing,
        username=username,
    )
    return body, receipt
