"""The sandbox gateway with a pause, for the tests that kill a paying process (test_crash).

``crash_settings`` makes it the gateway. With ``OPENECF_TEST_PAUSE=before:<folder>`` (or
``after:<folder>``) it writes its process id to ``<folder>/before`` just before it records a
capture in its books (``after``: just after) and then waits to be killed, so the test can
SIGKILL the process at exactly that moment. Production code has no such seam: this subclass lives with the tests.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openecf.payments.gateways import Charge
from openecf.payments.gateways.sandbox import SandboxGateway
from openecf.payments.models import SandboxCharge
from openecf.tests_support.killing import wait_to_be_killed

PAUSE = "OPENECF_TEST_PAUSE"


class PausingSandboxGateway(SandboxGateway):
    def _record(self, *, kind: str, **charge: Any) -> Charge:
        """The sandbox's bookkeeping, with the pause around a capture's row."""
        capture = kind == SandboxCharge.Kind.CAPTURE
        if capture:
            _pause_if_asked("before")
        done = super()._record(kind=kind, **charge)
        if capture:
            _pause_if_asked("after")
        return done


def _pause_if_asked(moment: str) -> None:
    asked, _, folder = os.environ.get(PAUSE, "").partition(":")
    if asked == moment and folder:
        Path(folder, moment).write_text(f"{os.getpid()}\n")  # who to kill
        wait_to_be_killed()
