"""E-file registration requests: submitted centrally, decided by the court's clerk."""

from django.conf import settings
from django.db import models

PENDING = ("submitted", "needs_information")


class RegistrationRequest(models.Model):
    """One person's request for filing privileges at one court (MMA → Maintenance)."""

    class Kind(models.TextChoices):
        ATTORNEY_ADMISSION = "attorney_admission", "Attorney admission"
        EFILE_REGISTRATION = "efile_registration", "E-file registration (attorney already admitted)"
        PRO_HAC_VICE = "pro_hac_vice", "Pro hac vice"
        PRO_SE = "pro_se", "Pro se filer"
        TRUSTEE = "trustee", "Trustee"
        CREDITOR = "creditor", "Creditor"
        FILING_AGENT = "filing_agent", "Filing agent"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        NEEDS_INFORMATION = "needs_information", "Needs information"
        APPROVED = "approved", "Approved"
        DENIED = "denied", "Denied"

    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="registration_requests"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="registration_requests"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    case_number = models.CharField(max_length=40, blank=True)  # pro hac vice: the case
    bar_number = models.CharField(max_length=40, blank=True)
    bar_state = models.CharField(max_length=2, blank=True)
    firm_name = models.CharField(max_length=200, blank=True)
    remarks = models.TextField(blank=True)
    certificate = models.CharField(max_length=300, blank=True)  # default-storage name of the PDF
    certificate_filename = models.CharField(max_length=200, blank=True)
    terms_accepted_at = models.DateTimeField()
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    court_message = models.TextField(blank=True)  # the clerk's last message to the person
    response = models.TextField(blank=True)  # the person's answer to "needs information"
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "account", "kind", "case_number"],
                condition=models.Q(status__in=PENDING),
                name="one_pending_registration_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["submitted", "needs_information", "approved", "denied"]
                ),
                name="registration_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="pro_hac_vice") | ~models.Q(case_number=""),
                name="pro_hac_vice_names_its_case",
            ),
        ]
        indexes = [models.Index(fields=["court", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} at {self.court_id} by {self.account_id}: {self.status}"
