"""The court record's docket: events, entries (gap-free numbers per case), documents, drafts.

Today: the event catalogue.
"""

from django.db import models

FILERS = "filers"
COURT = "court"


class Event(models.Model):
    """One event of a court's catalogue: what a filer or the court can docket."""

    class Filers(models.TextChoices):
        FILERS = FILERS, "Filers (attorneys and other e-filers)"
        COURT = COURT, "Court only"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="events")
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)  # "MOTION to Dismiss"
    category = models.CharField(max_length=60)
    template = models.CharField(max_length=300)  # rules.PLACEHOLDERS
    fee_kind = models.CharField(max_length=40, blank=True)  # courts.fees.FeeKind, "" = no fee
    needs_link = models.BooleanField(default=False)
    filers = models.CharField(max_length=8, choices=Filers.choices, default=FILERS)
    asks_against = models.BooleanField(default=False)
    may_be_sealed = models.BooleanField(default=False)
    ends_case = models.BooleanField(default=False)
    checks_minors = models.BooleanField(default=False)
    text_only = models.BooleanField(default=False)
    opens_case = models.BooleanField(default=False)  # filed only when opening a case
    is_active = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    modified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["court", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["court", "code"], name="event_code_unique"),
            models.CheckConstraint(
                condition=models.Q(filers__in=[FILERS, COURT]), name="event_filers_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.code}"
