"""PACER account forms: registration, upgrade steps, Manage My Account, forgot username/password."""

from __future__ import annotations

from django import forms

from openecf.accounts.actions import USER_TYPES, Address, SecurityQuestion
from openecf.accounts.models import Account
from openecf.core.forms import UswdsForm

SECURITY_QUESTIONS = [
    "What was the name of your first pet?",
    "In what city were you born?",
    "What was the make of your first car?",
    "What is the name of the street you grew up on?",
    "What was the name of your elementary school?",
    "What is your oldest sibling's middle name?",
]
_QUESTION_CHOICES = [("", "- Select a question -")] + [(q, q) for q in SECURITY_QUESTIONS]
PASSWORD_HELP = (
    "14 to 45 characters, with at least one lower-case letter, one upper-case letter and one "
    "special character; no part of your name, username or e-mail address."
)


def _date_field(label: str, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text or "Month, day and year (mm/dd/yyyy).",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%m/%d/%Y"],
        error_messages={"invalid": "Enter the month, day and year, such as 05/17/1980."},
    )


class _PasswordPair(UswdsForm):
    password_field = "password"

    def clean(self):
        cleaned = super().clean()
        first = cleaned.get(self.password_field)
        if first and cleaned.get(f"{self.password_field}_again") != first:
            self.add_error(f"{self.password_field}_again", "The two passwords do not match.")
        return cleaned


class _AddressFields(forms.Form):
    street = forms.CharField(label="Street address", max_length=200)
    city = forms.CharField(label="City", max_length=80)
    state = forms.CharField(label="State", max_length=2, help_text="Two letters, such as MO.")
    zip = forms.CharField(label="ZIP code", max_length=10)
    county = forms.CharField(label="County", max_length=80)

    def address(self) -> Address:
        c = self.cleaned_data
        return Address(
            street=c["street"], city=c["city"], state=c["state"], zip_code=c["zip"],
            county=c["county"],
        )  # fmt: skip


class _SecurityFields(forms.Form):
    question_1 = forms.ChoiceField(label="Security question 1", choices=_QUESTION_CHOICES)
    answer_1 = forms.CharField(label="Answer 1", max_length=100)
    question_2 = forms.ChoiceField(label="Security question 2", choices=_QUESTION_CHOICES)
    answer_2 = forms.CharField(label="Answer 2", max_length=100)

    def security_questions(self) -> list[SecurityQuestion]:
        c = self.cleaned_data
        return [
            SecurityQuestion(c["question_1"], c["answer_1"]),
            SecurityQuestion(c["question_2"], c["answer_2"]),
        ]


class RegistrationForm(_PasswordPair, _AddressFields, _SecurityFields):
    purpose = forms.ChoiceField(
        label="Register for",
        choices=[
            ("", "- Select what the account is for -"),
            (Account.Purpose.ATTORNEY_FILER, "Attorney filer (CM/ECF e-filing)"),
            (Account.Purpose.NON_ATTORNEY_FILER, "Non-attorney filer (CM/ECF e-filing)"),
            (Account.Purpose.CASE_SEARCH, "PACER – Case search only"),
        ],
    )
    first_name = forms.CharField(label="First name", max_length=80)
    last_name = forms.CharField(label="Last name", max_length=80)
    date_of_birth = _date_field(
        "Date of birth",
        help_text="Month, day and year (mm/dd/yyyy). It is permanent: it cannot be changed later.",
    )
    email = forms.EmailField(label="E-mail address", max_length=254)
    phone = forms.CharField(label="Phone", max_length=40)
    username = forms.CharField(
        label="Username", max_length=45, help_text="At least 8 letters, digits, . - or _."
    )
    password = forms.CharField(
        label="Password", max_length=200, widget=forms.PasswordInput, help_text=PASSWORD_HELP
    )
    password_again = forms.CharField(
        label="Password again", max_length=200, widget=forms.PasswordInput
    )
    continue_if_may_exist = forms.BooleanField(required=False, widget=forms.HiddenInput)

    field_order = [
        "purpose", "first_name", "last_name", "date_of_birth", "email", "phone", "street",
        "city", "state", "zip", "county", "username", "password", "password_again",
        "question_1", "answer_1", "question_2", "answer_2",
    ]  # fmt: skip


class UpgradePersonForm(UswdsForm):
    date_of_birth = _date_field(
        "Date of birth",
        help_text="Month, day and year (mm/dd/yyyy). It is permanent: it cannot be changed later.",
    )
    user_type = forms.ChoiceField(label="User type", choices=list(USER_TYPES.items()))


class UpgradeAddressForm(UswdsForm, _AddressFields):
    pass


class UpgradeSecurityForm(_PasswordPair, _SecurityFields):
    username = forms.CharField(
        label="New username",
        max_length=45,
        help_text="At least 8 characters; your 6-character legacy username stops working.",
    )
    password = forms.CharField(
        label="New password", max_length=200, widget=forms.PasswordInput, help_text=PASSWORD_HELP
    )
    password_again = forms.CharField(
        label="New password again", max_length=200, widget=forms.PasswordInput
    )
    field_order = ["username", "password", "password_again"]


class PasswordChangeForm(_PasswordPair):
    password_field = "new_password"
    current_password = forms.CharField(
        label="Current password", max_length=200, widget=forms.PasswordInput
    )
    new_password = forms.CharField(
        label="New password", max_length=200, widget=forms.PasswordInput, help_text=PASSWORD_HELP
    )
    new_password_again = forms.CharField(
        label="New password again", max_length=200, widget=forms.PasswordInput
    )


class UsernameChangeForm(UswdsForm):
    new_username = forms.CharField(
        label="New username", max_length=45, help_text="At least 8 letters, digits, . - or _."
    )
    password = forms.CharField(label="Password", max_length=200, widget=forms.PasswordInput)


class ContactForm(UswdsForm, _AddressFields):
    phone = forms.CharField(label="Phone", max_length=40)
    field_order = ["phone"]


class EmailChangeForm(UswdsForm):
    email = forms.EmailField(
        label="New e-mail address",
        max_length=254,
        help_text="We e-mail a link to the new address; the change takes effect when you open it.",
    )
    password = forms.CharField(label="Current password", max_length=200, widget=forms.PasswordInput)


class ForgotUsernameForm(UswdsForm):
    email = forms.EmailField(label="E-mail address", max_length=254)
    account_number = forms.CharField(label="Account number", max_length=7, required=False)
    date_of_birth = _date_field("Date of birth", required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("account_number") or cleaned.get("date_of_birth")):
            raise forms.ValidationError("Enter your account number or your date of birth.")
        return cleaned


class ForgotPasswordForm(UswdsForm):
    email = forms.EmailField(label="E-mail address", max_length=254)
    username = forms.CharField(label="Username", max_length=45, required=False)
    account_number = forms.CharField(label="Account number", max_length=7, required=False)
    date_of_birth = _date_field("Date of birth", required=False)

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("username") or cleaned.get("account_number") or cleaned.get("date_of_birth")
        ):
            raise forms.ValidationError(
                "Enter your username, your account number or your date of birth."
            )
        return cleaned


class ResetPasswordForm(_PasswordPair):
    password_field = "new_password"
    new_password = forms.CharField(
        label="New password", max_length=200, widget=forms.PasswordInput, help_text=PASSWORD_HELP
    )
    new_password_again = forms.CharField(
        label="New password again", max_length=200, widget=forms.PasswordInput
    )


class ReactivateForm(UswdsForm):
    email = forms.EmailField(label="E-mail address on the account", max_length=254)
    username = forms.CharField(label="Username", max_length=45, required=False)
    account_number = forms.CharField(label="Account number", max_length=7, required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("username") or cleaned.get("account_number")):
            raise forms.ValidationError("Enter your username or your account number.")
        return cleaned
