from __future__ import annotations

import re

from django import forms

from openecf.core.forms import UswdsForm


class ChooseCourtsForm(UswdsForm):
    courts = forms.CharField(
        label="Courts to check",
        required=False,
        max_length=400,
        help_text="CM/ECF court ids separated by spaces or commas, e.g. mowd mowb ca8.",
    )

    def clean_courts(self) -> list[str]:
        return [c for c in re.split(r"[\s,;]+", self.cleaned_data["courts"].lower()) if c]
