from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.documents import rules
from openecf.documents.models import PdfRules


class CheckPdfForm(UswdsForm):
    document = forms.FileField(
        label="PDF document", widget=forms.FileInput(attrs={"accept": ".pdf,application/pdf"})
    )
    find_minors = forms.BooleanField(label="Also look for names of minors", required=False)


class VerifyForm(UswdsForm):
    document = forms.FileField(label="Your copy of the document (PDF)")
    stamp = forms.CharField(
        label="Electronic document stamp (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Copy it from the notice of electronic filing: [STAMP ...] with its long number.",
    )


class PdfRulesForm(UswdsForm):
    fillable_forms = forms.ChoiceField(label="Fillable PDF forms", choices=PdfRules.Forms.choices)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for reason, words in rules.DEFAULT_WORDING.items():
            self.fields[f"wording_{reason}"] = forms.CharField(
                label=f"Refusal: {rules.REASON_LABELS[reason]}",
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2, "class": "usa-textarea"}),
                help_text=f"Leave empty for CM/ECF's words: {words}",
            )

    def wording(self) -> dict[str, str]:
        return {reason: self.cleaned_data.get(f"wording_{reason}", "") for reason in rules.REASONS}

    @staticmethod
    def initial_from(fillable_forms: str, wording: dict[str, str]) -> dict[str, str]:
        return {"fillable_forms": fillable_forms} | {
            f"wording_{reason}": words for reason, words in wording.items()
        }
