"""The docket's HTML forms: the clerk's event editor and the filing steps."""

from __future__ import annotations

from django import forms

from openecf.courts.fees import FeeKind
from openecf.docket.models import Event

FLAGS = {
    "needs_link": "Must link to earlier entries",
    "asks_against": "Asks for the party filed against",
    "may_be_sealed": "May be filed under seal",
    "ends_case": "Ends the case",
    "checks_minors": "Privacy check looks for names of minors",
    "text_only": "Text-only entry (no document)",
    "is_active": "Offered in the filing menus",
}


class EventForm(forms.Form):
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
