"""Payments: stored methods, payment intents (the state of one payment) and the ledger.

A ``PaymentIntent`` is committed before the gateway is asked for money, so a crash at any
moment leaves a row that ``openecf payments resolve`` settles by asking the gateway about its
idempotency key. ``LedgerEntry`` rows are never changed or deleted: a charge, then refunds
(negative amounts); each row carries a digest of its content that ``openecf payments check``
recomputes. ``SandboxCharge`` is the built-in sandbox gateway's own books (the gateway's side,
not ours), kept in the database so a crashed process and the worker see the same gateway.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from openecf.payments.rules import CARD_KINDS


class Purpose(models.TextChoices):
    COURT_FEE = "court_fee", "Court fee"
    FILING_FEE = "filing_fee", "Filing fee"
    PACER_INVOICE = "pacer_invoice", "PACER invoice"


class PaymentMethod(models.Model):
    """A card the gateway keeps for a person: we hold only its token and what it shows."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payment_methods"
    )
    nickname = models.CharField(max_length=40)
    kind = models.CharField(max_length=12, choices=CARD_KINDS)
    last_four = models.CharField(max_length=4)
    exp_month = models.PositiveSmallIntegerField()
    exp_year = models.PositiveSmallIntegerField()
    holder_name = models.CharField(max_length=100)
    gateway = models.CharField(max_length=20)
    token = models.CharField(max_length=100)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account"],
                condition=Q(is_default=True, deleted_at__isnull=True),
                name="payment_method_one_default",
            ),
            models.CheckConstraint(
                condition=Q(exp_month__gte=1, exp_month__lte=12), name="payment_method_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nickname} ({self.get_kind_display()} ending {self.last_four})"


class PaymentIntent(models.Model):
    """One attempt to pay for ``purpose_ref``: pending, then completed or failed.

    At most one intent per ``purpose_ref`` is pending or completed at a time (a database
    constraint), so two requests for the same fee can never both reach the gateway.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    purpose_ref = models.CharField(max_length=120)
    description = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    method = models.ForeignKey(
        PaymentMethod, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    card_last_four = models.CharField(max_length=4, blank=True)
    gateway = models.CharField(max_length=20)
    idempotency_key = models.CharField(max_length=160, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    gateway_reference = models.CharField(max_length=80, blank=True)
    failure_code = models.CharField(max_length=40, blank=True)
    failure_reason = models.CharField(max_length=300, blank=True)
    receipt_number = models.CharField(max_length=40, null=True, blank=True, unique=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    refunded = models.DecimalField(max_digits=11, decimal_places=2, default=0)
    # A payment on the gateway's hosted page (pay.gov): the page's token, and when our server
    # began completing it (after the payer came back). Until then nothing can be captured.
    hosted_token = models.CharField(max_length=100, blank=True, db_index=True)
    completing_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["purpose_ref"],
                condition=Q(state__in=["pending", "completed"]),
                name="payment_one_live_intent_per_purpose",
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.CheckConstraint(
                condition=Q(refunded__gte=0, refunded__lte=models.F("amount")),
                name="payment_refunded_within_amount",
            ),
        ]
        indexes = [
            models.Index(fields=["payer", "created_at"], name="payment_payer_idx"),
            models.Index(fields=["court", "paid_at"], name="payment_court_paid_idx"),
            models.Index(fields=["state", "created_at"], name="payment_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose_ref} ${self.amount} {self.state}"


class LedgerEntry(models.Model):
    """An immutable money movement: a charge (positive) or a refund (negative)."""

    class Kind(models.TextChoices):
        CHARGE = "charge", "Charge"
        REFUND = "refund", "Refund"

    intent = models.ForeignKey(PaymentIntent, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    purpose_ref = models.CharField(max_length=120)
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    receipt_number = models.CharField(max_length=40)
    gateway_reference = models.CharField(max_length=80)
    idempotency_key = models.CharField(max_length=160, unique=True)
    reason = models.CharField(max_length=300, blank=True)
    by_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["recorded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose_ref"],
                condition=Q(kind="charge"),
                name="ledger_one_charge_per_purpose",
            ),
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=Q(kind="charge"),
                name="ledger_one_charge_per_receipt",
            ),
            models.CheckConstraint(
                condition=(Q(kind="charge", amount__gt=0) | Q(kind="refund", amount__lt=0)),
                name="ledger_amount_sign",
            ),
        ]
        indexes = [models.Index(fields=["court", "recorded_at"], name="ledger_court_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.receipt_number} ${self.amount}"


class SandboxCharge(models.Model):
    """The sandbox gateway's books: what it captured or refunded under each idempotency key."""

    class Kind(models.TextChoices):
        CAPTURE = "capture", "Capture"
        REFUND = "refund", "Refund"

    idempotency_key = models.CharField(max_length=160, unique=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    reference = models.CharField(max_length=40, unique=True)
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    card_last_four = models.CharField(max_length=4, blank=True)
    captured_reference = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"sandbox {self.kind} {self.reference} ${self.amount}"


class SandboxToken(models.Model):
    """A card the sandbox keeps for a stored payment method (only what a real gateway keeps
    of a test card: its outcome number's class, never the number itself)."""

    token = models.CharField(max_length=40, unique=True)
    outcome = models.CharField(max_length=30)
    last_four = models.CharField(max_length=4)
    exp_month = models.PositiveSmallIntegerField()
    exp_year = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"sandbox token {self.token}"


class RefundRequest(models.Model):
    """A refund reserved before the gateway is asked (pending), then completed or failed.

    Reserving under the payment's row lock is what keeps two refunds at once from giving back
    more than was paid; the ledger's refund row is written once the gateway has refunded.
    """

    payment = models.ForeignKey(PaymentIntent, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    reason = models.CharField(max_length=300)
    by_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(max_length=160, unique=True)
    state = models.CharField(max_length=10, choices=PaymentIntent.State.choices, default="pending")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self) -> str:
        return f"refund {self.idempotency_key} ${self.amount} {self.state}"
