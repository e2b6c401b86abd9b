"""Pricing a view (the cost confirmation) and charging it exactly once per view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError

from openecf.accounts import facade as accounts
from openecf.billing import queries, rules
from openecf.billing.errors import PacerAccessSuspended, ViewKeyReused
from openecf.billing.models import AccessCharge, LedgerEntry
from openecf.core import clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.transactions import durable_action
from openecf.courts.access import standing_at
from openecf.courts.models import Court
from openecf.firms import facade as firms

SUSPENDED = (
    "Your PACER access is suspended: the invoice for {quarter} (${owed} still owed) was due on "
    "{due_on:%B %-d, %Y}. Pay it in Manage My Account → Payments and access returns at once. "
    "Filing in CM/ECF is not affected."
)


@dataclass(frozen=True)
class Priced:
    """A view's price for one person, and whose bill it lands on."""

    fee: rules.Fee
    billed_to: int
    client_code_required: bool


def suspended_message(account_id: int, *, now: datetime) -> str:
    found = queries.suspension_of(account_id, now=now)
    if found is None:
        return ""
    return SUSPENDED.format(quarter=found.quarter, owed=found.owed, due_on=found.due_on)


def price(
    *,
    account_id: int,
    court_id: str | None,
    kind: str,
    pages: int | None = None,
    size_bytes: int | None = None,
    free_look: bool = False,
    now: datetime | None = None,
) -> Priced:
    """What the view costs this person, which free rule applies, and who is billed."""
    now = now or clock.now()
    InputInvalid.raise_if(
        {
            "kind": [] if kind in rules.AccessKind.values else ["Unknown kind of view."],
            "pages": ["Pages cannot be negative."] if (pages or 0) < 0 else [],
            "size_bytes": ["A size cannot be negative."] if (size_bytes or 0) < 0 else [],
        }
    )
    fee = rules.access_fee_for(kind=kind, pages=pages, size_bytes=size_bytes)
    if court_id is not None and fee.amount > 0:
        court = Court.objects.filter(pk=court_id).first()
        if court is None:
            raise NotFound("There is no such court.")
        standing = standing_at(court=court, account_id=account_id)
        if standing.is_clerk or standing.is_judge:
            fee = rules.free(fee, rules.FreeReason.COURT_USER)
        elif free_look:
            fee = rules.free(fee, rules.FreeReason.FREE_LOOK)
        elif queries.live_exemption(
            account_id=account_id, court_id=court_id, kind=kind, today=rules.pacer_day(now)
        ):
            fee = rules.free(fee, rules.FreeReason.EXEMPTION)
    membership = firms.live_membership_of(account_id=account_id)
    return Priced(
        fee=fee,
        billed_to=membership.paa_account_id if membership is not None else account_id,
        client_code_required=membership is not None and membership.client_code_required,
    )


def charge(
    *,
    view_key: str,
    account_id: int,
    court_id: str | None,
    kind: str,
    description: str,
    criteria: str = "",
    pages: int | None = None,
    size_bytes: int | None = None,
    client_code: str = "",
    free_look: bool = False,
) -> AccessCharge:
    """Record the view's charge once: a repeat of ``view_key`` answers the first receipt.

    The charge row is the receipt the page shows, written with its ledger row in one
    transaction. A suspended bill or a missing mandatory client code is refused before anything
    is written.
    """
    done = AccessCharge.objects.filter(view_key=view_key).first()
    if done is not None:
        return _same_viewer(done, account_id)
    now = clock.now()
    priced = price(
        account_id=account_id,
        court_id=court_id,
        kind=kind,
        pages=pages,
        size_bytes=size_bytes,
        free_look=free_look,
        now=now,
    )
    InputInvalid.raise_if(
        {
            **rules.client_code_problems(client_code, required=priced.client_code_required),
            "view_key": [] if 0 < len(view_key) <= 120 else ["Give each view its own key."],
            "description": [] if description.strip() else ["Describe what was viewed."],
        }
    )
    if priced.fee.amount > 0:
        message = suspended_message(priced.billed_to, now=now)
        if message:
            raise PacerAccessSuspended(message)
    person = accounts.person(account_id=account_id)
    if person is None:
        raise NotFound("There is no such PACER account.")
    quarter = rules.quarter_of(now)
    try:
        with durable_action():
            row = AccessCharge.objects.create(
                view_key=view_key,
                account_id=account_id,
                username=person.username,
                billed_to_id=priced.billed_to,
                at=now,
                quarter=quarter,
                court_id=court_id,
                client_code=client_code.strip(),
                kind=kind,
                description=description.strip()[:200],
                criteria=criteria.strip()[:500],
                pages=priced.fee.pages,
                amount=priced.fee.amount,
                free_reason=priced.fee.free_reason,
            )
            if row.amount > 0:
                LedgerEntry.objects.create(
                    account_id=priced.billed_to,
                    kind=LedgerEntry.Kind.CHARGE,
                    quarter=quarter,
                    amount=row.amount,
                    at=now,
                    recorded_at=now,
                    charge=row,
                )
    except IntegrityError:  # the same view charged at the same moment by another request
        return _same_viewer(AccessCharge.objects.get(view_key=view_key), account_id)
    return row


def _same_viewer(row: AccessCharge, account_id: int) -> AccessCharge:
    if row.account_id != account_id:
        raise ViewKeyReused("This view key was already used for another view: use a new one.")
    return row
