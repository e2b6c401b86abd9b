"""Work that runs on a clock: reminders, purges. The worker enqueues it; the queue runs it.

``settings.OPENECF_PERIODIC_TASKS`` lists ``(dotted task path, every N seconds)``. Named by
string so this foundation module imports no product app. Each task must be safe to run twice
(several workers may each enqueue it); run one scheduler per deployment to avoid the waste
(``openecf worker --no-scheduler`` for the others).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from openecf.core import clock


@dataclass
class Schedule:
    task_path: str
    every: timedelta
    next_run: datetime | None = None  # None: at once


def schedules() -> list[Schedule]:
    return [
        Schedule(path, timedelta(seconds=seconds))
        for path, seconds in settings.OPENECF_PERIODIC_TASKS
    ]


def due(plan: list[Schedule], now: datetime) -> list[Schedule]:
    """The schedules whose time has come (pure: no clock, no queue)."""
    return [s for s in plan if s.next_run is None or s.next_run <= now]


def enqueue_due(plan: list[Schedule], now: datetime) -> list[str]:
    """Enqueue every due task once and move its next run on; returns the task paths enqueued."""
    enqueued = []
    for schedule in due(plan, now):
        import_string(schedule.task_path).enqueue()
        schedule.next_run = now + schedule.every
        enqueued.append(schedule.task_path)
    return enqueued


def run_scheduler(stop: threading.Event, *, tick: float = 30.0) -> None:
    """Until ``stop`` is set: enqueue what is due, then wait for the next tick (or the stop)."""
    plan = schedules()
    while not stop.is_set():
        try:
            enqueue_due(plan, clock.now())
        finally:
            connection.close()  # this thread holds no database connection between rounds
        stop.wait(tick)
