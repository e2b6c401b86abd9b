"""The real settings with the pausing sandbox as the gateway (test_crash's subprocesses)."""

from openecf.settings import *  # noqa: F403
from openecf.settings import OPENECF_PAYMENT_GATEWAY

OPENECF_PAYMENT_GATEWAY = {
    **OPENECF_PAYMENT_GATEWAY,
    "class": "openecf.payments.tests.pausing_gateway.PausingSandboxGateway",
}
