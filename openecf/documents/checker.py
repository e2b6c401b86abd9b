"""Run the PDF check in a forked child process with CPU, memory and wall-clock limits.

Each check forks the web process (``os.fork``: copy-on-write, a few milliseconds, pikepdf and
pypdf already imported). The child lowers its own limits before it opens the file
(``resource.setrlimit``: ``RLIMIT_CPU`` seconds, and ``RLIMIT_AS`` bytes above what it started
with), does nothing but the check (no database, no logging), writes its answer to a pipe as
JSON (never a pickle, which could run code in the parent if a hostile file ever took the child
over) and leaves with ``os._exit``. The parent reads at most ``wall_seconds``, then kills it. A
child that runs out of any of the three, or dies, refuses the file (``CHECK_EXHAUSTED``): a
decompression bomb or a deeply nested file costs that child only. No Django here either.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import select
import signal
import time
from dataclasses import dataclass

from openecf.documents import inspection
from openecf.documents.inspection import Inspection, Options
from openecf.documents.privacy import PrivacyHit

_MAX_ANSWER = 4 << 20  # bytes: hits are capped, so a real answer is far smaller


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 20
    memory_mb: int = 768
    wall_seconds: float = 60.0


def check_in_child(path: str, options: Options, limits: Limits) -> Inspection:
    """``inspection.inspect_pdf(path, options)`` in a limited child; exhausted → refused."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reading)
        _child_main(writing, path, options, limits)
    os.close(writing)
    try:
        answer, finished = _read_answer(reading, time.monotonic() + limits.wall_seconds)
    finally:
        os.close(reading)
    if not finished:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if not finished:
        return inspection.refused(
            inspection.CHECK_EXHAUSTED,
            f"checking it took longer than {limits.wall_seconds:g} seconds",
        )
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and answer:
        try:
            return _from_json(answer)
        except (ValueError, TypeError, KeyError):
            pass
    return inspection.refused(inspection.CHECK_EXHAUSTED, _why_it_died(status))


def _read_answer(reading: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe; (answer, finished in time)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"", False
        ready, _, _ = select.select([reading], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(reading, 1 << 16)
        if not chunk:
            return b"".join(chunks), True
        size += len(chunk)
        if size > _MAX_ANSWER:
            return b"", True
        chunks.append(chunk)


def _from_json(raw: bytes) -> Inspection:
    """The child's answer, as plain JSON: never a pickle, which could run code in the parent
    if a hostile file ever took the child over."""
    fields = json.loads(raw)
    fields["pages_without_text"] = tuple(int(n) for n in fields["pages_without_text"])
    fields["privacy_hits"] = tuple(PrivacyHit(**hit) for hit in fields["privacy_hits"])
    fields["warnings"] = tuple(str(w) for w in fields["warnings"])
    return Inspection(**fields)


_MEMORY = "checking it needed more memory than a document may take"


def _why_it_died(status: int) -> str:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        return "checking it needed more computing time than a document may take"
    return _MEMORY


def _child_main(writing: int, path: str, options: Options, limits: Limits) -> None:
    code = 1
    try:
        _limit_self(limits)
        try:
            answer = inspection.inspect_pdf(path, options)
        except MemoryError:
            answer = inspection.refused(inspection.CHECK_EXHAUSTED, _MEMORY)
        except Exception as error:  # anything the file made pikepdf or pypdf raise: malformed
            answer = inspection.refused(
                inspection.NOT_PDF, f"it could not be read ({type(error).__name__})"
            )
        data = json.dumps(dataclasses.asdict(answer)).encode()
        view = memoryview(data)
        while view:
            view = view[os.write(writing, view) :]
        code = 0
    finally:
        os._exit(code)


def _limit_self(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    budget = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + budget,) * 2)


def _address_space() -> int:
    """This process's virtual size now (the limit is set above it, not from zero)."""
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0
