"""For the crash tests' helper processes: stop at a chosen moment until the test kills them."""

from __future__ import annotations

import signal
from typing import NoReturn


def wait_to_be_killed() -> NoReturn:
    """Block here until a signal ends the process (the test's SIGKILL), never on a clock: a
    signal with a handler (gunicorn's SIGCHLD, say) wakes ``pause`` only to pause again."""
    while True:
        signal.pause()
