"""The court's cases: numbers, parties, attorneys of record, judges and the judges' draw deck.

``Case.caseid`` is CM/ECF's numeric internal case id (``DktRpt.pl?<caseid>``); the case number
(``4:18-cv-00123``) is kept without the judge's initials, unique per court, so a transfer of
judge changes how the number is shown, never the number.
"""

from django.conf import settings
from django.db import models

from openecf.core.encryption import EncryptedCharField


class CaseKind(models.TextChoices):
    CIVIL = "cv", "Civil"
    CRIMINAL = "cr", "Criminal"
    MISCELLANEOUS = "mc", "Miscellaneous"
    MAGISTRATE = "mj", "Magistrate judge"
    BANKRUPTCY = "bk", "Bankruptcy"
    ADVERSARY = "ap", "Adversary proceeding"
    APPEAL = "ca", "Appeal"


class Case(models.Model):
    class Jurisdiction(models.TextChoices):
        US_PLAINTIFF = "us_plaintiff", "U.S. Government Plaintiff"
        US_DEFENDANT = "us_defendant", "U.S. Government Defendant"
        FEDERAL_QUESTION = "federal_question", "Federal Question"
        DIVERSITY = "diversity", "Diversity"

    class JuryDemand(models.TextChoices):
        NONE = "none", "None"
        PLAINTIFF = "plaintiff", "Plaintiff"
        DEFENDANT = "defendant", "Defendant"
        BOTH = "both", "Both"

    caseid = models.BigAutoField(primary_key=True)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=2, choices=CaseKind.choices)
    # Number parts: office (0 where the court's numbers have none), year, sequence.
    office_number = models.PositiveSmallIntegerField(default=0)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    case_number = models.CharField(max_length=24)  # 4:18-cv-00123, 18-12345, 18-1234
    title = models.CharField(max_length=400)
    short_title = models.CharField(max_length=120)
    nature_of_suit = models.CharField(max_length=8, blank=True)
    cause = models.CharField(max_length=200, blank=True)
    jurisdiction = models.CharField(max_length=20, choices=Jurisdiction.choices, blank=True)
    jury_demand = models.CharField(
        max_length=10, choices=JuryDemand.choices, default=JuryDemand.NONE
    )
    demand_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    cover_sheet = models.JSONField(default=dict, blank=True)
    chapter = models.PositiveSmallIntegerField(null=True, blank=True)
    joint_petition = models.BooleanField(default=False)
    assigned_judge = models.ForeignKey(
        "courts.CourtStaff", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referred_judge = models.ForeignKey(
        "courts.CourtStaff", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    judge_initials = models.CharField(max_length=4, blank=True)
    referred_initials = models.CharField(max_length=4, blank=True)
    date_filed = models.DateField()
    date_terminated = models.DateField(null=True, blank=True)
    sealed = models.BooleanField(default=False)
    lead_case = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="adversaries"
    )
    # An appeal names the case and entry it comes from as values (another court's record).
    origin_court_id = models.CharField(max_length=16, blank=True)
    origin_caseid = models.BigIntegerField(null=True, blank=True)
    origin_case_number = models.CharField(max_length=40, blank=True)
    origin_entry_number = models.PositiveIntegerField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    # The last docket entry, filled by docket in the entry's transaction (cases.facade.note_entry)
    # so "My cases" reads it without importing docket.
    last_entry_number = models.PositiveIntegerField(null=True, blank=True)
    last_entry_text = models.TextField(blank=True)
    last_entry_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["court", "-year", "case_number"]
        constraints = [
            models.UniqueConstraint(fields=["court", "case_number"], name="case_number_unique"),
            models.UniqueConstraint(
                fields=["court", "kind", "office_number", "year", "sequence"],
                name="case_sequence_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in CaseKind]), name="case_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(chapter__isnull=True) | models.Q(chapter__in=[7, 11, 12, 13]),
                name="case_chapter_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(date_terminated__isnull=True)
                | models.Q(date_terminated__gte=models.F("date_filed")),
                name="case_terminated_after_filed",
            ),
        ]
        indexes = [models.Index(fields=["court", "sequence"], name="case_court_sequence")]

    def __str__(self) -> str:
        return f"{self.court_id} {self.case_number}"


class CaseNumberSequence(models.Model):
    """The last sequence number given out for one court, office, year and number series."""

    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=2)  # cv, cr, mc, mj; bk for bankruptcy; ca for appeals
    office_number = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court", "series", "office_number", "year"], name="case_series_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.office_number}:{self.year}-{self.series} {self.last}"


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "Plaintiff"
    DEFENDANT = "defendant", "Defendant"
    PETITIONER = "petitioner", "Petitioner"
    RESPONDENT = "respondent", "Respondent"
    DEBTOR = "debtor", "Debtor"
    JOINT_DEBTOR = "joint_debtor", "Joint Debtor"
    TRUSTEE = "trustee", "Trustee"
    CREDITOR = "creditor", "Creditor"
    US_TRUSTEE = "us_trustee", "U.S. Trustee"
    APPELLANT = "appellant", "Appellant"
    APPELLEE = "appellee", "Appellee"
    INTERVENOR = "intervenor", "Intervenor"
    INTERESTED_PARTY = "interested_party", "Interested Party"
    MOVANT = "movant", "Movant"


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(max_length=300)
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    # [{"name": "Acme Co.", "kind": "dba"}], kinds aka, dba, fdba, fka.
    aliases = models.JSONField(default=list, blank=True)
    defendant_number = models.PositiveSmallIntegerField(null=True, blank=True)  # criminal: -N
    tax_id = EncryptedCharField(max_length=200, blank=True)  # a debtor's full SSN or ITIN
    tax_id_last_four = models.CharField(max_length=4, blank=True)
    added_on = models.DateField()
    terminated_on = models.DateField(null=True, blank=True)
    # A party representing itself that files electronically: the PACER account (a pro se
    # filing privilege at the court) that files for it; set on its first filing.
    pro_se_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["case", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in PartyRole]), name="party_role_valid"
            ),
            models.UniqueConstraint(
                fields=["case", "defendant_number"], name="party_defendant_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class AttorneyOfRecord(models.Model):
    """A PACER account representing a party; terminated, it stays on the record."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="attorneys")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lead = models.BooleanField(default=False)
    to_be_noticed = models.BooleanField(default=True)
    pro_hac_vice = models.BooleanField(default=False)
    added_on = models.DateField()
    terminated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["party", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "account"],
                condition=models.Q(terminated_on__isnull=True),
                name="attorney_of_record_live_unique",
            )
        ]
        indexes = [models.Index(fields=["account", "party"], name="attorney_account")]

    def __str__(self) -> str:
        return f"{self.account_id} for party {self.party_id}"


class JudgeSeat(models.Model):
    """A judge in the court's draw deck: initials for case numbers, weight in the random draw.

    Weight 0 keeps the judge out of the draw (still assignable by transfer). A court judge with
    no seat draws with weight 1 and initials taken from the name.
    """

    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE, related_name="+")
    judge = models.OneToOneField("courts.CourtStaff", on_delete=models.CASCADE, related_name="+")
    initials = models.CharField(max_length=4)
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__lte=100), name="judge_weight_max")
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.initials} x{self.weight}"


class JudgeAssignment(models.Model):
    """Each assignment of a judge to a case: the draw (with its deck) or a transfer."""

    class How(models.TextChoices):
        DRAW = "draw", "Random draw"
        TRANSFER = "transfer", "Transfer"
        CHOSEN = "chosen", "Assigned by the clerk"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey("courts.CourtStaff", on_delete=models.PROTECT, related_name="+")
    referred = models.BooleanField(default=False)
    how = models.CharField(max_length=10, choices=How.choices)
    deck = models.JSONField(default=list, blank=True)  # [[staff id, weight], ...] at the draw
    roll = models.FloatField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} -> {self.judge_id} ({self.how})"
