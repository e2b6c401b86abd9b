"""The operator's import of Legacy PACER accounts, with their password hashes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from openecf.accounts.actions.input import _subject
from openecf.accounts.actions.registration import save_with_new_account_number
from openecf.accounts.models import Account
from openecf.core import audit, clock
from openecf.core.transactions import durable_action


@dataclass(frozen=True)
class LegacyAccountRow:
    """One validated row of a legacy import file."""

    line: int
    account_number: str
    username: str
    first_name: str
    last_name: str
    email: str
    phone: str
    password_hash: str  # already in a Django format
    created_at: datetime


def import_legacy_accounts(
    *, rows: Sequence[LegacyAccountRow], progress: Callable[[int], None] | None = None
) -> int:
    """Create every row as a Legacy PACER Account in one transaction (all or nothing)."""
    now = clock.now()
    with durable_action():
        for row in rows:
            account = Account(
                account_number=row.account_number,
                username=row.username,
                email=row.email,
                email_verified_at=None,
                first_name=row.first_name,
                last_name=row.last_name,
                phone=row.phone,
                kind=Account.Kind.INDIVIDUAL,
                purpose=Account.Purpose.CASE_SEARCH,
                status=Account.Status.ACTIVE,
                is_upgraded=False,
                created_at=row.created_at,
                # The old system's password age is unknown: the import starts the 180 days.
                password_changed_at=now,
                last_active_at=now,
                password=row.password_hash,
            )
            if row.account_number:
                account.save(force_insert=True)
            else:
                save_with_new_account_number(account)
            audit.record(
                actor_id=None,
                verb="account.legacy_imported",
                subject=_subject(account.pk),
                details={"line": row.line, "username": row.username},
            )
            if progress:
                progress(1)
    return len(rows)
