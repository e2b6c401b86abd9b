"""Reads of firms, invitations and memberships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from openecf.accounts import facade as accounts
from openecf.firms.models import Firm, FirmInvitation, FirmMembership

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def firm_of_paa(account: Account | None) -> Firm | None:
    """The firm whose PACER Administrative Account this is, or None."""
    if account is None or account.kind != accounts.AccountKind.ADMINISTRATIVE:
        return None
    return Firm.objects.filter(paa=account).first()


def live_membership(account_id: int) -> FirmMembership | None:
    return (
        FirmMembership.objects.select_related("firm")
        .filter(account_id=account_id, ended_at__isnull=True)
        .first()
    )


def members(firm: Firm) -> QuerySet[FirmMembership]:
    """The firm's current members, by last then first name."""
    return (
        FirmMembership.objects.select_related("account")
        .filter(firm=firm, ended_at__isnull=True)
        .order_by("account__last_name", "account__first_name", "account__pk")
    )


def pending_invitations_of_firm(firm: Firm) -> QuerySet[FirmInvitation]:
    return FirmInvitation.objects.select_related("account").filter(
        firm=firm, status=FirmInvitation.Status.PENDING
    )


def pending_invitations_for(account_id: int) -> QuerySet[FirmInvitation]:
    """Invitations waiting for this person to accept or decline."""
    return FirmInvitation.objects.select_related("firm").filter(
        account_id=account_id, status=FirmInvitation.Status.PENDING
    )
