from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm


class RegisterFirmForm(UswdsForm):
    firm_name = forms.CharField(label="Firm or organization name", max_length=200)
    contact_first_name = forms.CharField(label="Administrator's first name", max_length=80)
    contact_last_name = forms.CharField(label="Administrator's last name", max_length=80)
    contact_phone = forms.CharField(label="Phone", max_length=40, required=False)
    email = forms.CharField(label="E-mail", max_length=254)
    username = forms.CharField(
        label="Username for the PACER Administrative Account",
        max_length=45,
        help_text="8 to 45 letters, digits, dots, dashes or underscores.",
    )
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        help_text=(
            "14 to 45 characters with upper- and lower-case letters and a special character; "
            "no part of the administrator's name, username or e-mail."
        ),
    )


class InviteForm(UswdsForm):
    account_number = forms.CharField(label="PACER account number (7 digits)", max_length=20)
    last_name = forms.CharField(label="Last name on the account", max_length=80)
    remark = forms.CharField(label="Brief remark", max_length=400)
    acknowledged = forms.BooleanField(
        label=(
            "I understand the firm will be billed for this person's PACER access fees and will "
            "see their PACER usage once they accept. The firm cannot pay their court fees."
        ),
        required=False,
    )


class RemarkForm(UswdsForm):
    remark = forms.CharField(label="Brief remark", max_length=400)
