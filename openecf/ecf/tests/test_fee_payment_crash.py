"""A gunicorn worker killed with SIGKILL while it pays a court fee through the API: afterwards
the fee is paid once with its receipt, or nothing was charged and it can be paid, and
``openecf payments check`` holds. A real server, real processes, a real database of its own."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from openecf.payments.tests import pausing_gateway
from openecf.payments.tests.test_crash import _run, database  # noqa: F401 - a fixture

SETUP = """
import django
django.setup()
from openecf.courts.models import Court
from openecf.ecf.factories import CourtFeeOwedFactory
from openecf.signon.sessions import start_session
from openecf.tests_support.factories import AccountFactory
AccountFactory.reset_sequence({base})  # numbers no other setup of this database uses
CourtFeeOwedFactory.reset_sequence({base})
attorney = AccountFactory(purpose="attorney_filer")
fee = CourtFeeOwedFactory(court=Court.objects.get(pk="mowd"), account=attorney)
print(fee.pk, start_session(account_id=attorney.pk).token)
"""

REPORT = """
import django
django.setup()
from openecf.ecf.actions import heal_paid_fees
from openecf.ecf.models import CourtFeeOwed
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
fee = CourtFeeOwed.objects.get(pk={fee})
heal_paid_fees(account_id=fee.account_id)  # what the next look at the person's fees does
fee.refresh_from_db()
intents = PaymentIntent.objects.filter(purpose_ref="ecf.fee:{fee}")
print(",".join(i.state for i in intents.order_by("pk")), fee.receipt_number or "-",
      LedgerEntry.objects.filter(purpose_ref="ecf.fee:{fee}").count(),
      SandboxCharge.objects.filter(idempotency_key__startswith="ecf.fee:{fee}#").count())
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pay(port: int, fee: int, token: str) -> tuple[int, dict]:
    card = {"number": "4111111111111111", "exp_month": 12, "exp_year": 2030, "cvc": "123"}
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"http://127.0.0.1:{port}/api/v1/me/fees-due/{fee}/payment",
        data=json.dumps({"card": {**card, "name": "Alice Attorney"}}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": f"crash-{fee}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _server(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "openecf.wsgi:application", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            assert server.poll() is None, "gunicorn did not start"
            assert time.monotonic() < deadline, "gunicorn did not listen"
            time.sleep(0.1)


@pytest.mark.parametrize(
    ("moment", "states", "charged"),
    [
        ("after", "completed", True),  # charged: the payment completes, the fee shows paid
        ("before", "failed,completed", False),  # never charged: paying again charges once
    ],
)
def test_a_server_worker_killed_mid_payment_leaves_a_paid_fee_or_nothing_charged(
    database,  # noqa: F811
    tmp_path,
    moment,
    states,
    charged,
):
    env, _ = database
    base = {"after": 1000, "before": 2000}[moment]
    fee, token = _run(env, "-c", SETUP.format(base=base)).split()[-2:]
    port = _free_port()
    paused = {
        **env,
        "DJANGO_SETTINGS_MODULE": "openecf.payments.tests.crash_settings",
        pausing_gateway.PAUSE: f"{moment}:{tmp_path}",
    }
    server = _server(paused, port)
    try:
        answers: list = []
        client = threading.Thread(target=lambda: answers.append(_catch(_pay, port, fee, token)))
        client.start()
        mark = tmp_path / moment
        deadline = time.monotonic() + 120
        while not mark.exists() or not mark.read_text().strip():
            assert time.monotonic() < deadline, "the worker never reached the pause"
            time.sleep(0.05)
        os.kill(int(mark.read_text()), signal.SIGKILL)  # the gunicorn worker paying
        client.join(timeout=60)
        assert answers and not (isinstance(answers[0], tuple) and answers[0][0] == 201)
    finally:
        server.terminate()
        server.wait(timeout=60)

    _run(env, "-m", "openecf", "payments", "check")
    _run(env, "-m", "openecf", "payments", "resolve", "--older-than", "0")
    _run(env, "-m", "openecf", "payments", "check")
    if not charged:  # nothing was charged: the person pays again, once
        again = _server(env, port)
        try:
            assert _pay(port, int(fee), token)[0] == 201
        finally:
            again.terminate()
            again.wait(timeout=60)
        _run(env, "-m", "openecf", "payments", "check")
    found, receipt, rows, captures = _run(env, "-c", REPORT.format(fee=fee)).split()
    assert (found, receipt.startswith("AMOWDC-"), rows, captures) == (states, True, "1", "1")


def _catch(call, *args):
    try:
        return call(*args)
    except OSError as error:  # the worker died with the connection open
        return error
