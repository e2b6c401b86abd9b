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
from openecf.core.records import one_or_none
from openecf.core.transactions import durable_action
from openecf.courts.access import Standing, standing_at
from openecf.courts.models import Court

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
    standing: Standing | None = None,
) -> Priced:
    """What the view costs this person, which free rule applies, and who is billed.

    ``standing``: the person's standing at the court when the caller has it already (a court
    page does), so the court and its staff are not read again.
    """
    view = _View(account_id, court_id, kind, pages, size_bytes, free_look, standing)
    return _priced(view, _facts(view, view_key="", now=now or clock.now()))


@dataclass(frozen=True)
class _View:
    """One view as it is priced."""

    account_id: int
    court_id: str | None
    kind: str
    pages: int | None
    size_bytes: int | None
    free_look: bool
    standing: Standing | None


def _facts(view: _View, *, view_key: str, now: datetime) -> queries.ViewFacts:
    return queries.view_facts(
        view_key=view_key,
        account_id=view.account_id,
        court_id=view.court_id,
        kind=view.kind,
        now=now,
    )


def _priced(view: _View, facts: queries.ViewFacts) -> Priced:
    InputInvalid.raise_if(
        {
            "kind": [] if view.kind in rules.AccessKind.values else ["Unknown kind of view."],
            "pages": ["Pages cannot be negative."] if (view.pages or 0) < 0 else [],
            "size_bytes": ["A size cannot be negative."] if (view.size_bytes or 0) < 0 else [],
        }
    )
    fee = rules.access_fee_for(kind=view.kind, pages=view.pages, size_bytes=view.size_bytes)
    if view.court_id is not None and fee.amount > 0:
        standing = _standing(
            court_id=view.court_id, account_id=view.account_id, given=view.standing
        )
        if standing.is_clerk or standing.is_judge:
            fee = rules.free(fee, rules.FreeReason.COURT_USER)
        elif view.free_look:
            fee = rules.free(fee, rules.FreeReason.FREE_LOOK)
        elif facts.exempt:
            fee = rules.free(fee, rules.FreeReason.EXEMPTION)
    return Priced(
        fee=fee,
        billed_to=facts.bill.account_id,
        client_code_required=facts.bill.client_code_required,
    )


def _standing(*, court_id: str, account_id: int, given: Standing | None) -> Standing:
    """The person's standing at the court: the caller's, or read (``NotFound``: no court)."""
    if given is None:
        court = one_or_none(Court.objects.filter(pk=court_id))
        if court is None:
            raise NotFound("There is no such court.")
        return standing_at(court=court, account_id=account_id)
    if (given.court_id, given.account_id) != (court_id, account_id):
        raise ValueError(
            f"The standing given is account {given.account_id}'s at {given.court_id}, not "
            f"account {account_id}'s at {court_id}."
        )
    return given


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
    standing: Standing | None = None,
    username: str | None = None,
) -> AccessCharge:
    """Record the view's charge once: a repeat of ``view_key`` answers the first receipt.

    The charge row is the receipt the page shows, written with its ledger row in one
    transaction. A suspended bill or a missing mandatory client code is refused before anything
    is written. A caller that knows the person's ``standing`` at the court and ``username``
    (a court page does) passes them, so they are not read again.

    A first charge reads two rows' worth before its two inserts: the firm membership and the
    view's facts (``queries.view_facts``); ``test_charge_statements.py`` keeps it so.
    """
    now = clock.now()
    view = _View(account_id, court_id, kind, pages, size_bytes, free_look, standing)
    facts = _facts(view, view_key=view_key, now=now)
    if facts.charged_id is not None:
        return _same_viewer(AccessCharge.objects.get(pk=facts.charged_id), account_id)
    priced = _priced(view, facts)
    InputInvalid.raise_if(
        {
            **rules.client_code_problems(client_code, required=priced.client_code_required),
            "view_key": [] if 0 < len(view_key) <= 120 else ["Give each view its own key."],
            "description": [] if description.strip() else ["Describe what was viewed."],
        }
    )
    if priced.fee.amount > 0 and facts.overdue:
        message = suspended_message(priced.billed_to, now=now)
        if message:
            raise PacerAccessSuspended(message)
    if username is None:
        person = accounts.person(account_id=account_id)
        if person is None:
            raise NotFound("There is no such PACER account.")
        username = person.username
    quarter = rules.quarter_of(now)
    try:
        with durable_action():
            row = AccessCharge.objects.create(
                view_key=view_key,
                account_id=account_id,
                username=username,
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
        done = one_or_none(AccessCharge.objects.filter(view_key=view_key))
        if done is None:
            raise
        return _same_viewer(done, account_id)
    return row


def _same_viewer(row: AccessCharge, account_id: int) -> AccessCharge:
    if row.account_id != account_id:
        raise ViewKeyReused("This view key was already used for another view: use a new one.")
    return row
