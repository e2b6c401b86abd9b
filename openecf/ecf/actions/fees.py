"""Court fees owed: recorded when the court grants something that carries a fee, paid by the
person through payments, dues recorded once per cycle.

Paying is two steps on purpose: ``payments.facade.pay`` runs outside any transaction (it
commits its own intent before talking to the gateway, and ``ecf.fee:<id>`` is its idempotency
anchor), then ``_mark_paid`` records the receipt on the fee in our own transaction. A process
that stops in between leaves a completed payment and an unpaid-looking fee: the next look at
the person's fees (``heal_paid_fees``) asks ``payments.facade.payment_for`` and marks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError

from openecf.accounts import facade as accounts
from openecf.core import audit, clock
from openecf.core.errors import NotFound
from openecf.core.links import absolute
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.courts import fees as court_fees
from openecf.courts.models import Court
from openecf.ecf import letters, links
from openecf.ecf.models import CourtFeeOwed, FilingPrivilege
from openecf.payments import facade as payments

COURT_FEE = "court_fee"


def record_fee_owed(
    *, court_id: str, account_id: int, kind: str, amount: Decimal, reference: str, now: datetime
) -> CourtFeeOwed:
    """Record that a person owes the court a fee (paid by them, never by a firm's PAA).

    Part of the caller's action: call it inside that action's transaction, whose audit row
    names the fee (e.g. an approved e-file registration). It is due on the court's date today.
    """
    if kind not in CourtFeeOwed.Kind.values:
        raise ValueError(f"{kind!r} is not a kind of court fee.")
    zone = Court.objects.filter(pk=court_id).values_list("time_zone", flat=True).get()
    return CourtFeeOwed.objects.create(
        court_id=court_id,
        account_id=account_id,
        kind=kind,
        amount=amount,
        created_at=now,
        due_on=clock.in_zone(now, zone).date(),
        reference=reference,
    )


def purpose_ref(fee_id: int) -> str:
    """What payments is asked to pay for: the idempotency anchor of one fee."""
    return f"ecf.fee:{fee_id}"


@dataclass(frozen=True)
class PaidFee:
    fee_id: int
    court_id: str
    amount: Decimal
    receipt_number: str
    paid_at: datetime


def pay_court_fee(
    *,
    account_id: int,
    account_kind: str,
    fee_id: int,
    method_id: int | None = None,
    card: payments.Card | None = None,
) -> PaidFee:
    """Pay one fee the person owes, once; paying a paid fee again answers its receipt.

    A PACER Administrative Account or a shared account is refused by payments with the letter's
    words (``PaaCannotPayCourtFees``), whatever fee it names. Anyone else may pay only their own
    fee: another person's, or none at all, is ``NotFound``.
    """
    fee = _fee_to_pay(account_id=account_id, account_kind=account_kind, fee_id=fee_id)
    if fee.paid_at is not None and fee.account_id == account_id:
        return _paid(fee)
    payment = payments.pay(**_charge_for(fee, payer_id=account_id), method_id=method_id, card=card)
    return _paid(_mark_paid(fee_id=fee.pk, payment=payment))


def begin_court_fee_checkout(
    *, account_id: int, account_kind: str, fee_id: int, return_url: str, cancel_url: str
) -> PaidFee | str:
    """Start paying one fee on the gateway's hosted page (pay.gov): the address to send the
    person's browser to, or the fee's receipt when it was paid already. Refusals as
    ``pay_court_fee``."""
    fee = _fee_to_pay(account_id=account_id, account_kind=account_kind, fee_id=fee_id)
    if fee.paid_at is not None and fee.account_id == account_id:
        return _paid(fee)
    begun = payments.begin_hosted(
        **_charge_for(fee, payer_id=account_id), return_url=return_url, cancel_url=cancel_url
    )
    if begun.paid is not None:
        return _paid(_mark_paid(fee_id=fee.pk, payment=begun.paid))
    return begun.redirect_url


def complete_court_fee_checkout(*, account_id: int, fee_id: int, token: str) -> PaidFee:
    """The person came back from the hosted page with ``token``: the fee is paid once (coming
    back twice answers the same receipt)."""
    fee = CourtFeeOwed.objects.filter(pk=fee_id, account_id=account_id).first()
    if fee is None:
        raise NotFound(f"You owe no court fee number {fee_id}.")
    payment = payments.complete_hosted(payer_id=account_id, token=token)
    if payment.purpose_ref != purpose_ref(fee.pk):
        raise NotFound(f"You owe no court fee number {fee_id}.")
    return _paid(_mark_paid(fee_id=fee.pk, payment=payment))


def heal_paid_fees(*, account_id: int) -> int:
    """Mark paid every unpaid fee of the person that payments says was paid (a crash between
    paying and marking); how many were marked."""
    healed = 0
    for fee_id in CourtFeeOwed.objects.filter(
        account_id=account_id, paid_at__isnull=True
    ).values_list("pk", flat=True):
        payment = payments.payment_for(purpose_ref=purpose_ref(fee_id))
        if payment is not None:
            _mark_paid(fee_id=fee_id, payment=payment)
            healed += 1
    return healed


def _fee_to_pay(*, account_id: int, account_kind: str, fee_id: int) -> CourtFeeOwed:
    """The fee named, for its payer; another person's (or none) is ``NotFound``. A PAA or a
    shared account gets the fee so that payments refuses it with the letter's words."""
    fee = CourtFeeOwed.objects.select_related("court").filter(pk=fee_id).first()
    individual = account_kind == accounts.AccountKind.INDIVIDUAL
    if fee is None or (individual and fee.account_id != account_id):
        raise NotFound(f"You owe no court fee number {fee_id}.")
    return fee


def _charge_for(fee: CourtFeeOwed, *, payer_id: int) -> dict[str, Any]:
    """What payments is asked to charge for ``fee``, paid here or on the hosted page alike."""
    return {
        "payer_id": payer_id,
        "court_id": fee.court_id,
        "purpose": COURT_FEE,
        "purpose_ref": purpose_ref(fee.pk),
        "description": f"{fee.get_kind_display()} fee, {fee.court.short_name or fee.court.name}",
        "amount": fee.amount,
    }


def _mark_paid(*, fee_id: int, payment: payments.Payment) -> CourtFeeOwed:
    with durable_action():
        fee = CourtFeeOwed.objects.select_for_update().get(pk=fee_id)
        if fee.paid_at is not None:
            return fee
        fee.paid_at = payment.paid_at
        fee.receipt_number = payment.receipt_number
        fee.save(update_fields=["paid_at", "receipt_number"])
        audit.record(
            actor_id=payment.payer_id,
            court_id=fee.court_id,
            verb="fee.paid",
            subject=audit.Subject("court_fee", fee.pk),
            details={
                "kind": fee.kind,
                "amount": str(fee.amount),
                "receipt_number": payment.receipt_number,
            },
        )
    return fee


def _paid(fee: CourtFeeOwed) -> PaidFee:
    assert fee.paid_at is not None
    return PaidFee(
        fee_id=fee.pk,
        court_id=fee.court_id,
        amount=fee.amount,
        receipt_number=fee.receipt_number,
        paid_at=fee.paid_at,
    )


def record_dues_owed(*, now: datetime | None = None) -> list[CourtFeeOwed]:
    """Dues for this cycle at every court that charges them, one row per attorney with a live
    privilege there (pro hac vice is for one case and pays no dues); each person is e-mailed.

    Safe to run twice, and by two workers at once: the cycle's row is unique per person and
    court, so a second run records nothing.
    """
    now = now or clock.now()
    recorded: list[CourtFeeOwed] = []
    for court in Court.objects.filter(dues_cycle_years__gt=0).order_by("pk"):
        amount = court_fees.fee_amount(court_id=court.pk, kind=court_fees.FeeKind.ANNUAL_DUES)
        today = clock.in_zone(now, court.time_zone).date()
        period = court_fees.dues_period(today, court.dues_cycle_years)
        if not amount or period is None:
            continue
        label = court_fees.dues_period_label(period)
        owing = (
            FilingPrivilege.objects.filter(
                court=court, revoked_at__isnull=True, kind=FilingPrivilege.Kind.ATTORNEY
            )
            .exclude(
                account__court_fees_owed__court=court,
                account__court_fees_owed__kind=CourtFeeOwed.Kind.ANNUAL_DUES,
                account__court_fees_owed__period=label,
            )
            .values_list("account_id", flat=True)
            .distinct()
        )
        for account_id in sorted(set(owing)):
            fee = _record_dues(court, account_id=account_id, amount=amount, label=label, now=now)
            if fee is not None:
                recorded.append(fee)
    return recorded


def _record_dues(
    court: Court, *, account_id: int, amount: Decimal, label: str, now: datetime
) -> CourtFeeOwed | None:
    person = accounts.person(account_id=account_id)
    if person is None:
        return None
    try:
        with durable_action():
            fee = CourtFeeOwed.objects.create(
                court=court,
                account_id=account_id,
                kind=CourtFeeOwed.Kind.ANNUAL_DUES,
                amount=amount,
                created_at=now,
                due_on=clock.in_zone(now, court.time_zone).date(),
                period=label,
                reminded_at=now,
            )
            audit.record(
                actor_id=None,
                court_id=court.pk,
                verb="fee.dues_recorded",
                subject=audit.Subject("court_fee", fee.pk),
                details={"account_id": account_id, "amount": str(amount), "period": label},
            )
            _queue_dues_letter(court, person=person, fee=fee, reminder=False)
    except IntegrityError:  # another worker recorded this cycle's dues a moment ago
        return None
    return fee


def remind_unpaid_dues(*, now: datetime | None = None, after_days: int = 30) -> int:
    """One reminder for dues still unpaid ``after_days`` after the last letter; how many sent."""
    now = now or clock.now()
    sent = 0
    before = now - timedelta(days=after_days)
    due = CourtFeeOwed.objects.filter(
        kind=CourtFeeOwed.Kind.ANNUAL_DUES, paid_at__isnull=True, reminded_at__lte=before
    ).values_list("pk", flat=True)
    for fee_id in list(due):
        with durable_action():
            fee = CourtFeeOwed.objects.select_for_update().select_related("court").get(pk=fee_id)
            if fee.paid_at is not None or fee.reminded_at is None or fee.reminded_at > before:
                continue  # paid, or reminded by another worker, a moment ago
            person = accounts.person(account_id=fee.account_id)
            fee.reminded_at = now
            fee.save(update_fields=["reminded_at"])
            audit.record(
                actor_id=None,
                court_id=fee.court_id,
                verb="fee.dues_reminded",
                subject=audit.Subject("court_fee", fee.pk),
                details={"account_id": fee.account_id, "period": fee.period},
            )
            if person is not None:
                _queue_dues_letter(fee.court, person=person, fee=fee, reminder=True)
                sent += 1
    return sent


def _queue_dues_letter(
    court: Court, *, person: accounts.Person, fee: CourtFeeOwed, reminder: bool
) -> None:
    dues = letters.DuesOwed(
        court.name, court.short_name, person.full_name, fee.amount, fee.period,
        absolute(links.fees_due_page()),
    )  # fmt: skip
    letter = letters.dues_owed(dues, reminder=reminder)
    queue_letter(
        letter, to=[person.email], kind="fee.dues", court_id=court.pk, account_id=person.id
    )
