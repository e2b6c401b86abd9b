"""A web sign-on in progress: password passed, waiting for MFA or the redaction agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from openecf.accounts import facade as accounts
from openecf.core import audit, tokens
from openecf.core.transactions import durable_action
from openecf.signon import queries, rules
from openecf.signon.actions.sign_in import verify_second_factor
from openecf.signon.actions.throttling import _subject
from openecf.signon.models import (
    PendingSignOn,
)
from openecf.signon.sessions import StartedSession, start_session

if TYPE_CHECKING:
    from openecf.accounts.models import Account

PENDING_LIFETIME = timedelta(minutes=10)


@dataclass(frozen=True)
class StartedPending:
    raw_id: str
    pending: PendingSignOn


def begin_pending(
    *,
    account: Account,
    client_code: str,
    next_url: str,
    source_address: str | None,
    user_agent: str,
    now: datetime,
) -> StartedPending:
    raw_id = tokens.new_token()
    with durable_action():
        PendingSignOn.objects.filter(expires_at__lte=now).delete()
        pending = PendingSignOn.objects.create(
            id_digest=tokens.digest(raw_id),
            account=account,
            created_at=now,
            expires_at=now + PENDING_LIFETIME,
            client_code=client_code[:32],
            next_url=rules.safe_next(next_url)[:500],
            source_address=source_address,
            user_agent=user_agent[:300],
        )
    return StartedPending(raw_id=raw_id, pending=pending)


def pending_for(raw_id: str | None, now: datetime) -> PendingSignOn | None:
    if not raw_id:
        return None
    return (
        PendingSignOn.objects.select_related("account")
        .filter(id_digest=tokens.digest(raw_id), expires_at__gt=now)
        .first()
    )


def pass_pending_mfa(*, pending: PendingSignOn, code: str, now: datetime) -> None:
    verify_second_factor(
        account=pending.account, code=code, source_address=pending.source_address, now=now
    )
    PendingSignOn.objects.filter(pk=pending.pk).update(mfa_passed=True)
    pending.mfa_passed = True


def acknowledge_pending_redaction(*, pending: PendingSignOn) -> None:
    PendingSignOn.objects.filter(pk=pending.pk).update(redaction_acknowledged=True)
    pending.redaction_acknowledged = True


def next_step(*, pending: PendingSignOn, prompt_answered: bool, now: datetime) -> str:
    account = pending.account
    return rules.next_sign_on_step(
        has_mfa=queries.has_mfa(account.pk),
        mfa_passed=pending.mfa_passed,
        is_filer=accounts.is_filer(account),
        redaction_acknowledged=pending.redaction_acknowledged,
        prompt=queries.mfa_prompt_for(account, now),
        prompt_answered=prompt_answered,
    )


def finish_pending(
    *, pending: PendingSignOn, skipped_mfa: bool, now: datetime, chose_enrolment: bool = False
) -> StartedSession:
    """All steps passed: the one session, and the pending row is gone.

    A filer out of skips, or one who chose "Enrol now", gets a session restricted to MFA
    enrolment (``must_enrol_mfa``) until an authenticator app is active.
    """
    account = pending.account
    with durable_action():
        prompt = queries.mfa_prompt_for(account, now)  # before the skip: it lets this one in
        if skipped_mfa:
            skip_mfa_enrolment(account=account)
        started = start_session(
            account_id=account.pk,
            client_code=pending.client_code,
            redaction_acknowledged=pending.redaction_acknowledged,
            source_address=pending.source_address,
            user_agent=pending.user_agent,
            must_enrol_mfa=prompt == rules.MfaPrompt.REQUIRED
            or (chose_enrolment and prompt == rules.MfaPrompt.OFFER_SKIP),
            details={"mfa": pending.mfa_passed, "via": "web"},
        )
        PendingSignOn.objects.filter(pk=pending.pk).delete()
    return started


def skip_mfa_enrolment(*, account: Account) -> int:
    """Use one of the 3 skips a filer gets before MFA enrolment is required; returns skips left."""
    with transaction.atomic():
        account.mfa_skips_used = accounts.count_mfa_skip(account_id=account.pk)
        left = rules.skips_left(account.mfa_skips_used)
        audit.record(
            actor_id=account.pk,
            verb="signon.mfa_skipped",
            subject=_subject(account.pk),
            details={"skips_left": left},
        )
    return left
