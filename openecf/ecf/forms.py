from __future__ import annotations

from decimal import Decimal

from django import forms

from openecf.core.forms import UswdsForm
from openecf.ecf.models import CourtLogin


class CourtLoginForm(UswdsForm):
    login = forms.CharField(label="CM/ECF login", max_length=40)
    password = forms.CharField(label="CM/ECF password", widget=forms.PasswordInput, max_length=200)


class ForgotPasswordForm(UswdsForm):
    login = forms.CharField(label="CM/ECF login", max_length=40)


class NewPasswordForm(UswdsForm):
    password = forms.CharField(
        label="New CM/ECF password",
        widget=forms.PasswordInput,
        help_text="At least 8 characters, upper and lower case, and a digit or special character.",
    )
    password_again = forms.CharField(label="New password again", widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", "The two passwords are not the same.")
        return data


class ConfirmLinkForm(UswdsForm):
    token = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="This CM/ECF login is mine. I understand that linking cannot be undone.",
        required=True,
        error_messages={"required": "Tick the box to confirm that this CM/ECF login is yours."},
    )


class AddCourtLoginForm(UswdsForm):
    login = forms.CharField(label="Login", max_length=40)
    first_name = forms.CharField(label="First name", max_length=80)
    last_name = forms.CharField(label="Last name", max_length=80)
    email = forms.EmailField(label="E-mail")
    role = forms.ChoiceField(label="Role", choices=CourtLogin.Role.choices)
    bar_id = forms.CharField(label="Bar id", max_length=40, required=False)
    bar_state = forms.CharField(label="Bar state", max_length=2, required=False)


class UndoLinkForm(UswdsForm):
    reason = forms.CharField(
        label="Reason for undoing this link",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssociateAgentForm(UswdsForm):
    agent = forms.CharField(label="Filing agent's PACER username", max_length=45)
    receives_notices = forms.BooleanField(
        label="Send this agent my Notices of Electronic Filing", required=False
    )


NEW_CARD = "card"
CARD_FIELDS = ("number", "exp_month", "exp_year", "cvc", "name")


def _card_field(label: str, widget: type[forms.Widget], autocomplete: str, **kwargs) -> forms.Field:
    """A card detail: needed only when paying with a card typed now; the browser may fill it."""
    kind = forms.IntegerField if widget is forms.NumberInput else forms.CharField
    return kind(
        label=label, required=False, widget=widget(attrs={"autocomplete": autocomplete}), **kwargs
    )


class PayFeeForm(UswdsForm):
    """Pay a court fee: a stored payment method, or a card typed now (never kept)."""

    method = forms.ChoiceField(label="Pay with", widget=forms.RadioSelect)
    number = _card_field("Card number", forms.TextInput, "cc-number", max_length=23)
    exp_month = _card_field("Expiry month (1–12)", forms.NumberInput, "cc-exp-month")
    exp_year = _card_field("Expiry year (YYYY)", forms.NumberInput, "cc-exp-year")
    cvc = _card_field("Security code (CVC)", forms.PasswordInput, "cc-csc", max_length=4)
    name = _card_field("Name on the card", forms.TextInput, "cc-name", max_length=100)

    def __init__(
        self, *args, methods: list[tuple[int, str]], hosted: bool = False, **kwargs
    ) -> None:
        """``hosted``: the gateway takes typed cards on its own page (pay.gov), so this form
        has no card fields and "a card" sends the person there."""
        super().__init__(*args, **kwargs)
        self.hosted = hosted
        new_card = "A card (typed now, not stored)"
        if hosted:
            new_card = "A card, typed on Pay.gov's secure page (you then come back here)"
            for field in CARD_FIELDS:
                del self.fields[field]
        self.fields["method"].choices = [
            *((str(method_id), label) for method_id, label in methods),
            (NEW_CARD, new_card),
        ]
        self.fields["method"].initial = str(methods[0][0]) if methods else NEW_CARD

    def clean(self):
        data = super().clean()
        if data.get("method") == NEW_CARD and not self.hosted:
            for field in CARD_FIELDS:
                if data.get(field) in (None, ""):
                    self.add_error(field, f"Enter the {self.fields[field].label.lower()}.")
        return data

    def method_id(self) -> int | None:
        method = self.cleaned_data["method"]
        return None if method == NEW_CARD else int(method)

    def forget_card_number(self) -> None:
        """A page shown again never carries the card's number back to the browser."""
        if self.is_bound and not self.hosted:
            self.data = self.data.copy()
            self.data["number"] = ""


class FeeReportForm(UswdsForm):
    """The clerk's fee report: a range of the court's dates."""

    start = forms.DateField(
        label="From (court date)", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label="To (court date)", widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The last day comes on or after the first day.")
        return data


REFUND_REASONS = [
    ("duplicate", "Duplicate payment"),
    ("erroneous", "Erroneous payment"),
]


class RefundForm(UswdsForm):
    receipt_number = forms.CharField(label="Receipt number", max_length=40)
    amount = forms.DecimalField(
        label="Amount to refund ($)", min_value=Decimal("0.01"), max_digits=9, decimal_places=2
    )
    why = forms.ChoiceField(label="Why", choices=REFUND_REASONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Reason (kept on the receipt)",
        max_length=250,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def refund_reason(self) -> str:
        return f"{dict(REFUND_REASONS)[self.cleaned_data['why']]}: {self.cleaned_data['reason'].strip()}"
