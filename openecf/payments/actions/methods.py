"""Stored payment methods: up to three per person, one default; the gateway keeps the card."""

from __future__ import annotations

from django.db.models import QuerySet

from openecf.accounts import facade as accounts
from openecf.core import audit, clock
from openecf.core.errors import NotFound
from openecf.core.transactions import durable_action
from openecf.payments import rules
from openecf.payments.actions.paying import checked_card
from openecf.payments.errors import (
    GatewayUnavailable,
    PaymentDeclined,
    TooManyPaymentMethods,
)
from openecf.payments.gateways import Card, GatewayDeclined, GatewayTimeout, gateway
from openecf.payments.models import PaymentMethod


def live_methods(account_id: int) -> QuerySet[PaymentMethod]:
    return PaymentMethod.objects.filter(account_id=account_id, deleted_at__isnull=True)


def add_payment_method(
    *, account_id: int, nickname: str, card: Card, make_default: bool = False
) -> PaymentMethod:
    """Give the card to the gateway and keep its token, kind, last four and expiry."""
    now = clock.now()
    checked_card(card, now, **rules.nickname_problems(nickname))
    if live_methods(account_id).count() >= rules.MAX_STORED_METHODS:
        raise TooManyPaymentMethods(rules.TOO_MANY_METHODS)
    try:
        kept = gateway().tokenize(card)
    except GatewayDeclined as declined:
        raise PaymentDeclined(declined.reason) from None
    except GatewayTimeout:
        raise GatewayUnavailable(
            "The payment service did not answer: the card was not stored. Try again later."
        ) from None
    with durable_action():
        _lock_person(account_id)
        existing = live_methods(account_id)
        if existing.count() >= rules.MAX_STORED_METHODS:
            raise TooManyPaymentMethods(rules.TOO_MANY_METHODS)
        first = not existing.exists()
        if make_default and not first:
            existing.filter(is_default=True).update(is_default=False)
        method = PaymentMethod.objects.create(
            account_id=account_id,
            nickname=nickname.strip(),
            kind=kept.kind,
            last_four=kept.last_four,
            exp_month=kept.exp_month,
            exp_year=kept.exp_year,
            holder_name=card.name.strip(),
            gateway=gateway().name,
            token=kept.token,
            is_default=make_default or first,
            created_at=now,
        )
        _audit(account_id, "payment_method.added", method)
    return method


def delete_payment_method(*, account_id: int, method_id: int) -> PaymentMethod:
    """Forget a stored method (its token too); the oldest remaining one becomes the default."""
    with durable_action():
        method = _locked_method(account_id, method_id)
        was_default = method.is_default
        method.deleted_at = clock.now()
        method.is_default = False
        method.token = ""
        method.save(update_fields=["deleted_at", "is_default", "token"])
        if was_default:
            successor = live_methods(account_id).order_by("created_at", "pk").first()
            if successor is not None:
                successor.is_default = True
                successor.save(update_fields=["is_default"])
        _audit(account_id, "payment_method.deleted", method)
    return method


def set_default_payment_method(*, account_id: int, method_id: int) -> PaymentMethod:
    with durable_action():
        method = _locked_method(account_id, method_id)
        if not method.is_default:
            live_methods(account_id).filter(is_default=True).update(is_default=False)
            method.is_default = True
            method.save(update_fields=["is_default"])
            _audit(account_id, "payment_method.made_default", method)
    return method


def _lock_person(account_id: int) -> None:
    """Hold the person's row: their methods change one request at a time (count, default)."""
    if accounts.lock_person(account_id=account_id) is None:
        raise NotFound("There is no such PACER account.")


def _locked_method(account_id: int, method_id: int) -> PaymentMethod:
    _lock_person(account_id)
    method = live_methods(account_id).filter(pk=method_id).first()
    if method is None:
        raise NotFound("There is no such stored payment method.")
    return method


def _audit(account_id: int, verb: str, method: PaymentMethod) -> None:
    audit.record(
        actor_id=account_id,
        verb=verb,
        subject=audit.Subject("account", account_id),
        details={
            "method_id": method.pk,
            "nickname": method.nickname,
            "last_four": method.last_four,
        },
    )
