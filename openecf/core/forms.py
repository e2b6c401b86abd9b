"""Forms look like USWDS without each form saying so."""

from __future__ import annotations

from django import forms

_CLASSES = {
    forms.CheckboxInput: "usa-checkbox__input",
    forms.CheckboxSelectMultiple: "usa-checkbox__input",
    forms.RadioSelect: "usa-radio__input",
    forms.Select: "usa-select",
    forms.Textarea: "usa-textarea",
    forms.FileInput: "usa-file-input",
}


class UswdsForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.style_fields()

    def style_fields(self) -> None:
        """Give each widget its USWDS class (again after adding fields in ``__init__``)."""
        for name, field in self.fields.items():
            widget = field.widget
            css = next((c for kind, c in _CLASSES.items() if isinstance(widget, kind)), "usa-input")
            widget.attrs.setdefault("class", css)
            if field.help_text:
                widget.attrs.setdefault("aria-describedby", f"id_{name}-hint")
