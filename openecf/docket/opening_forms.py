"""The HTML forms of opening a case: the kind, the case data, the parties, the review."""

from __future__ import annotations

from django import forms

from openecf.core.forms import UswdsForm
from openecf.docket.forms import SubmissionForm

KIND_LABELS = {
    "cv": "Open a civil case (complaint)",
    "bk": "Open a voluntary bankruptcy petition",
    "ap": "Open an adversary proceeding (complaint)",
    "cr": "Open a criminal case (indictment or information)",
    "mc": "Open a miscellaneous case",
    "ca": "Open an appeal (from a notice of appeal)",
}
# Common natures of suit on the civil cover sheet (JS 44); any 3-digit code is accepted.
NATURES_OF_SUIT = [
    ("110", "110 Insurance"),
    ("190", "190 Other Contract"),
    ("360", "360 Other Personal Injury"),
    ("365", "365 Personal Injury - Product Liability"),
    ("440", "440 Other Civil Rights"),
    ("442", "442 Civil Rights: Employment"),
    ("710", "710 Fair Labor Standards Act"),
    ("820", "820 Copyright"),
    ("830", "830 Patent"),
    ("840", "840 Trademark"),
    ("890", "890 Other Statutory Actions"),
    ("950", "950 Constitutionality of State Statutes"),
]
JURISDICTIONS = [
    ("federal_question", "Federal Question"),
    ("diversity", "Diversity"),
    ("us_plaintiff", "U.S. Government Plaintiff"),
    ("us_defendant", "U.S. Government Defendant"),
]
JURY_DEMANDS = [
    ("none", "None"),
    ("plaintiff", "Plaintiff"),
    ("defendant", "Defendant"),
    ("both", "Both"),
]
ORIGINS = [
    ("1", "1 Original Proceeding"),
    ("2", "2 Removed from State Court"),
    ("3", "3 Remanded from Appellate Court"),
    ("4", "4 Reinstated or Reopened"),
    ("5", "5 Transferred from Another District"),
    ("6", "6 Multidistrict Litigation"),
]
ROLE_LABELS = {
    "plaintiff": "Plaintiff",
    "defendant": "Defendant",
    "petitioner": "Petitioner",
    "respondent": "Respondent",
    "intervenor": "Intervenor",
    "interested_party": "Interested Party",
    "movant": "Movant",
    "debtor": "Debtor",
    "joint_debtor": "Joint Debtor",
    "trustee": "Trustee",
    "us_trustee": "U.S. Trustee",
    "creditor": "Creditor",
    "appellant": "Appellant",
    "appellee": "Appellee",
}
ALIAS_HELP = "One a line, kind first: dba: Dana's Bakery (kinds aka, dba, fdba, fka)."


class KindForm(UswdsForm):
    kind = forms.ChoiceField(label="What are you opening?", widget=forms.RadioSelect)

    def __init__(self, *args, kinds: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, KIND_LABELS[k]) for k in kinds]
        self.style_fields()


class CaseDataForm(UswdsForm):
    """The case's own data; the fields depend on the kind of case and who opens it."""

    def __init__(
        self,
        *args,
        kind: str,
        offices: list[tuple[int, str]],
        court_user: bool,
        origin_courts: list[tuple[str, str]] = (),  # type: ignore[assignment]
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        add = self.fields.__setitem__
        if kind == "ca":
            add(
                "origin_court_id",
                forms.ChoiceField(label="Court appealed from", choices=list(origin_courts)),
            )
            add(
                "origin_case_number",
                forms.CharField(label="Case number there", max_length=40),
            )
            add(
                "origin_entry_number",
                forms.IntegerField(label="Entry number of the notice of appeal", min_value=1),
            )
        add(
            "title",
            forms.CharField(
                label="Case title",
                max_length=400,
                required=kind != "ca",
                help_text="For example: Acme Corp. v. Roe"
                + (" (left empty: the title of the case appealed from)" if kind == "ca" else ""),
            ),
        )
        add("short_title", forms.CharField(label="Short title", max_length=120, required=False))
        if offices:
            add(
                "office_number",
                forms.TypedChoiceField(
                    label="Divisional office", coerce=int, choices=[(n, f"{n} {name}") for n, name in offices]
                ),
            )  # fmt: skip
        if kind == "cv":
            add(
                "nature_of_suit",
                forms.ChoiceField(label="Nature of suit", choices=[("", "Choose"), *NATURES_OF_SUIT]),
            )  # fmt: skip
            add(
                "cause",
                forms.CharField(
                    label="Cause (statute)",
                    max_length=200,
                    help_text="For example: 42:1983 Civil Rights Act",
                ),
            )
            add(
                "jurisdiction",
                forms.ChoiceField(label="Basis of jurisdiction", choices=JURISDICTIONS),
            )
            add("jury_demand", forms.ChoiceField(label="Jury demand", choices=JURY_DEMANDS))
            add(
                "demand_amount",
                forms.DecimalField(
                    label="Demand ($)", required=False, min_value=0, decimal_places=2, max_digits=14
                ),
            )
            add(
                "cover_origin",
                forms.ChoiceField(label="Origin (civil cover sheet)", choices=ORIGINS),
            )
            add(
                "class_action",
                forms.BooleanField(label="Class action under Rule 23", required=False),
            )
            add(
                "related_case",
                forms.CharField(label="Related case, if any", max_length=40, required=False),
            )  # fmt: skip
        if kind == "ap":
            add(
                "lead_case_number",
                forms.CharField(label="Bankruptcy case it is filed in", max_length=40),
            )
        if kind == "cr":
            add(
                "event",
                forms.ChoiceField(
                    label="Charging document",
                    choices=[("indictment", "Indictment"), ("information", "Information")],
                ),
            )
        if kind == "bk":
            add(
                "chapter",
                forms.TypedChoiceField(
                    label="Chapter", coerce=int, choices=[(7, "7"), (11, "11"), (12, "12"), (13, "13")]
                ),
            )  # fmt: skip
            add(
                "joint_petition",
                forms.BooleanField(label="Joint petition (spouses)", required=False),
            )
            add(
                "fee_arrangement",
                forms.ChoiceField(
                    label="Filing fee",
                    widget=forms.RadioSelect,
                    choices=[
                        ("pay", "Pay the fee now"),
                        ("installments", "Apply to pay in installments (Official Form 103A)"),
                        ("waiver", "Apply to have the chapter 7 fee waived (Official Form 103B)"),
                    ],
                ),
            )
        if court_user:
            add("sealed", forms.BooleanField(label="Open the case under seal", required=False))
        self.style_fields()


PARTY_ROWS_EXTRA = 3
PARTY_ROWS_MAX = 30


class PartiesForm(UswdsForm):
    """Rows of parties (name, role, aliases, the debtor's SSN/ITIN, other attorneys)."""

    def __init__(
        self, *args, roles: tuple[str, ...], rows: int, debtors: bool, filer_flags: bool, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        role_choices = [("", "Role"), *((r, ROLE_LABELS.get(r, r)) for r in roles)]
        for n in range(rows):
            self.fields[f"name_{n}"] = forms.CharField(
                label=f"Party {n + 1}: name", max_length=300, required=False
            )
            self.fields[f"role_{n}"] = forms.ChoiceField(
                label=f"Party {n + 1}: role", choices=role_choices, required=False
            )
            self.fields[f"aliases_{n}"] = forms.CharField(
                label=f"Party {n + 1}: aliases",
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
                help_text=ALIAS_HELP if n == 0 else "",
            )
            if debtors:
                self.fields[f"tax_id_{n}"] = forms.CharField(
                    label=f"Party {n + 1}: debtor's full SSN or ITIN",
                    max_length=11,
                    required=False,
                    help_text="Kept encrypted; only the last four digits are ever shown."
                    if n == 0
                    else "",
                    widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
                )
            self.fields[f"attorneys_{n}"] = forms.CharField(
                label=f"Party {n + 1}: other attorneys (PACER usernames)",
                max_length=300,
                required=False,
            )
        if filer_flags:
            self.fields["lead"] = forms.BooleanField(
                label="I am lead attorney for the parties I file for", required=False
            )
            self.fields["to_be_noticed"] = forms.BooleanField(
                label="Notice me (attorney to be noticed)", required=False
            )
        self.style_fields()

    def party_rows(self) -> list[list[forms.BoundField]]:
        """The bound fields row by row, for the template's table."""
        names = ["name", "role", "aliases", "tax_id", "attorneys"]
        return [
            [self[f"{name}_{n}"] for name in names if f"{name}_{n}" in self.fields]
            for n in range(self.rows)
        ]


class OpeningReviewForm(SubmissionForm):
    def __init__(self, *args, fee: object, methods: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.paying = bool(fee)
        if fee:
            choices = [(str(m.id), m.label) for m in methods if not m.expired]
            self.fields["method"] = forms.ChoiceField(
                label="Pay with",
                widget=forms.RadioSelect,
                choices=[*choices, ("card", "A card (entered below)")],
                initial=choices[0][0] if choices else "card",
            )
            self.add_card_fields(required=False)
        self.style_fields()

    def clean(self) -> dict:
        data = super().clean() or {}
        if self.paying and data.get("method") == "card":
            for name in ("card_number", "card_name", "exp_month", "exp_year", "cvc"):
                if not data.get(name):
                    self.add_error(name, "Enter this to pay by card.")
        return data
