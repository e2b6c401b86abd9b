from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.courts import rules
from openecf.courts.models import Court


class CourtSettingsForm(UswdsForm):
    go_live = forms.CharField(
        label="NextGen go-live (court time)",
        required=False,
        help_text="YYYY-MM-DD for midnight court time, or YYYY-MM-DDTHH:MM. Leave empty for not scheduled.",
    )
    pdf_size_limit_mb = forms.IntegerField(label="PDF size limit (MB)")
    clerk_phone = forms.CharField(label="Clerk's office phone", required=False, max_length=40)
    clerk_email = forms.EmailField(label="Clerk's office e-mail", required=False)
    clerk_help_text = forms.CharField(
        label="Help text for filers", required=False, widget=forms.Textarea
    )
    offices = forms.CharField(
        label="Divisional offices",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One per line: the office number that starts case numbers, then its name.",
    )

    def __init__(self, *args, court: Court, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.court = court

    def clean_go_live(self):
        text = self.cleaned_data["go_live"].strip()
        if not text:
            return None
        try:
            return rules.parse_go_live(text, self.court.time_zone)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        """The action's own rule, so the page names every problem at once (and as the API does)."""
        data = super().clean()
        if data.get("pdf_size_limit_mb") is not None:
            problems = rules.settings_problems(
                pdf_size_limit_mb=data["pdf_size_limit_mb"],
                clerk_email=data.get("clerk_email") or "",
                offices=None,
            )
            for field, sentences in problems.items():
                for sentence in sentences:
                    self.add_error(field, sentence)
        return data

    def clean_offices(self):
        try:
            return rules.parse_offices(self.cleaned_data["offices"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
