from __future__ import annotations

import pytest
import time_machine

from openecf.signon.tests.factories import NOW


@pytest.fixture
def frozen():
    """Stop the clock at NOW so TOTP codes and lockouts are exact."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def login(client):
    """``login(username, password, **fields)`` posts the sign-in form."""

    def post(username, password, **fields):
        addr = fields.pop("addr", "10.0.0.1")
        data = {"username": username, "password": password, **fields}
        return client.post("/login/", data, REMOTE_ADDR=addr)

    return post
