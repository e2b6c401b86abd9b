"""The reports' court settings: which event categories the court's RSS feed carries."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FeedSetting(models.Model):
    """The court's choice of the event categories its RSS feed (``rss_outside.pl``) carries.

    No row: every category (CM/ECF's "Docket entries of type: all").
    """

    court = models.OneToOneField(
        "courts.Court", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    every_category = models.BooleanField(default=True)
    categories = models.JSONField(default=list, blank=True)  # docket event categories
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.court_id} feed: {'all' if self.every_category else self.categories}"
