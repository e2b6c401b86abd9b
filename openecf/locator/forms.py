"""The Case Locator's search form (the page); the API reads the same criteria by name."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.courts.models import Court
from openecf.locator import rules


def court_choices() -> list[tuple[str, str]]:
    courts = Court.objects.order_by("kind", "name").values_list("pk", "name", "kind")
    return [("", "All courts")] + [(pk, f"{name} ({pk})") for pk, name, _ in courts]


def known_courts() -> frozenset[str]:
    return frozenset(Court.objects.values_list("pk", flat=True))


class SearchForm(UswdsForm):
    last_name = forms.CharField(
        label="Last name or business name",
        required=False,
        max_length=200,
        help_text="A * stands for any letters after at least two (Sm*th, Smi*).",
    )
    first_name = forms.CharField(label="First name", required=False, max_length=100)
    exact = forms.BooleanField(
        label="Exact name match (no other words in the name)", required=False
    )
    case_number = forms.CharField(
        label="Case number",
        required=False,
        max_length=40,
        help_text="Whole or in part: 4:26-cv-00012, 26-cv-12, 26-12345, or 12.",
    )
    court_id = forms.ChoiceField(label="Court", required=False, choices=())
    kind = forms.ChoiceField(
        label="Kind of court",
        required=False,
        choices=[("", "All kinds")] + [(k, k.capitalize()) for k in rules.COURT_KINDS],
    )
    filed_from = forms.DateField(
        label="Filed from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    filed_to = forms.DateField(
        label="Filed to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    nature_of_suit = forms.CharField(
        label="Nature of suit", required=False, max_length=3, help_text="Three digits: 440, 830."
    )
    chapter = forms.TypedChoiceField(
        label="Bankruptcy chapter",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any chapter")] + [(str(c), f"Chapter {c}") for c in rules.CHAPTERS],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    view = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["court_id"].choices = court_choices()

    def criteria(self) -> tuple[rules.Criteria | None, dict[str, list[str]]]:
        data = self.cleaned_data
        found, problems = rules.read_criteria(
            party_name=rules.party_name(data["last_name"], data["first_name"]),
            exact=data["exact"],
            case_number=data["case_number"],
            court_id=data["court_id"],
            kind=data["kind"],
            filed_from=data["filed_from"],
            filed_to=data["filed_to"],
            nature_of_suit=data["nature_of_suit"],
            chapter=data["chapter"],
        )
        if "party_name" in problems:
            problems["last_name"] = problems.pop("party_name")
        if not data["last_name"].strip() and data["first_name"].strip():
            problems.setdefault("last_name", []).append(
                "Enter the last name too: a first name alone is not a search."
            )
        return (None if problems else found), problems
