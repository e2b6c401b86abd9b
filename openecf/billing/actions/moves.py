"""A member's balance moves to the firm's PAA when they join (once per membership)."""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError
from django.db.models import Sum

from openecf.billing.models import BalanceMove, LedgerEntry
from openecf.core import audit, clock
from openecf.core.transactions import durable_action
from openecf.firms import facade as firms


def move_balances(*, account_id: int | None = None) -> int:
    """Move each new member's balance (all of it, quarter by quarter) to the firm's bill.

    What the person ran up before the day they joined goes to the firm, from that day on; what
    they run up after they leave is theirs again (charges are billed to whoever pays on the day).
    Safe to run any number of times: a membership moves once. Answers how many moved.
    """
    moved = set(BalanceMove.objects.values_list("membership_id", flat=True))
    done = 0
    for membership in firms.memberships(account_id=account_id):
        if membership.membership_id in moved:
            continue
        try:
            done += _move(membership)
        except IntegrityError:  # moved by another process meanwhile
            continue
    return done


def _move(membership: firms.Membership) -> int:
    now = clock.now()
    with durable_action():
        move = BalanceMove.objects.create(
            membership_id=membership.membership_id,
            member_id=membership.account_id,
            firm_paa_id=membership.paa_account_id,
            at=membership.joined_at,
            recorded_at=now,
        )
        by_quarter = (
            LedgerEntry.objects.filter(
                account_id=membership.account_id, at__lt=membership.joined_at
            )
            .values("quarter")
            .annotate(total=Sum("amount"))
            .order_by("quarter")
        )
        rows = []
        for found in by_quarter:
            if not found["total"]:
                continue
            for account_id, kind, sign in (
                (membership.account_id, LedgerEntry.Kind.MOVED_OUT, -1),
                (membership.paa_account_id, LedgerEntry.Kind.MOVED_IN, 1),
            ):
                rows.append(
                    LedgerEntry(
                        account_id=account_id,
                        kind=kind,
                        quarter=found["quarter"],
                        amount=sign * found["total"],
                        at=membership.joined_at,
                        recorded_at=now,
                        move=move,
                    )
                )
        LedgerEntry.objects.bulk_create(rows)
        audit.record(
            actor_id=None,
            verb="billing.balance_moved_to_firm",
            subject=audit.Subject("account", membership.account_id),
            details={
                "firm": membership.firm_id,
                "amount": str(sum((r.amount for r in rows if r.amount > 0), Decimal("0.00"))),
            },
        )
    return 1
