"""For the crash tests' helper processes: start one on its own SQLite file, read the moment it
reached, kill it there, and run the next one to its end."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

# The helper's SQLite file, in the data folder the test gives it.
DATABASE_FILE = "helper.sqlite3"
REPOSITORY = Path(__file__).resolve().parents[2]


def wait_to_be_killed() -> NoReturn:
    """Block here until a signal ends the process (the test's SIGKILL), never on a clock: a
    signal with a handler (gunicorn's SIGCHLD, say) wakes ``pause`` only to pause again."""
    while True:
        signal.pause()


def start_helper(script: Path, data: Path, *args: str) -> subprocess.Popen:
    """Start ``script`` with ``args`` on the test settings, its data folder and SQLite file
    (``DATABASE_FILE``) in ``data``; its output is read as text."""
    env = {
        **os.environ,
        "OPENECF_DATA": str(data),
        "DATABASE_URL": f"sqlite:///{data / DATABASE_FILE}",
        "DJANGO_SETTINGS_MODULE": "openecf.settings_test",
        "PYTHONPATH": str(REPOSITORY),
    }
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def reached(helper: subprocess.Popen, word: str, *, within: float = 120) -> str:
    """What follows ``word`` on the helper's first line, the one it prints at the moment it
    waits to be killed (its errors, should it end before). The wait blocks on the pipe, never
    on a clock: ``within`` seconds only bound a helper that never gets there."""
    assert helper.stdout is not None
    with selectors.DefaultSelector() as pipe:
        pipe.register(helper.stdout, selectors.EVENT_READ)
        assert pipe.select(within), f"the helper did not print {word!r} within {within:g} s"
    line = helper.stdout.readline()
    if not line and helper.stderr:  # the pipe closed: the helper ended, say why
        line = helper.stderr.read()
    assert line.startswith(f"{word} "), line
    return line.strip().removeprefix(f"{word} ")


def kill(helper: subprocess.Popen) -> None:
    helper.send_signal(signal.SIGKILL)
    helper.wait(10)


def run_helper(script: Path, data: Path, *args: str) -> str:
    """Run ``script`` with ``args`` as ``start_helper`` does, to its end: what it printed."""
    helper = start_helper(script, data, *args)
    out, err = helper.communicate(timeout=120)
    assert helper.returncode == 0, err
    return out.strip()
