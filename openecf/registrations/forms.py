"""Input parsing for the e-file registration pages."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.courts.models import Court
from openecf.registrations import rules
from openecf.registrations.models import RegistrationRequest

STATE_CHOICES = [("", "- Select -")] + [(s, s) for s in sorted(rules.US_STATES)]


class RegistrationDetailsForm(UswdsForm):
    """Step 4: the court's form for one registration type, then the terms."""

    case_number = forms.CharField(
        label="Pro hac vice case number",
        max_length=40,
        required=False,
        help_text="Additional filer information: the case you are asking to appear in.",
    )
    bar_number = forms.CharField(label="Bar number", max_length=40, required=False)
    bar_state = forms.ChoiceField(label="Bar state", choices=STATE_CHOICES, required=False)
    firm_name = forms.CharField(label="Firm or office", max_length=200, required=False)
    certificate = forms.FileField(
        label="Certificate of good standing (PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    remarks = forms.CharField(
        label="Remarks for the clerk's office", required=False, widget=forms.Textarea
    )
    link_warning_acknowledged = forms.BooleanField(
        label="I cannot link my CM/ECF login at this court: send a new request anyway",
        required=False,
    )
    terms = forms.BooleanField(
        label="I accept the e-filing terms and conditions: my login and password are my "
        "signature, and I consent to electronic service and notice.",
        required=False,
    )

    def __init__(self, *args, court: Court, kind: str, show_link_warning: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.court = court
        self.kind = kind
        if not rules.needs_case_number(kind):
            del self.fields["case_number"]
        else:
            self.fields[
                "case_number"
            ].help_text += f" Write it like {rules.CASE_NUMBER_EXAMPLES[court.kind]}."
        if not rules.needs_bar_number(kind):
            for name in ("bar_number", "bar_state", "firm_name"):
                del self.fields[name]
        if not rules.certificate_allowed(kind):
            del self.fields["certificate"]
        else:
            required = rules.certificate_required(court.kind, kind)
            self.fields["certificate"].help_text = (
                f"{'Required' if required else 'Optional'} at this court. A PDF of at most "
                f"{court.pdf_size_limit_mb} MB."
            )
            self.fields["certificate"].widget.attrs["aria-describedby"] = "id_certificate-hint"
            if required:
                self._mark_required("certificate")
        if not show_link_warning:
            del self.fields["link_warning_acknowledged"]
        for name in ("case_number", "bar_number", "bar_state", "terms"):
            if name in self.fields:
                self._mark_required(name)

    def _mark_required(self, name: str) -> None:
        """Checked by the action (its messages are the errors), shown as required here."""
        field = self.fields[name]
        field.label = f"{field.label} (required)"
        field.widget.attrs["aria-required"] = "true"


class RespondForm(UswdsForm):
    response = forms.CharField(
        label="Your answer to the clerk's office", widget=forms.Textarea, required=False
    )
    certificate = forms.FileField(
        label="New certificate of good standing (PDF, optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class DecisionForm(UswdsForm):
    decision = forms.ChoiceField(
        error_messages={"required": "Choose approve, deny or ask for more information."},
        choices=[
            ("", "- Select -"),
            ("approve", "Approve"),
            ("deny", "Deny"),
            ("needs_information", "Ask for more information"),
        ],
    )
    message = forms.CharField(
        label="Message to the person",
        required=False,
        widget=forms.Textarea,
        help_text="Required to deny or to ask for more information; e-mailed to the person.",
    )


KIND_LABELS = dict(RegistrationRequest.Kind.choices)
