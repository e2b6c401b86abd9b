from __future__ import annotations

import re

from django import forms

from openecf.core.forms import UswdsForm
from openecf.notices.models import BarNotice


class ComposeForm(UswdsForm):
    subject = forms.CharField(label="Subject", max_length=400, required=False)
    body = forms.CharField(
        label="Notice", required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    audience = forms.ChoiceField(
        label="Send to", choices=BarNotice.Audience.choices, widget=forms.RadioSelect
    )


class RemindersForm(UswdsForm):
    days_before = forms.CharField(
        label="Days before go-live",
        initial="30 7 1",
        max_length=100,
        help_text="Whole days separated by spaces, e.g. 30 7 1. Each goes out at 8:00 a.m. court time.",
    )
    audience = forms.ChoiceField(label="Send to", choices=BarNotice.Audience.choices, initial="all")

    def clean_days_before(self) -> list[str]:
        return [d for d in re.split(r"[\s,;]+", self.cleaned_data["days_before"]) if d]


class NoticingForm(UswdsForm):
    secondary_emails = forms.CharField(
        label="Secondary e-mail addresses",
        required=False,
        max_length=1300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line (at most 5). Each gets every notice you get at this court.",
    )
    daily_summary = forms.BooleanField(
        label="Send me one daily summary instead of each notice", required=False
    )


class CourtAddressForm(UswdsForm):
    name = forms.CharField(
        label="List name", max_length=200, required=False,
        help_text="As the notice shows it, e.g. Chambers of Judge Wimes.",
    )  # fmt: skip
    email = forms.CharField(label="E-mail address", max_length=254, required=False)
    judge_account_id = forms.TypedChoiceField(
        label="Cases", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, judges: list[tuple[int, str]], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["judge_account_id"].choices = [("", "Every case of the court")] + [
            (str(pk), f"Cases assigned to {name}") for pk, name in judges
        ]
