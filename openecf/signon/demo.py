"""Demo sign-on data: the upgraded attorney ``aattorney1`` signs in with an authenticator app
whose secret is fixed, so a person can add it to their own app and sign in (idempotent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from openecf.core import audit, clock
from openecf.core.demo import DemoLogin
from openecf.signon.models import AuthenticatorApp

if TYPE_CHECKING:
    from openecf.accounts.models import Account

DEMO_USERNAME = "aattorney1"
# Base32 (RFC 4648), 32 characters: type it into any TOTP app (30-second, 6-digit codes).
DEMO_TOTP_SECRET = "OPENECFDEMOAATTORNEYMFAKEY234567"
DEMO_APP_NAME = "Demo authenticator"


def _password() -> str:
    try:
        from openecf.accounts.demo import DEMO_PASSWORD
    except ImportError:  # accounts' demo not there: the note still gives the secret
        return "(see the accounts demo)"
    return DEMO_PASSWORD


LOGINS = [
    DemoLogin(
        "Upgraded attorney, with MFA",
        DEMO_USERNAME,
        _password(),
        f"MFA: add TOTP secret {DEMO_TOTP_SECRET} to an authenticator app, then enter its code",
    )
]


def ensure_demo_app(*, account: Account, name: str, secret: str) -> None:
    """The demo person's authenticator app with this name (created once, with ``secret``)."""
    AuthenticatorApp.objects.get_or_create(
        account=account, name=name, defaults={"secret": secret, "created_at": clock.now()}
    )


def load() -> list:
    from openecf.accounts.demo import demo_account

    account = demo_account(DEMO_USERNAME)
    if account is None:
        return []
    secrets = AuthenticatorApp.objects.filter(account=account).values_list("secret", flat=True)
    if DEMO_TOTP_SECRET not in secrets:  # stored encrypted: compared here, not in the query
        with transaction.atomic():
            app, _ = AuthenticatorApp.objects.update_or_create(
                account=account,
                name=DEMO_APP_NAME,
                defaults={"secret": DEMO_TOTP_SECRET, "created_at": clock.now()},
            )
            audit.record(
                actor_id=None,
                verb="signon.mfa_app_added",
                subject=audit.Subject("account", account.pk),
                details={"app": app.pk, "name": DEMO_APP_NAME, "demo": True},
            )
    return list(LOGINS)
