from __future__ import annotations

from decimal import Decimal

from django import forms

from openecf.core.forms import UswdsForm
from openecf.courts import fees, rules
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


class CourtFeesForm(UswdsForm):
    """The clerk's fee settings: one amount per kind of fee, the dues cycle, the policy."""

    dues_cycle_years = forms.TypedChoiceField(
        label="Attorney dues fall due",
        coerce=int,
        choices=list(fees.DUES_CYCLES.items()),
        help_text="Dues are owed once per cycle of whole calendar years, counted from 2000.",
    )
    fee_before_privilege = forms.BooleanField(
        label="Payment required before the privilege is active (no filing until the fee is paid)",
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in fees.FeeKind.choices:
            self.fields[f"fee_{kind}"] = forms.DecimalField(
                label=f"{label} ($)",
                min_value=Decimal("0"),
                max_value=fees.MAX_FEE,
                max_digits=9,
                decimal_places=2,
                widget=forms.NumberInput(
                    attrs={"class": "usa-input usa-input--small", "step": "0.01"}
                ),
            )
        self.order_fields([f"fee_{kind}" for kind in fees.FeeKind.values])

    @staticmethod
    def initial_from(schedule: fees.FeeSchedule) -> dict[str, object]:
        return {
            **{f"fee_{line.kind}": line.amount for line in schedule.lines},
            "dues_cycle_years": schedule.dues_cycle_years,
            "fee_before_privilege": schedule.fee_before_privilege,
        }

    def amounts(self) -> dict[str, Decimal]:
        return {kind: self.cleaned_data[f"fee_{kind}"] for kind in fees.FeeKind.values}
