"""The PACER Service Center's tools, inactivity and filer status."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q

from openecf.accounts import rules
from openecf.accounts.actions.input import _subject
from openecf.accounts.actions.links import _send, _verification_letter
from openecf.accounts.models import Account
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action


def release_registration_hold(*, account_id: int, actor_id: int | None) -> Account:
    """The PACER Service Center releases a held registration: the verification link is sent."""
    now = clock.now()
    with durable_action():
        account = Account.objects.select_for_update().get(pk=account_id)
        if account.status != Account.Status.REVIEW_HOLD:
            raise InputInvalid({"status": [f"Account {account.username} is not on a review hold."]})
        account.status = (
            Account.Status.ACTIVE
            if account.email_verified_at
            else Account.Status.PENDING_VERIFICATION
        )
        account.save(update_fields=["status"])
        audit.record(
            actor_id=actor_id,
            verb="account.hold_released",
            subject=_subject(account.pk),
            details={"status": account.status},
        )
        if account.status == Account.Status.PENDING_VERIFICATION:
            _send(
                account,
                _verification_letter(account, now=now),
                kind="account.verify",
            )
    return account


def reactivate_by_service_center(*, account_id: int, actor_id: int | None) -> Account:
    """The PACER Service Center makes an inactive account active again."""
    now = clock.now()
    with durable_action():
        account = Account.objects.select_for_update().get(pk=account_id)
        if account.status != Account.Status.INACTIVE:
            raise InputInvalid({"status": [f"Account {account.username} is not inactive."]})
        account.status = Account.Status.ACTIVE
        account.last_active_at = now
        account.save(update_fields=["status", "last_active_at"])
        audit.record(
            actor_id=actor_id,
            verb="account.reactivated",
            subject=_subject(account.pk),
            details={"by": "service center"},
        )
    return account


def deactivate_unused_account(*, account_id: int, now: datetime) -> bool:
    with durable_action():
        changed = Account.objects.filter(pk=account_id, status=Account.Status.ACTIVE).update(
            status=Account.Status.INACTIVE
        )
        if changed:
            audit.record(
                actor_id=None,
                verb="account.deactivated_unused",
                subject=_subject(account_id),
                details={"rule": "unused for more than 2 years"},
            )
    return bool(changed)


def deactivate_unused_accounts(*, now: datetime | None = None) -> int:
    """Make every active account unused for more than 2 years inactive; returns how many."""
    now = now or clock.now()
    cutoff = now - rules.INACTIVE_AFTER
    candidates = (
        Account.objects.filter(status=Account.Status.ACTIVE, created_at__lt=cutoff)
        .filter(Q(last_active_at__isnull=True) | Q(last_active_at__lt=cutoff))
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
    )
    count = 0
    for account in candidates.only("pk", "last_active_at", "last_login", "created_at").iterator():
        if rules.is_unused(
            last_active_at=account.last_active_at,
            last_login=account.last_login,
            created_at=account.created_at,
            now=now,
        ) and deactivate_unused_account(account_id=account.pk, now=now):
            count += 1
    return count


def mark_as_filer(*, account_id: int, actor_id: int | None = None) -> datetime:
    """Set ``filer_since`` once (later calls keep the first moment).

    A helper, not a durable action: court actions call it inside their transaction, after
    their own audit row (central after court: docs/decisions/0006-...).
    """
    now = clock.now()
    with transaction.atomic():
        changed = Account.objects.filter(pk=account_id, filer_since__isnull=True).update(
            filer_since=now
        )
        if changed:
            audit.record(
                actor_id=actor_id,
                verb="account.became_filer",
                subject=_subject(account_id),
                details={},
            )
        since = Account.objects.values_list("filer_since", flat=True).get(pk=account_id)
    assert since is not None
    return since
