"""Reads about sign-on: live sessions, MFA methods, what sign-on asks of an account."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings

from openecf.accounts import facade as accounts
from openecf.signon import rules
from openecf.signon.lifetime import is_live
from openecf.signon.models import AppEnrolment, AuthenticatorApp, BackupCode, CentralSession

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def live_sessions(*, account_id: int, now: datetime) -> list[CentralSession]:
    """The account's sessions still usable now, newest first."""
    rows = CentralSession.objects.filter(account_id=account_id, ended_at__isnull=True).order_by(
        "-created_at", "-pk"
    )
    return [session for session in rows if is_live(session, now)]


def apps(account_id: int) -> list[AuthenticatorApp]:
    return list(AuthenticatorApp.objects.filter(account_id=account_id).order_by("created_at", "pk"))


def backup_codes_left(account_id: int) -> int:
    return BackupCode.objects.filter(account_id=account_id, used_at__isnull=True).count()


def has_mfa(account_id: int) -> bool:
    """Enrolled: at least one active authenticator app (backup codes alone do not count)."""
    return AuthenticatorApp.objects.filter(account_id=account_id).exists()


def enrolment(account_id: int, now: datetime) -> AppEnrolment | None:
    """The account's unexpired app enrolment in progress, if any."""
    return AppEnrolment.objects.filter(account_id=account_id, expires_at__gt=now).first()


def mfa_prompt_for(account: Account, now: datetime) -> str:
    """``rules.MfaPrompt`` for this account today (PACER's day, Central time)."""
    return rules.mfa_prompt(
        # A Legacy account cannot file until it upgrades; enrolment comes after the upgrade.
        is_filer=accounts.is_filer(account) and not account.is_legacy,
        enrolled=has_mfa(account.pk),
        skips_used=account.mfa_skips_used,
        today=rules.pacer_day(now),
        required_from=settings.MFA_REQUIRED_FOR_FILERS_FROM,
    )
