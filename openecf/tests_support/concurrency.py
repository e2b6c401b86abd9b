"""Run actions at the same moment from several threads, as simultaneous requests would."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from django.db import OperationalError, connection, connections

# How long a statement waits for another thread's transaction, like SQLite's busy timeout.
WAIT_SECONDS = 20.0


def retry_while_locked(
    target: Callable[[], object], *, done: Callable[[], bool] | None = None
) -> object:
    """Retry while SQLite's shared in-memory test database says "table is locked".

    A file database waits (busy timeout) instead; PostgreSQL blocks on the row lock. Either
    way the second attempt runs after the first one committed, as here. ``done`` says whether
    the work already went in (the lock came after its commit): then there is nothing to retry.
    """
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            return target()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            if done is not None and done():
                return None
            time.sleep(0.001)
    raise AssertionError("the database stayed locked")


def _wait_while_locked(execute, sql, params, many, context):
    """Run one statement, waiting while another thread's transaction holds its table.

    SQLite's shared in-memory test database answers "table is locked" at once instead of
    waiting as a file database (busy timeout) or PostgreSQL (row lock) would. Waiting per
    statement keeps the caller's transaction whole, so an action that commits in two steps is
    never run again from its start. Settings open every write transaction with BEGIN
    IMMEDIATE, so two writers never wait on each other.
    """
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return execute(sql, params, many, context)
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.001)


def run_together(targets: Sequence[Callable[[], object]]) -> list:
    """Start every target at once, each in its own thread: their results, a refusal as the
    exception raised (the loser's refusal is its result)."""
    barrier = threading.Barrier(len(targets))
    results: list = [None] * len(targets)

    def run(index: int, target: Callable[[], object]) -> None:
        try:
            with connection.execute_wrapper(_wait_while_locked):
                barrier.wait(timeout=10)
                results[index] = target()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        if thread.is_alive():
            raise AssertionError("a simultaneous action did not finish within a minute")
    return results
