"""Run actions at the same moment from several threads, as simultaneous requests would."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from django.db import OperationalError, connections


def retry_while_locked(
    target: Callable[[], object], *, done: Callable[[], bool] | None = None
) -> object:
    """Retry while SQLite's shared in-memory test database says "table is locked".

    A file database waits (busy timeout) instead; PostgreSQL blocks on the row lock. Either
    way the second attempt runs after the first one committed, as here. ``done`` says whether
    the work already went in (the lock came after its commit): then there is nothing to retry.
    """
    for _ in range(10_000):
        try:
            return target()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            if done is not None and done():
                return None
    raise AssertionError("the database stayed locked")


def run_together(targets: Sequence[Callable[[], object]]) -> list:
    """Start every target at once, each in its own thread: their results, a refusal as the
    exception raised (the loser's refusal is its result)."""
    barrier = threading.Barrier(len(targets))
    results: list = [None] * len(targets)

    def run(index: int, target: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = retry_while_locked(target)
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results
