"""``/<court>/cgi-bin/WrtOpRpt.pl``: the written opinions report in CM/ECF's markup (juriscraper's
``FreeOpinionReport`` reads it). GET: the criteria; POST (or GET with the criteria): the report.
Free of charge; PACER asks for a sign-in first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.views.decorators.http import require_http_methods

from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import signed_in_court
from openecf.reports import rules, sheet
from openecf.reports.forms import OpinionsCriteriaForm
from openecf.reports.opinions import Opinion, TooManyOpinions, opinions


def _case_cell(opinion: Opinion, court_id: str, same_case: bool) -> str:
    if same_case:
        return "<td></td>"
    case = opinion.case
    return (
        f'<td><a href="/{court_id}/cgi-bin/DktRpt.pl?{case.caseid}">{escape(case.shown_number)}'
        f"</a><br><b>{escape(case.title)}</b></td>"
    )


def _notes(opinion: Opinion) -> str:
    case = opinion.case
    notes = []
    if opinion.office:
        notes.append(f"<i>Office:</i> {escape(opinion.office)}<br>")
    if case.is_closed:
        notes.append("<i>Case Flags:</i> CLOSED<br>")
    if case.nature_of_suit:
        label = rules.NATURE_OF_SUIT.get(case.nature_of_suit, case.nature_of_suit)
        notes.append(f"<i>NOS:</i> {escape(label)}<br>")
    if case.cause:
        notes.append(f"<i>Cause:</i> {escape(case.cause)}<br>")
    return "".join(notes)


def report_rows(found: list[Opinion], court_id: str, *, by_date: bool) -> str:
    """The rows of CM/ECF's five-column table (case, date, document, description, notes; sorted
    by date, the date comes first); a case's repeated name is left blank, as CM/ECF does."""
    rows = []
    previous: int | None = None
    for opinion in found:
        entry = opinion.entry
        link = sheet.go_dls_link(
            f"/{court_id}/doc1/{opinion.document.pacer_doc_id}", opinion.case.caseid, entry.id
        )
        day = f"<td>{rules.mdy(opinion.filed_on)}</td>"
        case = _case_cell(
            opinion, court_id, same_case=not by_date and previous == opinion.case.caseid
        )
        first, second = (day, case) if by_date else (case, day)
        rows.append(
            f'<tr valign="top">{first}{second}'
            f'<td align="center">{link}{entry.entry_number}</a></td>'
            f"<td>{escape(entry.docket_text)}</td><td>{_notes(opinion)}</td></tr>"
        )
        previous = opinion.case.caseid
    return "\n".join(rows)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def written_opinions(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="run the written opinions report")
    data = request.POST if request.method == "POST" else request.GET
    asked = "filed_from" in data or "filed_to" in data
    form = OpinionsCriteriaForm(data if asked else None)
    if asked and form.is_valid():
        criteria = form.cleaned_data
        by_date = criteria.get("Key1") == "de_date_filed"
        try:
            found = opinions(
                standing=standing,
                zone=court.time_zone,
                filed_from=criteria["filed_from"],
                filed_to=criteria["filed_to"],
                by_date=by_date,
            )
        except TooManyOpinions:
            form.add_error(
                None,
                f"More than {rules.OPINIONS_LIMIT:,} opinions were filed in those dates: "
                "choose fewer dates.",
            )
        else:
            return render(
                request,
                "reports/written_opinions.html",
                {
                    "court": court,
                    "rows": report_rows(found, court.pk, by_date=by_date),
                    "count": len(found),
                    "period": f"{rules.mdy(criteria['filed_from'])} - "
                    f"{rules.mdy(criteria['filed_to'])}",
                    "sort": "Date Filed" if by_date else "Case Number",
                },
            )
    return render(
        request,
        "reports/written_opinions_criteria.html",
        {"court": court, "form": form},
        status=422 if form.errors else 200,
    )
