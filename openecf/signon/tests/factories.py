"""Sign-on test data: authenticator apps with a known secret, backup codes, a frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime

from openecf.core import clock
from openecf.signon import actions, rules
from openecf.signon.models import AuthenticatorApp

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# A moment well inside a 30-second step, after MFA became required for filers.
NOW = datetime(2026, 3, 2, 15, 0, 10, tzinfo=UTC)


def add_app(account, *, name: str = "Phone", secret: str = SECRET) -> AuthenticatorApp:
    return AuthenticatorApp.objects.create(
        account=account, name=name, secret=secret, created_at=clock.now()
    )


def code_now(secret: str = SECRET, offset: int = 0) -> str:
    return rules.totp_code(secret, rules.totp_step(clock.now()) + offset)


def add_backup_codes(account) -> list[str]:
    """Backup codes need an authenticator app: adds one first when the account has none."""
    if not AuthenticatorApp.objects.filter(account=account).exists():
        add_app(account)
    return actions.regenerate_backup_codes(account=account, now=clock.now())
