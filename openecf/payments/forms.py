"""Forms of payments: a card (typed once, never kept) and a stored payment method."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.payments.gateways import Card


class CardForm(UswdsForm):
    name = forms.CharField(label="Name on the card", max_length=100)
    number = forms.CharField(
        label="Card number",
        max_length=23,
        widget=forms.TextInput(attrs={"autocomplete": "cc-number", "inputmode": "numeric"}),
    )
    exp_month = forms.IntegerField(
        label="Expiry month", min_value=1, max_value=12, help_text="1 to 12."
    )
    exp_year = forms.IntegerField(
        label="Expiry year", min_value=2000, max_value=2100, help_text="Four digits, e.g. 2030."
    )
    cvc = forms.CharField(
        label="Security code",
        max_length=4,
        widget=forms.TextInput(attrs={"autocomplete": "cc-csc", "inputmode": "numeric"}),
    )

    def card(self) -> Card:
        data = self.cleaned_data
        return Card(
            number=data["number"],
            exp_month=data["exp_month"],
            exp_year=data["exp_year"],
            cvc=data["cvc"],
            name=data["name"],
        )


class PaymentMethodForm(CardForm):
    nickname = forms.CharField(label="Nickname", max_length=40, help_text="e.g. Office Visa.")
    make_default = forms.BooleanField(label="Make this my default payment method", required=False)

    field_order = ["nickname", "name", "number", "exp_month", "exp_year", "cvc", "make_default"]
