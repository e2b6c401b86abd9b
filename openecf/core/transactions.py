"""The one transaction of a top-level action: durable, so it really commits when it ends.

``durable_action()`` is ``transaction.atomic(durable=True)`` plus a fresh record of the audit
chain heads the action locks (``core.locks.note_chain`` checks their order). Use it as a
context manager around the action's writes (checks that need no lock stay outside) or as a
decorator. A helper that other actions call inside their transaction uses plain
``transaction.atomic()`` and is named as such in its docstring.

Nesting one durable action in another raises ``RuntimeError`` at once, in tests too: Django
exempts only the test case's own wrapping transaction (``Atomic._from_testcase``), so a test
with ``django_db`` still catches an action called inside another's transaction. See
docs/decisions/0006-lock-order-and-durable-actions.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

from openecf.core import locks


@contextmanager
def durable_action() -> Iterator[None]:
    with locks.chains_held(), transaction.atomic(durable=True):
        yield
