"""The central apps as the court side sees them: through their facades, imported lazily.

The accounts and signon helpers publish ``facade.py`` modules; until a function exists there,
the same rule is read from the Account row so the court side keeps working.
"""

from __future__ import annotations

import importlib
from typing import Any


def _facade(app: str) -> Any | None:
    try:
        return importlib.import_module(f"openecf.{app}.facade")
    except ModuleNotFoundError as error:
        if error.name != f"openecf.{app}.facade":
            raise
        return None


def can_file_or_link(account: Any) -> str | None:
    """None when this PACER account may file or link; else why not (the accounts' words)."""
    facade = _facade("accounts")
    if facade is not None and hasattr(facade, "can_file_or_link"):
        return facade.can_file_or_link(account)
    if account.kind == "shared":
        return (
            "A shared PACER account cannot be used to file: each filer needs an individual, "
            "upgraded PACER account."
        )
    if account.kind == "administrative":
        return "A PACER Administrative Account cannot file: sign in with your individual account."
    if not account.is_upgraded:
        return "Your Legacy PACER Account must be upgraded before you can file in a NextGen court."
    if account.status != "active":
        return "Your PACER account is not active: contact the PACER Service Center."
    return None


def mark_as_filer(*, account_id: int) -> None:
    facade = _facade("accounts")
    if facade is not None and hasattr(facade, "mark_as_filer"):
        try:
            facade.mark_as_filer(account_id=account_id)
            return
        except ModuleNotFoundError as error:  # accounts' actions not written yet
            if error.name != "openecf.accounts.actions":
                raise
    from django.db.models import Q

    from openecf.accounts.models import Account
    from openecf.core import clock

    Account.objects.filter(Q(pk=account_id), Q(filer_since__isnull=True)).update(
        filer_since=clock.now()
    )


def has_mfa(account_id: int) -> bool | None:
    """True/False when Central Sign-On can say; None when it cannot (then MFA is not checked)."""
    for app in ("signon", "accounts"):
        facade = _facade(app)
        if facade is not None and hasattr(facade, "has_mfa"):
            return bool(facade.has_mfa(account_id))
    try:
        from openecf.signon import queries as signon_queries
    except ImportError:
        return None
    if hasattr(signon_queries, "has_mfa"):
        return bool(signon_queries.has_mfa(account_id))
    return None
