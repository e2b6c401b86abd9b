"""The reminders a firm sent its members about NextGen readiness."""

from django.conf import settings
from django.db import models


class ReadinessReminder(models.Model):
    """One personal checklist e-mailed to one member who was not ready."""

    firm = models.ForeignKey("firms.Firm", on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    steps = models.JSONField(default=list)  # the step codes missing at the time

    class Meta:
        indexes = [models.Index(fields=["firm", "account", "sent_at"])]

    def __str__(self) -> str:
        return f"readiness reminder to {self.account_id} from firm {self.firm_id}"
