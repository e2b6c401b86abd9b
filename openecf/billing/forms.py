"""Input of the billing pages: usage filters, client code, paying an invoice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django import forms

from openecf.billing import rules
from openecf.billing.queries import UsageFilter
from openecf.core.errors import InputInvalid
from openecf.core.forms import UswdsForm


class UsageFilterForm(UswdsForm):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    court_id = forms.CharField(label="Court", required=False, max_length=10)
    client_code = forms.CharField(label="Client code", required=False, max_length=32)


def usage_filter(
    *, start: date | None, end: date | None, court_id: str = "", client_code: str = ""
) -> UsageFilter:
    """Days on PACER's calendar, both included; refuse an end before the start."""
    if start is not None and end is not None and end < start:
        raise InputInvalid({"to": ["The end date must be on or after the start date."]})
    return UsageFilter(
        start=_midnight(start) if start else None,
        end=_midnight(end + timedelta(days=1)) if end else None,
        court_id=court_id.strip().lower(),
        client_code=client_code.strip(),
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=rules.PACER_ZONE)


class ClientCodeForm(UswdsForm):
    client_code = forms.CharField(
        label="Client code",
        required=False,
        max_length=rules.CLIENT_CODE_LENGTH,
        help_text="Shown on every receipt and on the invoice, for your firm's billing.",
    )


class PayInvoiceForm(UswdsForm):
    method_id = forms.TypedChoiceField(
        label="Pay with", required=False, coerce=int, empty_value=None, widget=forms.RadioSelect
    )
    number = forms.CharField(label="Card number", required=False, max_length=19)
    exp_month = forms.IntegerField(label="Expiry month", required=False, min_value=1, max_value=12)
    exp_year = forms.IntegerField(label="Expiry year", required=False, min_value=2000)
    cvc = forms.CharField(label="Security code", required=False, max_length=4)
    name = forms.CharField(label="Name on the card", required=False, max_length=100)

    def __init__(self, *args, methods: Sequence[tuple[int, str]] = (), **kwargs) -> None:
        """``methods``: the person's stored payment methods, (id, label), the default first."""
        super().__init__(*args, **kwargs)
        field = self.fields["method_id"]
        field.choices = [  # type: ignore[attr-defined]
            *((str(method_id), label) for method_id, label in methods),
            ("", "A card typed below (not stored)"),
        ]
        field.initial = str(methods[0][0]) if methods else ""


class FirmUsageForm(UswdsForm):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ClientCodeRuleForm(UswdsForm):
    required = forms.BooleanField(label="Members must enter a client code", required=False)


class GrantExemptionForm(UswdsForm):
    """The clerk's grant of a PACER fee exemption at the court (facts §5.4)."""

    username = forms.CharField(
        label="PACER username", max_length=150, help_text="The person's PACER username."
    )
    reason = forms.CharField(
        label="Reason",
        max_length=200,
        help_text="For example: pro bono attorney, CJA panel, scholarly research (not for "
        "redistribution).",
    )
    scope = forms.ChoiceField(label="Scope", choices=rules.ExemptionScope.choices)
    ends_on = forms.DateField(
        label="Ends on", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The last day the exemption applies (PACER's calendar).",
    )  # fmt: skip
