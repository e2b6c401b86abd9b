"""Notices to the bar: a clerk's e-mail to the court's filers, kept in a public archive."""

from django.conf import settings
from django.db import models

from openecf.core.models import SingleUseLink


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


class FreeLook(SingleUseLink):
    """The one free look a notice's document link (or the filer's receipt) gives at a
    document and its attachments: the first use within 15 days, by whoever clicks first.
    Only the token's digest is kept (``core.tokens``); the token is the link's ``magic_num``."""

    class Purpose(models.TextChoices):
        NOTICE = "notice", "Notice of Electronic Filing"
        FILER = "filer", "Filer's receipt"

    court_id = models.CharField(max_length=16)
    caseid = models.BigIntegerField()
    entry_id = models.BigIntegerField()  # docket's entry (its de_seq_num)
    doc_id = models.CharField(max_length=16)  # CM/ECF's document id, e.g. 109012345678
    purpose = models.CharField(max_length=8, choices=Purpose.choices)
    used_by_account_id = models.BigIntegerField(null=True, blank=True)  # None: not signed in

    class Meta:
        indexes = [models.Index(fields=["court_id", "doc_id"])]

    def __str__(self) -> str:
        return f"{self.court_id} doc {self.doc_id} ({self.purpose})"


class DocumentView(models.Model):
    """A look at a document through a notice's link: the free one, or a later one by a
    signed-in person (charged once billing arrives; recorded now)."""

    free_look = models.ForeignKey(FreeLook, on_delete=models.PROTECT, related_name="views")
    account_id = models.BigIntegerField(null=True, blank=True)
    viewed_at = models.DateTimeField()
    free = models.BooleanField()

    def __str__(self) -> str:
        return f"{self.free_look} viewed {'free' if self.free else 'charged'}"


class NoticeOfElectronicFiling(models.Model):
    """The notice of one docket entry: what it said (the letter), and to whom."""

    court_id = models.CharField(max_length=16)
    caseid = models.BigIntegerField()
    entry_id = models.BigIntegerField()
    entry_number = models.PositiveIntegerField(null=True, blank=True)
    case_number = models.CharField(max_length=40)
    # What the daily summary lists (the letter itself is below).
    court_kind = models.CharField(max_length=12, default="district")
    court_name = models.CharField(max_length=200, blank=True)
    case_name = models.CharField(max_length=400, blank=True)
    event = models.CharField(max_length=200, blank=True)
    filed_on = models.DateField(null=True, blank=True)
    docket_text = models.TextField(blank=True)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court_id", "entry_id"], name="one_nef_per_entry")
        ]

    def __str__(self) -> str:
        return self.subject


class NoticeRecipient(models.Model):
    """One person on a notice: e-mailed (with the outbox row of each address) or to be
    served by other means (paper service, with the postal address)."""

    class How(models.TextChoices):
        EMAILED = "emailed", "Electronically mailed"
        SUMMARY = "summary", "In the daily summary"
        PAPER = "paper", "By other means"

    notice = models.ForeignKey(
        NoticeOfElectronicFiling, on_delete=models.CASCADE, related_name="recipients"
    )
    account_id = models.BigIntegerField(null=True, blank=True)
    name = models.CharField(max_length=300)
    address = models.CharField(max_length=254, blank=True)  # e-mail, or "" for paper
    postal_address = models.TextField(blank=True)
    how = models.CharField(max_length=8, choices=How.choices)
    email = models.ForeignKey(
        "core.OutboundEmail", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summarized_at = models.DateTimeField(null=True, blank=True)  # daily summary sent

    class Meta:
        indexes = [models.Index(fields=["account_id"])]

    def __str__(self) -> str:
        return f"{self.name} <{self.address}> ({self.how})"


class NoticingSettings(models.Model):
    """A person's noticing at one court (Manage My Account / Utilities): extra addresses
    that get every notice, and whether notices come one by one or as a daily summary."""

    court_id = models.CharField(max_length=16)
    account_id = models.BigIntegerField()
    secondary_emails = models.JSONField(default=list, blank=True)
    daily_summary = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court_id", "account_id"], name="one_noticing_setting_per_court"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id} at {self.court_id}"


class CourtNoticingAddress(models.Model):
    """One address on the court's own noticing lists (chambers, the clerk's docketing desk),
    kept by the clerk's office: it gets the notice of every entry in the cases of its judge
    (``judge_account_id``), or of every case of the court when no judge is named. Ended
    addresses stay for the record."""

    court_id = models.CharField(max_length=16)
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)  # kept lower-case
    judge_account_id = models.BigIntegerField(null=True, blank=True)
    created_by_id = models.BigIntegerField()
    created_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["court_id", "email"],
                condition=models.Q(ended_at__isnull=True),
                name="one_active_court_noticing_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}> at {self.court_id}"
