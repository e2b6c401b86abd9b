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
import urllib.error
import urllib.request

import pytest

from openecf.payments.tests import pausing_gateway
from openecf.payments.tests.test_crash import _run, database  # noqa: F401 - a fixture
from openecf.tests_support.killing import reached

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
        with urllib.request.urlopen(request, timeout=120) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _server(env: dict) -> tuple[subprocess.Popen, int]:
    """gunicorn with one worker, and its port. Its socket is bound and listening here before it
    starts, so a request made at once waits in the backlog for the worker instead of being
    refused: nothing to poll. Its output is piped, for the pausing worker's line."""
    with socket.create_server(("127.0.0.1", 0)) as listening:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "openecf.wsgi:application", "--workers", "1",
             "--bind", f"fd://{listening.fileno()}", "--timeout", "120"],
            env=env, pass_fds=[listening.fileno()], stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        return server, listening.getsockname()[1]


@pytest.mark.parametrize(
    ("moment", "states", "charged"),
    [
        ("after", "completed", True),  # charged: the payment completes, the fee shows paid
        ("before", "failed,completed", False),  # never charged: paying again charges once
    ],
)
def test_a_server_worker_killed_mid_payment_leaves_a_paid_fee_or_nothing_charged(
    database,  # noqa: F811
    moment,
    states,
    charged,
):
    env, _ = database
    base = {"after": 1000, "before": 2000}[moment]
    fee, token = _run(env, "-c", SETUP.format(base=base)).split()[-2:]
    paused = {
        **env,
        "DJANGO_SETTINGS_MODULE": "openecf.payments.tests.crash_settings",
        pausing_gateway.PAUSE: moment,
    }
    server, port = _server(paused)
    try:
        answers: list = []
        client = threading.Thread(target=lambda: answers.append(_catch(_pay, port, fee, token)))
        client.start()
        worker = int(reached(server, moment))  # the gunicorn worker paying, paused there
        assert worker != server.pid
        os.kill(worker, signal.SIGKILL)
        client.join(timeout=60)
        assert answers and not (isinstance(answers[0], tuple) and answers[0][0] == 201)
    finally:
        server.terminate()
        server.wait(timeout=60)

    _run(env, "-m", "openecf", "payments", "check")
    _run(env, "-m", "openecf", "payments", "resolve", "--older-than", "0")
    _run(env, "-m", "openecf", "payments", "check")
    if not charged:  # nothing was charged: the person pays again, once
        again, port = _server(env)
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
