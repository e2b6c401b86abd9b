"""Run the PDF check in limited child processes: a pool of checkers kept warm between files.

A checker is a child forked from the web process (``os.fork``: pikepdf and pypdf already
imported). At its start it lowers its own limits for good (``resource.setrlimit``: the address
space to what it holds plus ``memory_mb``; a hard CPU ceiling), then waits for files. Before
each file it lowers its soft CPU limit to what it has used plus ``cpu_seconds``; it does
nothing but the check (no database, no logging), answers each file through a pipe as JSON
(never a pickle, which could run code in the parent if a hostile file ever took the checker
over) and leaves with ``os._exit``. The parent waits ``wall_seconds`` for an answer, then kills
it. A checker that runs out of any of the three, or dies, refuses the file
(``CHECK_EXHAUSTED``): a decompression bomb or a deeply nested file costs that checker only.

Forking a process of the web server's size for every file cost more than the check of a
20-page brief (its copy-on-write faults and teardown), so the pool keeps checkers between
files. A checker is replaced (never reused) after ``files_per_checker`` files, after any file
it refused or could not finish, when its address space grew past half its budget, and when
the limits asked for change. Reuse is the one thing a per-file fork did not have: a file that
took over a checker could see the files checked after it by that checker, up to the next
refusal or recycling; ``OPENECF_PDF_CHECK_FILES_PER_PROCESS=1`` restores one process per
file. No Django here either.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import json
import math
import os
import resource
import select
import signal
import struct
import threading
import time
from dataclasses import dataclass, field

from openecf.documents import inspection
from openecf.documents.inspection import Inspection, Options
from openecf.documents.privacy import PrivacyHit

_MAX_ANSWER = 4 << 20  # bytes: hits are capped, so a real answer is far smaller
_FRAME = struct.Struct(">I")  # each message: its length, then that many bytes of JSON
_MEMORY = "checking it needed more memory than a document may take"
_EXIT_GRACE_SECONDS = 1.0  # a checker that closed its pipe has this long to exit


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 20
    memory_mb: int = 768
    wall_seconds: float = 60.0
    files_per_checker: int = 50  # then the checker is replaced by a fresh fork


@dataclass
class _Checker:
    """The parent's handle on one checker process."""

    pid: int
    requests: int  # the parent writes files to check here
    answers: int  # and reads the answers here
    limits: Limits
    checked: int = 0

    def fds(self) -> tuple[int, int]:
        return self.requests, self.answers


@dataclass
class _Outcome:
    answer: Inspection
    reusable: bool
    died: bool = False  # it ended without an answer (not a timeout)


@dataclass
class Pool:
    """The idle checkers of this process (a forked process starts with none of its own)."""

    max_idle: int = 4
    _idle: list[_Checker] = field(default_factory=list)
    _leaving: list[int] = field(default_factory=list)  # retired pids not yet reaped
    _open_fds: set[int] = field(default_factory=set)  # every pipe end of every checker
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, path: str, options: Options, limits: Limits) -> Inspection:
        """``inspection.inspect_pdf(path, options)`` in a limited checker; exhausted → refused."""
        checker = self._take(limits)
        warm = checker.checked > 0
        outcome = self._ask_once(checker, path, options)
        if outcome.died and warm:
            # A warm checker that died without answering may have died before it read this
            # file (killed while idle, say): one fresh checker tries again. A file that kills
            # checkers is refused by the second; a file that runs out of time is never retried.
            outcome = self._ask_once(self._spawn(limits), path, options)
        return outcome.answer

    def _ask_once(self, checker: _Checker, path: str, options: Options) -> _Outcome:
        try:
            outcome = _ask(checker, path, options)
        except BaseException:  # interrupted mid-answer: its pipe may hold half a message
            _kill(checker)
            self._retire(checker)
            raise
        checker.checked += 1
        if outcome.reusable and checker.checked < checker.limits.files_per_checker:
            self._give_back(checker)
        else:
            self._retire(checker)
        return outcome

    def idle_pids(self) -> list[int]:
        with self._lock:
            return [checker.pid for checker in self._idle]

    def pids(self) -> list[int]:
        """The idle checkers and the retired ones not yet reaped."""
        with self._lock:
            return [checker.pid for checker in self._idle] + list(self._leaving)

    def close(self) -> None:
        """Retire every idle checker (each leaves when its request pipe closes)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for checker in idle:
            self._retire(checker)

    def shutdown(self, wait_seconds: float = 2.0) -> None:
        """Retire every checker and see each leave (killed past ``wait_seconds``): a process
        that ends, or has no more files to check, leaves no checker of its own behind."""
        self.close()
        with self._lock:
            leaving, self._leaving = self._leaving, []
        deadline = time.monotonic() + wait_seconds
        for pid in leaving:
            _see_leave(pid, max(0.0, deadline - time.monotonic()))

    def _take(self, limits: Limits) -> _Checker:
        with self._lock:
            self._reap()
            while self._idle:
                checker = self._idle.pop()
                if checker.limits == limits and _alive(checker):
                    return checker
                self._retire_locked(checker)
        return self._spawn(limits)

    def _give_back(self, checker: _Checker) -> None:
        with self._lock:
            if len(self._idle) < self.max_idle:
                self._idle.append(checker)
                return
        self._retire(checker)

    def _retire(self, checker: _Checker) -> None:
        with self._lock:
            self._retire_locked(checker)

    def _retire_locked(self, checker: _Checker) -> None:
        for fd in checker.fds():
            self._open_fds.discard(fd)
            _close(fd)
        self._leaving.append(checker.pid)
        self._reap()

    def _reap(self) -> None:
        """Collect the exit status of retired checkers that have left (never waits)."""
        still = []
        for pid in self._leaving:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            if done == 0:
                still.append(pid)
        self._leaving = still

    def _spawn(self, limits: Limits) -> _Checker:
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        with self._lock:
            pid = os.fork()
            if pid == 0:  # the checker: never returns
                _keep_only(request_read, answer_write)
                _checker_main(request_read, answer_write, limits)
            self._open_fds |= {request_write, answer_read}
        os.close(request_read)
        os.close(answer_write)
        return _Checker(pid=pid, requests=request_write, answers=answer_read, limits=limits)

    def forget_after_fork(self) -> None:
        """In a forked process: the checkers are the parent's; close our copies of its pipes."""
        for fd in self._open_fds:
            _close(fd)
        self._idle, self._leaving, self._open_fds = [], [], set()
        self._lock = threading.Lock()


_POOL = Pool()
os.register_at_fork(after_in_child=_POOL.forget_after_fork)
atexit.register(_POOL.shutdown)  # a checker itself leaves by os._exit, so never runs this


def _see_leave(pid: int, wait_seconds: float) -> None:
    """Wait for a retired checker (its request pipe closed) to exit, then reap it; one still
    there after ``wait_seconds`` is killed."""
    if _exit_status(pid, wait_seconds) is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # not reaped yet: the pid is still this checker's
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _exit_status(pid: int, wait_seconds: float) -> int | None:
    """The checker's exit status once it has exited (reaped here; 0 if it was reaped
    already), or None if it still runs after ``wait_seconds``. Waits on a pidfd, not a poll."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:  # already reaped
        return 0
    try:
        if not select.select([handle], [], [], wait_seconds)[0]:
            return None
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return 0
    finally:
        os.close(handle)


def check_in_child(path: str, options: Options, limits: Limits) -> Inspection:
    """``inspection.inspect_pdf(path, options)`` in a limited checker of this process's pool."""
    return _POOL.check(path, options, limits)


def pool() -> Pool:
    return _POOL


def _keep_only(*kept: int) -> None:
    """In a new checker: close every descriptor it inherited but ``kept`` and stderr.

    A checker outlives the request that forked it, so it must not hold the server's sockets
    (a client would never see its connection close), the other checkers' pipes (they would
    never see their parent leave) or any other process's pipes; stdin becomes /dev/null.
    """
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    try:
        inherited = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        inherited = list(range(3, 1024))
    for fd in inherited:
        if fd > 2 and fd not in kept:
            _close(fd)


def _alive(checker: _Checker) -> bool:
    try:
        done, _ = os.waitpid(checker.pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == 0


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _ask(checker: _Checker, path: str, options: Options) -> _Outcome:
    """Send one file to ``checker`` and read its answer within the wall-clock limit."""
    limits = checker.limits
    request = json.dumps({"path": path, "options": dataclasses.asdict(options)}).encode()
    try:
        _write_frame(checker.requests, request)
    except OSError:  # it left since: refuse as if it died on this file
        return _Outcome(_died(checker, wait=True), reusable=False, died=True)
    deadline = time.monotonic() + limits.wall_seconds
    frame, finished = _read_frame(checker.answers, deadline)
    if not finished:
        _kill(checker)
        return _Outcome(
            inspection.refused(
                inspection.CHECK_EXHAUSTED,
                f"checking it took longer than {limits.wall_seconds:g} seconds",
            ),
            reusable=False,
        )
    if frame is None:  # the pipe closed or the answer was too long: it died or went wrong
        return _Outcome(_died(checker, wait=True), reusable=False, died=True)
    try:
        envelope = json.loads(frame)
        answer = _from_json(envelope["answer"])
        reusable = not envelope["retire"] and not answer.refusal
    except (ValueError, TypeError, KeyError):
        return _Outcome(_died(checker, wait=False), reusable=False, died=True)
    return _Outcome(answer, reusable)


def _kill(checker: _Checker) -> int:
    with contextlib.suppress(ProcessLookupError):
        os.kill(checker.pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(checker.pid, 0)
    except ChildProcessError:
        return 0
    return status


def _died(checker: _Checker, *, wait: bool) -> Inspection:
    """The refusal for a file its checker did not answer; the checker is ended."""
    if wait:  # it closed its pipe: give it a moment to exit on its own and tell us why
        status = _exit_status(checker.pid, _EXIT_GRACE_SECONDS)
        if status is not None:
            return inspection.refused(inspection.CHECK_EXHAUSTED, _why_it_died(status))
    status = _kill(checker)
    return inspection.refused(inspection.CHECK_EXHAUSTED, _why_it_died(status))


def _write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int, deadline: float | None) -> tuple[bytes | None, bool]:
    """``size`` bytes from ``fd``: (bytes, True); (None, True) when it closes first;
    (None, False) when ``deadline`` passes."""
    chunks: list[bytes] = []
    wanted = size
    while wanted:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None, False
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
        chunk = os.read(fd, min(wanted, 1 << 16))
        if not chunk:
            return None, True
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks), True


def _read_frame(fd: int, deadline: float | None) -> tuple[bytes | None, bool]:
    """One message: (bytes, True); (None, True) when closed or too long; (None, False) late."""
    head, finished = _read_exactly(fd, _FRAME.size, deadline)
    if head is None:
        return None, finished
    (size,) = _FRAME.unpack(head)
    if size > _MAX_ANSWER:
        return None, True
    return _read_exactly(fd, size, deadline)


def _from_json(fields: dict) -> Inspection:
    """The checker's answer, as plain JSON: never a pickle, which could run code in the parent
    if a hostile file ever took the checker over."""
    fields = dict(fields)
    fields["pages_without_text"] = tuple(int(n) for n in fields["pages_without_text"])
    fields["privacy_hits"] = tuple(PrivacyHit(**hit) for hit in fields["privacy_hits"])
    fields["warnings"] = tuple(str(w) for w in fields["warnings"])
    return Inspection(**fields)


def _why_it_died(status: int) -> str:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        return "checking it needed more computing time than a document may take"
    return _MEMORY


def _checker_main(requests: int, answers: int, limits: Limits) -> None:
    """The checker's loop: one file per request until the parent closes the pipe."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
        started_with = _address_space()
        _limit_self(limits, started_with)
        while True:
            request, _ = _read_frame(requests, None)
            if request is None:
                break
            asked = json.loads(request)
            _limit_cpu_for_one_file(limits)
            retire = False
            try:
                answer = inspection.inspect_pdf(asked["path"], Options(**asked["options"]))
            except MemoryError:
                answer, retire = inspection.refused(inspection.CHECK_EXHAUSTED, _MEMORY), True
            except Exception as error:  # anything the file made pikepdf or pypdf raise
                answer = inspection.refused(
                    inspection.NOT_PDF, f"it could not be read ({type(error).__name__})"
                )
                retire = True
            budget = limits.memory_mb * 1024 * 1024
            retire = retire or _address_space() > started_with + budget // 2
            envelope = {"answer": dataclasses.asdict(answer), "retire": retire}
            _write_frame(answers, json.dumps(envelope).encode())
            if retire:
                break
    finally:
        os._exit(0)


def _limit_self(limits: Limits, started_with: int) -> None:
    """For the checker's whole life: its address space, and a CPU ceiling for all its files."""
    ceiling = limits.cpu_seconds * (limits.files_per_checker + 1) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, ceiling))
    budget = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (started_with + budget,) * 2)


def _limit_cpu_for_one_file(limits: Limits) -> None:
    """SIGXCPU once this file has taken ``cpu_seconds`` more than the checker used so far."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = math.ceil(used.ru_utime + used.ru_stime)
    _, ceiling = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (min(spent + limits.cpu_seconds, ceiling), ceiling))


def _address_space() -> int:
    """This process's virtual size now (the limit is set above it, not from zero)."""
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0
