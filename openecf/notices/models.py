"""Notices to the bar: a clerk's e-mail to the court's filers, kept in a public archive."""

from django.conf import settings
from django.db import models


class BarNotice(models.Model):
    """One notice: a draft until sent; a go-live reminder waits for ``scheduled_for``."""

    class Audience(models.TextChoices):
        ALL = "all", "All filers at the court"
        NOT_LINKED = "not_linked", "Filers whose CM/ECF login is not linked yet"
        ATTORNEYS = "attorneys", "Attorneys only"

    class Kind(models.TextChoices):
        MANUAL = "manual", "Notice"
        GO_LIVE_REMINDER = "go_live_reminder", "NextGen go-live reminder"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="bar_notices")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MANUAL)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    audience = models.CharField(max_length=10, choices=Audience.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    # Go-live reminders: when to send, how many days before which go-live moment.
    scheduled_for = models.DateTimeField(null=True, blank=True)
    days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    go_live_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(audience__in=["all", "not_linked", "attorneys"]),
                name="bar_notice_audience_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="manual", scheduled_for__isnull=True)
                | models.Q(
                    kind="go_live_reminder",
                    scheduled_for__isnull=False,
                    days_before__isnull=False,
                    go_live_at__isnull=False,
                ),
                name="bar_notice_reminder_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True, recipient_count__isnull=True)
                | models.Q(sent_at__isnull=False, recipient_count__isnull=False),
                name="bar_notice_sent_has_count",
            ),
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True) | models.Q(cancelled_at__isnull=True),
                name="bar_notice_not_sent_and_cancelled",
            ),
            models.UniqueConstraint(
                fields=["court", "go_live_at", "days_before"],
                condition=models.Q(kind="go_live_reminder", cancelled_at__isnull=True),
                name="one_go_live_reminder_per_day",
            ),
        ]
        indexes = [
            models.Index(fields=["court", "sent_at"]),
            models.Index(fields=["scheduled_for", "sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}: {self.subject}"
