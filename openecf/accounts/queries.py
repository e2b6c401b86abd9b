"""Reads about PACER accounts: recent security activity for Manage My Account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from openecf.core import audit

SECURITY_VERBS = {
    "account.registered": "Account registered",
    "account.email_verified": "E-mail address verified",
    "account.password_changed": "Password changed",
    "account.password_reset_requested": "Password reset link requested",
    "account.password_reset": "Password reset by e-mailed link",
    "account.username_changed": "Username changed",
    "account.username_reminder_sent": "Username reminder e-mailed",
    "account.email_change_requested": "E-mail change requested",
    "account.email_changed": "E-mail address changed",
    "account.contact_updated": "Contact information updated",
    "account.upgraded": "Account upgraded",
    "account.deactivated_unused": "Account made inactive (unused for more than 2 years)",
    "account.reactivation_requested": "Reactivation link requested",
    "account.reactivated": "Account reactivated",
    "account.hold_released": "Registration released from review hold",
    "account.legacy_imported": "Legacy account imported",
    "account.became_filer": "Filing access gained",
    "signon.session_started": "Signed on",
    "signon.session_ended": "Signed off",
    "signon.sessions_ended": "Sessions ended",
    "signon.failed": "Failed sign-on attempt",
    "signon.locked": "Sign-on locked after failed attempts",
    "signon.mfa_passed": "Multi-factor code accepted",
    "signon.mfa_failed": "Wrong multi-factor code",
    "signon.mfa_skipped": "Multi-factor enrolment skipped",
    "signon.mfa_enrolment_started": "Multi-factor enrolment started",
    "signon.mfa_email_confirmed": "Multi-factor e-mail confirmed",
    "signon.mfa_email_code": "Multi-factor code e-mailed",
    "signon.mfa_app_added": "Authenticator app added",
    "signon.mfa_app_renamed": "Authenticator app renamed",
    "signon.mfa_app_removed": "Authenticator app removed",
    "signon.backup_codes_generated": "Backup codes generated",
    "signon.backup_code_used": "Backup code used",
}


@dataclass(frozen=True)
class SecurityActivity:
    occurred_at: datetime
    verb: str
    label: str
    source: str


def security_activity(account_id: int, *, limit: int = 50) -> list[SecurityActivity]:
    """The account's most recent sign-ons, failures, password, e-mail and MFA changes."""
    rows = audit.history(kind="account", id=account_id).reverse()[:limit]
    return [
        SecurityActivity(
            occurred_at=row.occurred_at,
            verb=row.verb,
            label=SECURITY_VERBS.get(row.verb, row.verb.replace("_", " ").replace(".", ": ")),
            source=str((row.details or {}).get("source") or ""),
        )
        for row in rows
    ]
