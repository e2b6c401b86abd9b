"""A worker killed with SIGKILL in the middle of a batch loses no e-mail and sends none twice:
real ``openecf worker`` processes, a real SMTP server on loopback, a SQLite file database."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from openecf.tests_support.smtp import LoopbackSmtp

COUNT = 40
QUEUE = f"""
from openecf.core.outbox import queue_email
from openecf.core.transactions import durable_action
with durable_action():
    for n in range({COUNT}):
        queue_email(to=[f"p{{n:02}}@example.com"], subject=f"Notice {{n}}", text="Body",
                    html="<p>Body</p>", kind="test.notice", key=str(n))
"""
STATES = """
import json
from openecf.core.models import OutboundEmail
print(json.dumps(sorted(OutboundEmail.objects.values_list("status", flat=True))))
"""


def openecf(env: dict, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "openecf", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def run(env: dict, *args: str) -> str:
    process = openecf(env, *args)
    output = process.communicate(timeout=180)[0]
    assert process.returncode == 0, output
    return output


def wait_until(condition, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, "the worker did not get there"
        time.sleep(0.05)


def kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def test_a_worker_killed_mid_batch_loses_nothing_and_doubles_nothing(tmp_path: Path):
    with LoopbackSmtp(delay=0.02) as smtp:
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "EMAIL_URL"}},
            "OPENECF_DATA": str(tmp_path),
            "OPENECF_TASKS": "database",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
            "OPENECF_OUTBOX_LEASE_SECONDS": "1",
        }
        run(env, "migrate", "--no-input", "-v", "0")
        run(env, "shell", "-v", "0", "-c", QUEUE)

        first = openecf(env, "worker", "--no-scheduler", "--interval", "0.1")
        try:
            wait_until(lambda: len(smtp.received) >= 10, first)
        finally:
            kill(first)  # kill -9, mid-batch
        at_kill = len(smtp.received)
        assert at_kill < COUNT
        time.sleep(1.5)  # the dead worker's lease runs out (OPENECF_OUTBOX_LEASE_SECONDS=1)

        second = openecf(env, "worker", "--interval", "0.1")  # its scheduler sweeps at once
        try:
            wait_until(lambda: len({r.message_id for r in smtp.received}) >= COUNT, second)
        finally:
            kill(second)
        received = smtp.received

    by_address = defaultdict(set)
    copies = defaultdict(list)
    for message in received:
        [address] = message.rcpt_tos
        by_address[address].add(message.message_id)
        copies[message.message_id].append(message.content)
    assert sorted(by_address) == [f"p{n:02}@example.com" for n in range(COUNT)]
    assert all(len(ids) == 1 for ids in by_address.values())  # one e-mail per notice
    # At most the one message in flight at the kill is sent again, as the very same e-mail.
    repeated = [contents for contents in copies.values() if len(contents) > 1]
    assert len(received) - COUNT == len(repeated) <= 1
    assert all(len(set(contents)) == 1 for contents in repeated)
    assert json.loads(run(env, "shell", "-v", "0", "-c", STATES)) == ["sent"] * COUNT
