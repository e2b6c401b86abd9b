"""PACER access charges, the immutable billing ledger, quarterly statements, exemptions."""

from django.conf import settings
from django.db import models

from openecf.billing.rules import AccessKind, ExemptionScope, FreeReason


class AccessCharge(models.Model):
    """One billable (or free) view, recorded once per ``view_key``; never changed.

    It is also the transaction receipt the page shows: user, client code, description, criteria,
    billable pages and cost. ``billed_to`` is the viewer, or their firm's PACER Administrative
    Account while they belong to a firm.
    """

    view_key = models.CharField(max_length=120, unique=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField(max_length=150)
    billed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    quarter = models.CharField(max_length=6)
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    client_code = models.CharField(max_length=32, blank=True)
    kind = models.CharField(max_length=20, choices=AccessKind.choices)
    description = models.CharField(max_length=200)
    criteria = models.CharField(max_length=500, blank=True)
    pages = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    free_reason = models.CharField(max_length=12, choices=FreeReason.choices, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["account", "at"], name="billing_charge_account_at"),
            models.Index(fields=["billed_to", "quarter"], name="billing_charge_billed_quarter"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="charge_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.username} {self.description} ${self.amount}"


class QuarterStatement(models.Model):
    """What closing a quarter issued to one account: an invoice (balance due) or a statement.

    ``letter_queued_at`` is empty until the worker queues the statement's e-mail in the outbox
    (or finds the account has no address), in the same transaction (``queue_quarter_letters``).
    """

    class Kind(models.TextChoices):
        INVOICE = "invoice", "Invoice"
        STATEMENT = "statement", "Statement of account"

    # No index of its own: the (account, quarter) constraint's index serves it.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    quarter = models.CharField(max_length=6)
    kind = models.CharField(max_length=9, choices=Kind.choices)
    quarter_charges = models.DecimalField(max_digits=12, decimal_places=2)
    waived = models.BooleanField()
    balance = models.DecimalField(max_digits=12, decimal_places=2)
    issued_at = models.DateTimeField()
    due_on = models.DateField()
    letter_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [  # the statements still to e-mail, and only those
            models.Index(
                fields=["id"],
                condition=models.Q(letter_queued_at__isnull=True),
                name="billing_statement_letter_due",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "quarter"], name="one_statement_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="invoice", balance__gt=0)
                | models.Q(kind="statement", balance__lte=0),
                name="invoice_only_for_balance_due",
            ),
        ]
        ordering = ["-quarter", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.quarter} for {self.account_id}: ${self.balance}"


class BalanceMove(models.Model):
    """A person's balance moved to their firm's PAA when they joined (one per membership)."""

    membership_id = models.PositiveBigIntegerField(unique=True)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    firm_paa = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()  # the day they joined
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"balance of {self.member_id} to {self.firm_paa_id}"


class LedgerEntry(models.Model):
    """One immutable row on an account's bill; a balance is the sum of its rows."""

    class Kind(models.TextChoices):
        CHARGE = "charge", "Access charge"
        WAIVER = "waiver", "Quarter waived ($30.00 or less)"
        PAYMENT = "payment", "Payment"
        MOVED_OUT = "moved_out", "Balance moved to the firm"
        MOVED_IN = "moved_in", "Balance moved from a member"

    # No index of its own: ``billing_ledger_account_q`` (account, quarter) serves it.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=9, choices=Kind.choices)
    quarter = models.CharField(max_length=6)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    at = models.DateTimeField()
    recorded_at = models.DateTimeField()
    charge = models.OneToOneField(
        AccessCharge, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_entry"
    )
    statement = models.ForeignKey(
        QuarterStatement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    move = models.ForeignKey(BalanceMove, on_delete=models.PROTECT, null=True, blank=True)
    receipt_number = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [models.Index(fields=["account", "quarter"], name="billing_ledger_account_q")]
        constraints = [
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=models.Q(kind="payment"),
                name="one_ledger_row_per_receipt",
            ),
            models.UniqueConstraint(
                fields=["account", "quarter"],
                condition=models.Q(kind="waiver"),
                name="one_waiver_per_quarter",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="charge") | models.Q(charge__isnull=False),
                name="charge_row_names_its_charge",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} on {self.account_id}"


class Exemption(models.Model):
    """A court's exemption from access fees for one person, which they may switch off and on."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=200)
    scope = models.CharField(max_length=9, choices=ExemptionScope.choices)
    ends_on = models.DateField()
    enabled = models.BooleanField(default=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField()

    class Meta:
        ordering = ["court_id", "-ends_on"]

    def __str__(self) -> str:
        return f"{self.account_id} exempt at {self.court_id} until {self.ends_on}"


class SessionClientCode(models.Model):
    """The client code a person chose for one sign-on session (Manage My Account)."""

    session_id = models.PositiveBigIntegerField(primary_key=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    client_code = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return f"session {self.session_id}: {self.client_code!r}"
