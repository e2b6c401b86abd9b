"""A paying process killed with SIGKILL: afterwards a completed payment with its receipt, or
nothing charged, and ``openecf payments check`` holds. Real subprocesses, a real database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid

import pytest

from openecf.payments.tests import pausing_gateway
from openecf.tests_support.killing import kill, reached

PAY = """
import django
django.setup()
from decimal import Decimal
from openecf.payments import facade
facade.pay(payer_id={payer}, court_id="mowd", purpose="court_fee", purpose_ref="{ref}",
           description="Pro hac vice fee", amount=Decimal("100.00"),
           card=facade.Card(number="4111111111111111", exp_month=12, exp_year=2030,
                            cvc="123", name="Alice Attorney"))
"""

SETUP = """
import django
django.setup()
from openecf.courts import demo
from openecf.tests_support.factories import AccountFactory
demo.load()
print(AccountFactory(purpose="attorney_filer").pk)
"""

REPORT = """
import django
django.setup()
from openecf.payments.models import LedgerEntry, PaymentIntent, SandboxCharge
intent = PaymentIntent.objects.get(purpose_ref="{ref}")
print(intent.state, intent.receipt_number or "-", LedgerEntry.objects.filter(intent=intent).count(),
      SandboxCharge.objects.filter(idempotency_key=intent.idempotency_key).count())
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated database of its own (a SQLite file, or a PostgreSQL database when the suite
    runs on PostgreSQL) and the environment to reach it: ``(env, payer_id)``."""
    data = tmp_path_factory.mktemp("crash")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openecf.settings",
        "OPENECF_DATA": str(data),
        "OPENECF_TASKS": "immediate",
        "SECRET_KEY": "crash-test-secret-key-0123456789-0123456789-0123456789",
        "EMAIL_URL": "",
    }
    env.pop("EMAIL_URL")
    url = os.environ.get("DATABASE_URL", "")
    name = ""
    if url.startswith("postgres"):
        import psycopg

        name = f"openecf_payments_crash_{uuid.uuid4().hex[:8]}"
        server = url.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{server}/{name}"
    _run(env, "-m", "openecf", "migrate", "-v", "0")
    payer = int(_run(env, "-c", SETUP).strip().splitlines()[-1])
    yield env, payer
    if name:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _run(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _kill_while_paying(env: dict, payer: int, ref: str, moment: str) -> None:
    paused = {
        **env,
        "DJANGO_SETTINGS_MODULE": "openecf.payments.tests.crash_settings",
        pausing_gateway.PAUSE: moment,
    }
    process = subprocess.Popen(
        [sys.executable, "-c", PAY.format(payer=payer, ref=ref)],
        env=paused,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert int(reached(process, moment)) == process.pid  # the payer itself, paused there
    finally:
        kill(process)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("moment", "settled"),
    [
        ("after", "completed"),  # the card was charged: the payment completes, with its receipt
        ("before", "failed"),  # the gateway was never asked: nothing charged
    ],
)
def test_a_payment_killed_mid_way_is_settled_and_the_ledger_holds(database, moment, settled):
    env, payer = database
    ref = f"ecf.fee:crash-{moment}"

    _kill_while_paying(env, payer, ref, moment)

    _run(env, "-m", "openecf", "payments", "check")  # pending, not yet stale: still sound
    _run(env, "-m", "openecf", "payments", "resolve", "--older-than", "0")
    _run(env, "-m", "openecf", "payments", "check")
    state, receipt, rows, charges = _run(env, "-c", REPORT.format(ref=ref)).split()
    if settled == "completed":
        assert (state, receipt.startswith("AMOWDC-"), rows, charges) == (
            "completed",
            True,
            "1",
            "1",
        )
    else:
        assert (state, receipt, rows, charges) == ("failed", "-", "0", "0")
