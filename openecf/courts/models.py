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
    # Fees (amounts in CourtFee; see courts/fees.py). Dues are owed once per cycle of this many
    # calendar years (0: the court charges no dues).
    dues_cycle_years = models.PositiveSmallIntegerField(default=0)
    # A privilege granted with a fee owed is not active (no filing) until the fee is paid.
    fee_before_privilege = models.BooleanField(default=False)

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
            models.CheckConstraint(
                condition=models.Q(dues_cycle_years__lte=10), name="court_dues_cycle_valid"
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


class CourtFee(models.Model):
    """A court's own amount for one kind of fee; a kind without a row uses the national schedule.

    ``kind`` is a ``courts.fees.FeeKind``; an amount of 0 means the court charges no such fee.
    """

    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField(max_length=24)
    amount = models.DecimalField(max_digits=9, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "kind"], name="court_fee_unique"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="court_fee_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.kind} ${self.amount}"


class CourtFeeChange(models.Model):
    """One change to a court's fee settings, kept for the clerk's history: who, when, old, new.

    ``setting`` is a fee kind, ``dues_cycle_years`` or ``fee_before_privilege``; ``before`` and
    ``after`` are the values as text (an amount like ``199.00``).
    """

    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="fee_changes")
    setting = models.CharField(max_length=24)
    before = models.CharField(max_length=24)
    after = models.CharField(max_length=24)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["court", "-changed_at"], name="court_fee_change_recent")]

    def __str__(self) -> str:
        return f"{self.court_id} {self.setting}: {self.before} -> {self.after}"
