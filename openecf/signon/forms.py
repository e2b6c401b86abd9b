"""Sign-on and MFA forms."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm


class LoginForm(UswdsForm):
    username = forms.CharField(label="Username", max_length=45)
    password = forms.CharField(label="Password", max_length=200, widget=forms.PasswordInput)
    client_code = forms.CharField(
        label="Client code",
        max_length=32,
        required=False,
        help_text="Optional: a code of your own to group your PACER charges.",
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class CodeForm(UswdsForm):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your backup codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )


class RedactionForm(UswdsForm):
    agree = forms.BooleanField(
        label=(
            "I understand that, if I file, I must comply with the redaction rules. "
            "I have read this notice."
        ),
        error_messages={"required": "Tick the box to acknowledge the redaction rules."},
    )


class EmailCodeForm(UswdsForm):
    code = forms.CharField(
        label="Security code from the e-mail",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ActivateAppForm(UswdsForm):
    name = forms.CharField(label="Name for this app", max_length=40, initial="Phone")
    code = forms.CharField(
        label="Code the app shows now",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class RenameAppForm(UswdsForm):
    name = forms.CharField(label="New name", max_length=40)
