"""The docket's HTML forms: the clerk's event editor and the filing steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import Truncator

from openecf.core.forms import UswdsForm
from openecf.courts.fees import FeeKind
from openecf.docket.models import Event
from openecf.docket.rules import MODIFIERS

FLAGS = {
    "needs_link": "Must link to earlier entries",
    "asks_against": "Asks for the party filed against",
    "may_be_sealed": "May be filed under seal",
    "ends_case": "Ends the case",
    "checks_minors": "Privacy check looks for names of minors",
    "text_only": "Text-only entry (no document)",
    "is_active": "Offered in the filing menus",
}


class EventForm(UswdsForm):
    code = forms.CharField(
        label="Code", max_length=60, help_text="Lower-case words joined by hyphens: motion-stay."
    )
    name = forms.CharField(label="Name as the docket shows it", max_length=120)
    category = forms.CharField(label="Menu category", max_length=60)
    template = forms.CharField(
        label="Docket-text template",
        max_length=300,
        help_text="Placeholders: {modifier}{event}{against}{links}{free_text}{fee} and {filers}.",
    )
    fee_kind = forms.ChoiceField(
        label="Fee", choices=[("", "No fee"), *FeeKind.choices], required=False
    )
    filers = forms.ChoiceField(label="Who may file it", choices=Event.Filers.choices)

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in FLAGS.items():
            self.fields[name] = forms.BooleanField(label=label, required=False)
        if editing:
            self.fields["code"].disabled = True
        self.style_fields()


ATTACHMENT_TYPES = [
    ("Exhibit", "Exhibit"),
    ("Affidavit", "Affidavit"),
    ("Declaration", "Declaration"),
    ("Memorandum", "Memorandum"),
    ("Proposed Order", "Proposed Order"),
    ("Certificate of Service", "Certificate of Service"),
    ("", "Other (description only)"),
]


class StartForm(UswdsForm):
    event = forms.ChoiceField(label="Event")
    case_number = forms.CharField(
        label="Case number", max_length=40, help_text="Full or partial: 4:18-cv-123, 18-123."
    )
    caseid = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, events: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[str, str]]] = {}
        for event in events:
            groups.setdefault(event.category, []).append((event.code, event.name))
        self.fields["event"].choices = [("", "Choose an event"), *groups.items()]


def _checkboxes(label: str, choices: list | None = None) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        coerce=int,
        choices=choices or [],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class PartiesForm(UswdsForm):
    filer_parties = _checkboxes("Filer (the party or parties you file for)")

    def __init__(
        self,
        *args,
        parties: list,
        asks_against: bool,
        may_be_sealed: bool,
        principals: list,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(p.id, f"{p.name} ({p.role_label})") for p in parties]
        self.fields["filer_parties"].choices = choices
        if asks_against:
            self.fields["against_parties"] = _checkboxes("Filed against", choices)
        if principals:
            self.fields["on_behalf_of"] = forms.TypedChoiceField(
                label="Filing for (the attorney named as filer)",
                coerce=int,
                choices=principals,
            )
        self.fields["lead"] = forms.BooleanField(
            label="Lead attorney (first filing for a party)", required=False
        )
        self.fields["to_be_noticed"] = forms.BooleanField(
            label="Attorney to be noticed", required=False
        )
        if may_be_sealed:
            self.fields["sealed"] = forms.BooleanField(label="File under seal", required=False)
        self.style_fields()


class DocumentForm(UswdsForm):
    pdf = forms.FileField(label="PDF file")
    kind = forms.ChoiceField(label="Attachment type", choices=ATTACHMENT_TYPES, required=False)
    description = forms.CharField(label="Description (e.g. A)", max_length=120, required=False)


def entry_choice(entry: Any) -> tuple[int, str]:
    """An earlier entry to refer to: its number and its text, cut at 120 characters with "…"."""
    return entry.entry_number, f"{entry.entry_number} {Truncator(entry.docket_text).chars(120)}"


class LinksForm(UswdsForm):
    links = _checkboxes("Refer to earlier entries")
    modifier = forms.ChoiceField(label="Modifier (before the event's name)", required=False)
    free_text = forms.CharField(
        label="Free text (after the event's name)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, entries: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["links"].choices = [entry_choice(e) for e in entries]
        self.fields["modifier"].choices = [("", "None"), *((m, m) for m in MODIFIERS)]


class ClaimForm(UswdsForm):
    """A proof of claim's amounts, as Official Form 410 asks them (the rules check them)."""

    amount_claimed = forms.DecimalField(
        label="Amount of the claim as of the date the case was filed (item 7), in dollars"
    )
    secured = forms.DecimalField(
        label="Of it, the amount secured (item 9)", required=False, help_text="Empty: none."
    )
    priority = forms.DecimalField(
        label="Of it, the amount entitled to priority (item 12)",
        required=False,
        help_text="Empty: none. The rest of the claim is unsecured.",
    )


class SubmissionForm(UswdsForm):
    """A review page's last questions: "Have you redacted?", why a privacy check's find may be
    filed as it is, and, for a fee, the card."""

    redaction_confirmed = forms.BooleanField(
        label="Have you redacted? I confirm the documents comply with the redaction rules "
        "(Fed. R. Civ. P. 5.2, Fed. R. Bankr. P. 9037, Fed. R. Crim. P. 49.1).",
        required=False,
    )
    privacy_reason = forms.CharField(
        label="If the privacy check found something you may file as it is, say why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def add_card_fields(self, *, required: bool) -> None:
        self.fields.update(
            card_number=forms.CharField(label="Card number", max_length=19, required=required),
            card_name=forms.CharField(label="Name on the card", max_length=100, required=required),
            exp_month=forms.IntegerField(
                label="Expires (month)", min_value=1, max_value=12, required=required
            ),
            exp_year=forms.IntegerField(label="Expires (year)", min_value=2000, required=required),
            cvc=forms.CharField(label="Security code", max_length=4, required=required),
        )


class ReviewForm(SubmissionForm):
    def __init__(
        self,
        *args,
        fee: object,
        asks_redaction: bool = True,
        asks_privacy: bool = True,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not asks_redaction:
            del self.fields["redaction_confirmed"]
        if not asks_privacy:
            del self.fields["privacy_reason"]
        if fee:
            self.add_card_fields(required=True)
        self.style_fields()


class CorrectionForm(UswdsForm):
    """The clerk's corrections of one entry: the text, its links, stricken, sealed, and each
    document's seal and restriction. What is left as it was changes nothing."""

    docket_text = forms.CharField(
        label="Docket text", max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label="Reason for the correction (kept with the entry's history)",
        max_length=500,
        required=False,
    )
    links = _checkboxes("Refers to earlier entries")
    stricken = forms.BooleanField(label="Stricken (the entry stays, marked)", required=False)
    sealed = forms.BooleanField(label="Sealed (the court only)", required=False)

    def __init__(self, *args, earlier: list, documents: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["links"].choices = [entry_choice(e) for e in earlier]
        self.documents = []
        for d in documents:
            n = d.attachment_number
            self.fields[f"doc_{n}_sealed"] = forms.BooleanField(
                label=f"Seal document {d.doc_id}-{n} ({d.description})",
                required=False,
                initial=d.sealed,
            )
            self.fields[f"doc_{n}_restricted"] = forms.BooleanField(
                label=f"Restrict document {d.doc_id}-{n} to the case's participants",
                required=False,
                initial=d.restricted,
            )
            self.documents.append(n)
        self.style_fields()


class DeficiencyForm(UswdsForm):
    message = forms.CharField(
        label="Message to the filer: what is deficient and what to do",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewTimingForm(UswdsForm):
    review = forms.ChoiceField(
        label="When the clerk's office reviews new filings",
        choices=[
            ("after", "After docketing (CM/ECF): filings are on the record at once"),
            ("before", "Before docketing: a filing is on the public record once accepted"),
        ],
        widget=forms.RadioSelect,
    )
