"""The benchmark registry and timer shared by bench/run.py and bench/bench_*.py."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO


@dataclass(frozen=True)
class Result:
    name: str
    ours: float
    baseline: float
    unit: str = "s/op"
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children: those that ended (``os.times``) and
    the PDF checkers still running (``/proc``), whose work a filing waits for."""
    from openecf.documents import checker

    spent = os.times()  # children in clock ticks; this process's own at full resolution
    total = time.process_time() + spent.children_user + spent.children_system
    tick = os.sysconf("SC_CLK_TCK")
    for pid in checker.pool().pids():
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it just left; os.times counts it once reaped
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


# BENCH_CLOCK=cpu counts CPU seconds (this process's and its children's: ``cpu_seconds``)
# instead of wall-clock seconds: on a machine shared with other busy processes they do not
# inflate it (time spent waiting for the disk is then not counted either; with SQLite in WAL
# mode there is little).
CLOCK = {"wall": time.perf_counter, "cpu": cpu_seconds}[os.environ.get("BENCH_CLOCK", "wall")]


def best_of(operation: Callable[[], object], *, rounds: int = 5, number: int = 20) -> float:
    """Seconds per call: the fastest of ``rounds`` rounds of ``number`` calls."""
    operation()  # warm caches and connections
    timings = []
    for _ in range(rounds):
        start = CLOCK()
        for _ in range(number):
            operation()
        timings.append((CLOCK() - start) / number)
    return min(timings)


def alternating_rounds(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int = 20,
    number: int = 5,
) -> tuple[list[float], list[float]]:
    """Seconds per call of two operations in each of ``rounds`` rounds of ``number`` calls,
    taken turn about (ours then the baseline, then the baseline then ours, ...), so a
    neighbour's burst of load falls on both sides alike. Garbage is collected before each
    round, so neither side starts with the other's."""
    ours()  # warm caches and connections
    baseline()
    sides: tuple[tuple[Callable[[], object], list[float]], ...] = ((ours, []), (baseline, []))
    for turn in range(rounds):
        for operation, timings in sides if turn % 2 == 0 else sides[::-1]:
            gc.collect()
            start = CLOCK()
            for _ in range(number):
                operation()
            timings.append((CLOCK() - start) / number)
    return sides[0][1], sides[1][1]


Measure = Callable[[], "Result | list[Result]"]
BENCHMARKS: dict[str, Measure] = {}
# Benchmarks that add data the others should not see (bench/run.py runs them after the rest).
RUNS_LAST: set[str] = set()


def benchmark(function: Measure) -> Measure:
    BENCHMARKS[function.__name__] = function
    return function


def benchmark_run_last(function: Measure) -> Measure:
    RUNS_LAST.add(function.__name__)
    return benchmark(function)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str


def through_wsgi(
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | BinaryIO = b"",
    remote_addr: str = "127.0.0.1",
) -> Answer:
    """One request through ``openecf.wsgi.application``, as gunicorn makes it.

    Unlike Django's test client this sends ``request_started`` and ``request_finished`` with
    the database connection handling a server gets (opened, or reused when persistent, and
    closed per ``CONN_MAX_AGE``), and closes the response as a WSGI server does. ``body`` may be
    an open file, read as a server streams a large upload (never whole in memory).
    """
    import io
    import sys

    from openecf.wsgi import application

    path_info, _, query = path.partition("?")
    environ: dict[str, object] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": remote_addr,
        "HTTP_HOST": "localhost",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body) if isinstance(body, bytes) else body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "CONTENT_LENGTH": str(len(body) if isinstance(body, bytes) else _length(body)),
    }
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
    started: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info=None):
        started.append((status, response_headers))

    result = application(environ, start_response)
    try:
        content = b"".join(result)
    finally:
        result.close()  # sends request_finished: the server's end of the request
    status, response_headers = started[0]
    content_type = dict((k.lower(), v) for k, v in response_headers).get("content-type", "")
    return Answer(int(status.split()[0]), content, content_type)


def _length(body: BinaryIO) -> int:
    at = body.tell()
    body.seek(0, 2)
    length = body.tell() - at
    body.seek(at)
    return length


def same_bytes_as(key: str, answer: Answer) -> str:
    """Register ``answer``'s bytes with the static bench view; returns the view's path."""
    from bench.urls import SAME_BYTES

    SAME_BYTES[key] = (answer.body, answer.content_type)
    return f"/bench/same-bytes/{key}/"
