"""Input of the report pages, with CM/ECF's own field names (programs post them as they are)."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.reports.rules import Criteria

DATES = ["%m/%d/%Y", "%Y-%m-%d"]


def court_date(label: str, *, required: bool = False) -> forms.DateField:
    """A date typed as CM/ECF's forms take it (MM/DD/YYYY, or the browser's ISO date)."""
    return forms.DateField(
        label=label, required=required, input_formats=DATES, help_text="MM/DD/YYYY"
    )


SORTS = [
    ("oldest date first", "Oldest date first"),
    ("most recent date first", "Most recent date first"),
    ("document number", "Document number"),
]


def dates_filed_or_entered(filed: str, entered: str) -> forms.ChoiceField:
    """CM/ECF's choice of the dates a report's range is of (each report has its own values)."""
    return forms.ChoiceField(
        label="Dates",
        choices=[(filed, "Filed"), (entered, "Entered")],
        initial=filed,
        required=False,
        widget=forms.RadioSelect,
    )


def sort_by(choices: list[tuple[str, str]]) -> forms.ChoiceField:
    """A report's order, the first of ``choices`` unless chosen."""
    return forms.ChoiceField(
        label="Sort by", choices=choices, initial=choices[0][0], required=False
    )


def check_dates(form: forms.Form, data: dict, first: str, last: str) -> None:
    """An end date before the start date is put on the end field."""
    start, end = data.get(first), data.get(last)
    if start and end and start > end:
        form.add_error(last, "The end date is before the start date: swap them.")


class DateRangeForm(UswdsForm):
    """A report's criteria with a date range (``date_range``: its first and last fields)."""

    date_range: tuple[str, str]

    def clean(self) -> dict:
        data = super().clean() or {}
        check_dates(self, data, *self.date_range)
        return data


class CaseNumberForm(UswdsForm):
    case_num = forms.CharField(
        label="Case number",
        max_length=40,
        help_text="In full or in part: 26-12, 4:26cv12 or 4:26-cv-00012.",
    )


class DocketCriteriaForm(DateRangeForm):
    """CM/ECF's docket report options."""

    date_range = ("date_from", "date_to")
    date_range_type = dates_filed_or_entered("Filed", "Entered")
    date_from = court_date("From")
    date_to = court_date("To")
    documents_numbered_from_ = forms.IntegerField(
        label="Documents numbered from", required=False, min_value=1
    )
    documents_numbered_to_ = forms.IntegerField(label="to", required=False, min_value=1)
    list_of_parties_and_counsel = forms.BooleanField(
        label="Include parties and attorneys", required=False, initial=True
    )
    terminated_parties = forms.BooleanField(
        label="Include terminated parties", required=False, initial=True
    )
    view_multi_docs = forms.BooleanField(label="View multiple documents", required=False)
    sort1 = sort_by(SORTS)
    output_format = forms.CharField(required=False, widget=forms.HiddenInput, initial="html")

    def clean(self) -> dict:
        data = super().clean()
        low, high = data.get("documents_numbered_from_"), data.get("documents_numbered_to_")
        if low and high and low > high:
            self.add_error(
                "documents_numbered_to_", "The last document number is below the first: swap them."
            )
        if data.get("output_format") not in (None, "", "html"):
            self.add_error(None, "Only the HTML report is offered: choose html.")
        return data

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            date_field="entered" if data.get("date_range_type") == "Entered" else "filed",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            number_from=data.get("documents_numbered_from_"),
            number_to=data.get("documents_numbered_to_"),
            parties=bool(data.get("list_of_parties_and_counsel")),
            terminated=bool(data.get("terminated_parties")),
            multi_docs=bool(data.get("view_multi_docs")),
            newest_first=data.get("sort1") == "most recent date first",
        )


class CaseQueryForm(UswdsForm):
    """CM/ECF's Query: a case number, or a party's name."""

    case_num = forms.CharField(
        label="Case number",
        max_length=40,
        required=False,
        help_text="In full or in part: 26-12, 4:26cv12 or 4:26-cv-00012.",
    )
    party_name = forms.CharField(
        label="Party name",
        max_length=120,
        required=False,
        help_text="All or part of a party's name: Acme, or Roe.",
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        number = (data.get("case_num") or "").strip()
        name = (data.get("party_name") or "").strip()
        if not number and not name:
            raise forms.ValidationError("Enter a case number or a party name.")
        if name and len(name) < 2:
            self.add_error("party_name", "Enter at least two letters of the name.")
        data["case_num"], data["party_name"] = number, name
        return data


class OpinionsCriteriaForm(DateRangeForm):
    """CM/ECF's written opinions report criteria (``WrtOpRpt.pl``), with its field names."""

    date_range = ("filed_from", "filed_to")
    filed_from = court_date("Filed from", required=True)
    filed_to = court_date("Filed to", required=True)
    Key1 = sort_by([("cs_sort_case_numb", "Case number"), ("de_date_filed", "Date filed")])


class ClaimsCriteriaForm(DateRangeForm):
    """CM/ECF's claims register criteria (``SearchClaims.pl``), with its field names."""

    date_range = ("f_fromdt", "f_todt")
    EntFil = dates_filed_or_entered("Fil", "Ent")
    f_fromdt = court_date("From")
    f_todt = court_date("To")
    f_sort1 = sort_by([("cl_claimno", "Claim number"), ("cl_dt_filed", "Date filed")])
