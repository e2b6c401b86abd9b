"""Call the JSON API from a test as a program would: a JSON body and, if given, a bearer token."""

from __future__ import annotations

from typing import Any

from django.test import Client

from openecf.tests_support.signon import sign_in


def bearer_token(account, **session) -> str:
    """A new Central Sign-On session's token for ``account``, to send as ``Bearer <token>``."""
    return sign_in(Client(), account, **session)


def call(client: Client, method: str, path: str, body: Any = None, *, token: str | None = None):
    """``method`` ``path`` with ``body`` as JSON (as query parameters for GET)."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    send = getattr(client, method.lower())
    if method.upper() == "GET":
        return send(path, body, **headers)
    return send(path, {} if body is None else body, content_type="application/json", **headers)
