from django.conf import settings
from django.db import models


class SingleUseLink(models.Model):
    """An e-mailed link that works once, until it expires. Only its token's digest is stored
    (``core.tokens``); ``core.single_use.use_link`` uses one."""

    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class AuditChain(models.Model):
    """The head of one hash chain: ``central`` or a court id. Locked to append."""

    name = models.CharField(max_length=32, unique=True)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_sequence}"


class AuditEvent(models.Model):
    """One append-only row of who did what; hash-chained per chain (court or central)."""

    chain = models.CharField(max_length=32)
    sequence = models.PositiveBigIntegerField()
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    court_id = models.CharField(max_length=16, blank=True, default="")
    verb = models.CharField(max_length=64)
    subject = models.CharField(max_length=200)  # "kind:id", covered by the hash
    # The subject typed, for history queries; always equal to ``subject`` (verify checks).
    subject_kind = models.CharField(max_length=200, blank=True, default="")
    subject_id = models.CharField(max_length=200, blank=True, default="")
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["chain", "sequence"], name="audit_chain_sequence_unique"
            )
        ]
        indexes = [
            models.Index(fields=["court_id", "occurred_at"]),
            models.Index(fields=["subject"]),
            models.Index(
                fields=["subject_kind", "subject_id", "occurred_at"], name="audit_subject_history"
            ),
        ]
        ordering = ["chain", "sequence"]

    def __str__(self) -> str:
        return f"{self.chain}#{self.sequence} {self.verb} {self.subject}"


class OutboundBody(models.Model):
    """An e-mail's text and HTML, kept once for all its copies: a notice to 200 people is one
    body and 200 narrow ``OutboundEmail`` rows. Named by the SHA-256 of its content
    (``outbox_rules.body_digest``), so queueing the same letter again finds it."""

    digest = models.CharField(max_length=64, primary_key=True)
    text = models.TextField()
    html = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.digest


class OutboundEmail(models.Model):
    """One e-mail to one address: the outbox, kept after sending (and shown in demo mode).

    Delivery (``core.delivery``): queued rows are claimed by a worker for a lease, sent over
    one SMTP connection per batch and marked sent one by one; a temporary refusal (4xx, a lost
    connection) is retried with backoff, a permanent one (5xx, a bad address, too many tries)
    makes the row undeliverable. ``message_id`` is fixed when the row is queued, so a resend
    after a crash is the same e-mail, not a second one.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (will be retried)"
        UNDELIVERABLE = "undeliverable", "Not delivered"

    created_at = models.DateTimeField()
    to = models.JSONField()  # one address: [address]
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=255)
    # The content lives once per letter: the row stays narrow, so claiming and marking it
    # sent rewrite a few hundred bytes, not every copy of the letter.
    body = models.ForeignKey(OutboundBody, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=64)  # e.g. account.verify_email, ecf.link_confirmed
    court_id = models.CharField(max_length=16, blank=True, default="")
    account_id = models.BigIntegerField(null=True, blank=True)  # the person it concerns, if any
    message_id = models.CharField(max_length=255, unique=True)  # <...@...>, fixed at queueing
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    next_attempt_at = models.DateTimeField(null=True, blank=True)  # due from (queued, failed)
    lease_until = models.DateTimeField(null=True, blank=True)  # a worker holds it (sending)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["account_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {', '.join(self.to)}: {self.subject}"

    @property
    def body_text(self) -> str:
        return self.body.text

    @property
    def body_html(self) -> str:
        return self.body.html


class AttemptCount(models.Model):
    """How many attempts one key made in one fixed window (see ``openecf.core.throttle``).

    Keys are namespaced by the app that counts: ``accounts:forgot-password:email:<e-mail>``.
    """

    key = models.CharField(max_length=255)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="core_attempt_key_window")
        ]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window_start}: {self.count}"


class FailureCount(models.Model):
    """Recent failures of one key and the lock they caused (see ``openecf.core.throttle``).

    Keys are namespaced by the app that counts: ``signon:user:<username>``,
    ``ecf:login:<court>:<login>``. Keys that match no account are counted too.
    """

    key = models.CharField(max_length=255, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.failures}"
