"""The sandbox gateway with a pause, for the tests that kill a paying process (test_crash).

``crash_settings`` makes it the gateway. With ``OPENECF_TEST_PAUSE=before`` (or ``after``) it
prints ``before <its process id>`` on its standard output just before it records a capture in
its books (``after``: just after) and then waits to be killed, so the test, blocked on reading
that line (``killing.reached``), can SIGKILL the process at exactly that moment. Production code
has no such seam: this subclass lives with the tests.
"""

from __future__ import annotations

import os
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
    if os.environ.get(PAUSE) == moment:
        print(moment, os.getpid(), flush=True)  # who to kill: a server's worker, say
        wait_to_be_killed()
