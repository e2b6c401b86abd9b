"""Input of the case pages: number search and the clerk's case actions."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm


class NumberForm(UswdsForm):
    number = forms.CharField(
        label="Case number",
        max_length=40,
        help_text="In full or in part: 18-123, 4:18cv123 or 4:18-cv-00123.",
    )


class DateForm(UswdsForm):
    on = forms.DateField(
        label="Date",
        required=False,
        help_text="MM/DD/YYYY; today at the court if left empty.",
        input_formats=["%m/%d/%Y", "%Y-%m-%d"],
    )


class ReasonForm(UswdsForm):
    reason = forms.CharField(label="Reason", max_length=300)


class TransferForm(UswdsForm):
    judge_id = forms.TypedChoiceField(label="Judge", coerce=int)
    referred = forms.BooleanField(label="The referred (magistrate) judge", required=False)
    reason = forms.CharField(label="Reason", max_length=300, help_text="For example: recusal.")

    def __init__(self, *args, judges: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["judge_id"].choices = judges


class JudgeSeatForm(UswdsForm):
    judge_id = forms.IntegerField(widget=forms.HiddenInput)
    initials = forms.CharField(label="Initials", max_length=4)
    weight = forms.IntegerField(
        label="Weight in the draw (0: not drawn)", min_value=0, max_value=100
    )
