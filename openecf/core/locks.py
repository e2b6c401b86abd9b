"""Row locks in one fixed order, so two transactions never wait on each other in a circle.

The order (docs/decisions/0006-lock-order-and-durable-actions.md):

1. the rows the action changes (a court login, a case, a firm's invitation), several rows of
   one table in primary-key order (``lock_rows``), central rows after court rows;
2. the court's audit chain head (``audit.record`` with a ``court_id``);
3. the central audit chain head (``audit.record`` without one).

``audit.record`` asks ``note_chain`` before it locks a head, and a transaction that already
holds the central head and asks for a court's is refused at once (in tests as in production)
instead of deadlocking one day under load.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.db import models, transaction

from openecf.core.errors import NotFound

CENTRAL = "central"

Row = TypeVar("Row", bound=models.Model)


def lock_rows(rows: models.QuerySet[Row]) -> list[Row]:
    """Lock every row of ``rows`` in primary-key order (as Saleor's ``lock_objects``).

    Two actions that lock the same rows take them in the same order, so neither waits for a
    row the other holds while holding one it wants. Call inside the action's transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_rows() must run inside the action's transaction")
    return list(rows.select_for_update(of=("self",)).order_by("pk"))


def lock_row(rows: models.QuerySet[Row]) -> Row | None:
    """Lock the one row ``rows`` names (or None when it names none)."""
    locked = lock_rows(rows)
    if len(locked) > 1:
        raise ValueError(f"lock_row() found {len(locked)} rows; use lock_rows()")
    return locked[0] if locked else None


def lock_found(rows: models.QuerySet[Row], *, missing: str) -> Row:
    """Lock and answer the first row of ``rows`` (the one an action changes); none is
    ``NotFound(missing)``, the same answer as a row the person may not see. Call inside the
    action's transaction."""
    row = rows.select_for_update().first()
    if row is None:
        raise NotFound(missing)
    return row


class LockOrderBroken(RuntimeError):
    """A transaction asked for an audit chain head out of the fixed order."""


def note_chain(name: str) -> None:
    """Check that locking the audit chain head ``name`` now keeps the order; remember it.

    Court heads come before the central head, and several court heads in name order. A head
    this action already holds may be asked for again. Checked inside a durable action
    (``core.transactions.durable_action``), which starts a fresh record of the heads held.
    """
    held = _held.get()
    if held is None or name in held:
        return
    if name != CENTRAL:
        if CENTRAL in held:
            raise LockOrderBroken(
                f"audit chain {name!r} locked after the central chain: court heads come first "
                "(docs/decisions/0006-lock-order-and-durable-actions.md)"
            )
        later = [court for court in held if court > name]
        if later:
            raise LockOrderBroken(
                f"audit chain {name!r} locked after {later[0]!r}: court heads in name order"
            )
    held.append(name)


@contextmanager
def chains_held() -> Iterator[None]:
    """A fresh record of the chain heads held, for one durable action's transaction."""
    token = _held.set([])
    try:
        yield
    finally:
        _held.reset(token)


_held: ContextVar[list[str] | None] = ContextVar("openecf_chains_held", default=None)
