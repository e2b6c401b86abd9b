"""Reads of firms, invitations and memberships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import QuerySet

from openecf.accounts import facade as accounts
from openecf.core.records import one_or_none
from openecf.firms.models import Firm, FirmInvitation, FirmMembership

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def firm_of_paa(account: Account | None) -> Firm | None:
    """The firm whose PACER Administrative Account this is, or None."""
    if account is None or account.kind != accounts.AccountKind.ADMINISTRATIVE:
        return None
    return Firm.objects.filter(paa=account).first()


def live_membership(account_id: int) -> FirmMembership | None:
    """The person's membership now (one at most: ``one_live_firm_membership_per_account``), or None."""
    return one_or_none(
        FirmMembership.objects.select_related("firm").filter(
            account_id=account_id, ended_at__isnull=True
        )
    )


def firm_bill(account_id: int) -> tuple[int, bool] | None:
    """The PAA of the person's firm and whether the firm requires a client code, or None
    outside a firm: one hand-written statement, as every PACER charge asks it (decision 0008)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT f.paa_id, f.client_code_required FROM {quote(Firm._meta.db_table)} f "  # noqa: S608
            f"JOIN {quote(FirmMembership._meta.db_table)} m ON m.firm_id = f.id "
            "WHERE m.account_id = %s AND m.ended_at IS NULL",
            [account_id],
        )
        found = cursor.fetchone()
    return (found[0], bool(found[1])) if found is not None else None


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
