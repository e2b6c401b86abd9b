from __future__ import annotations

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
