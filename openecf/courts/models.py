from django.conf import settings
from django.db import models


class Court(models.Model):
    class Kind(models.TextChoices):
        APPELLATE = "appellate", "Court of appeals"
        DISTRICT = "district", "District court"
        BANKRUPTCY = "bankruptcy", "Bankruptcy court"

    id = models.CharField(primary_key=True, max_length=16)  # CM/ECF court id: mowd, mowb, ca8
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    state = models.CharField(max_length=2)
    time_zone = models.CharField(max_length=40)
    url = models.URLField(blank=True)
    # Settings the clerk keeps.
    nextgen_go_live = models.DateTimeField(null=True, blank=True)
    pdf_size_limit_mb = models.PositiveIntegerField(default=35)
    clerk_phone = models.CharField(max_length=40, blank=True)
    clerk_email = models.EmailField(blank=True)
    clerk_help_text = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["appellate", "district", "bankruptcy"]),
                name="court_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(pdf_size_limit_mb__gte=1), name="court_pdf_limit_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.id}: {self.name}"


class DivisionalOffice(models.Model):
    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="offices")
    number = models.PositiveSmallIntegerField()  # the "O" in O:YY-cv-NNNNN
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["court", "number"]
        constraints = [
            models.UniqueConstraint(fields=["court", "number"], name="office_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.number} {self.name}"


class CourtStaff(models.Model):
    """A PACER account that works for a court: clerk's office or chambers."""

    class Role(models.TextChoices):
        CLERK = "clerk", "Clerk's office"
        JUDGE = "judge", "Judge / chambers"

    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="staff")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="court_roles"
    )
    role = models.CharField(max_length=8, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "account"], name="court_staff_unique")
        ]

    def __str__(self) -> str:
        return f"{self.account_id} {self.role} at {self.court_id}"
