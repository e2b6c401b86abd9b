"""A firm's PACER Administrative Account (PAA), its invitations and its members."""

from django.conf import settings
from django.db import models


class Firm(models.Model):
    """A group (law firm, company, school) whose PAA administers and centrally bills members.

    The PAA is an ``accounts.Account`` of kind ``administrative``: it signs in like anyone, but
    can never search, file or pay court fees. Whoever holds its credentials (the letter's
    office manager) is the firm's administrator.
    """

    name = models.CharField(max_length=200)
    paa = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="firm"
    )
    contact_name = models.CharField(max_length=160)
    contact_phone = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField()
    # The courts the office manager watches on the NextGen readiness page.
    readiness_courts = models.ManyToManyField("courts.Court", blank=True, related_name="+")
    client_code_required = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class FirmInvitation(models.Model):
    """The PAA asked an existing individual account to join; the person accepts or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the person to answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled by the firm"

    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="invitations")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="firm_invitations"
    )
    remark = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["firm", "account"],
                condition=models.Q(status="pending"),
                name="one_pending_invitation_per_firm_and_account",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", decided_at__isnull=True)
                | (~models.Q(status="pending") & models.Q(decided_at__isnull=False)),
                name="firm_invitation_decided_when_answered",
            ),
        ]
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.firm_id} invites {self.account_id}: {self.status}"


class FirmMembership(models.Model):
    """An individual account linked to a firm's PAA; one live membership per account."""

    class EndedBy(models.TextChoices):
        FIRM = "firm", "Removed by the firm"
        MEMBER = "member", "Left the firm"

    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="memberships")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="firm_memberships"
    )
    invitation = models.OneToOneField(
        FirmInvitation, on_delete=models.PROTECT, related_name="membership"
    )
    joined_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=6, choices=EndedBy.choices, blank=True)
    end_remark = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            # A person belongs to one PAA at a time.
            models.UniqueConstraint(
                fields=["account"],
                condition=models.Q(ended_at__isnull=True),
                name="one_live_firm_membership_per_account",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True, ended_by="")
                | (models.Q(ended_at__isnull=False) & ~models.Q(ended_by="")),
                name="firm_membership_end_complete",
            ),
        ]
        ordering = ["joined_at", "pk"]

    def __str__(self) -> str:
        return f"{self.account_id} in firm {self.firm_id}"
