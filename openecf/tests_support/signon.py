"""Sign a test client in through a real Central Sign-On session."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from openecf.signon.sessions import start_session


def sign_in(client: Client, account, **kwargs) -> str:
    started = start_session(account_id=account.pk, **kwargs)
    client.cookies[settings.CSO_COOKIE_NAME] = started.token
    return started.token


def assert_asks_to_sign_in(path: str) -> None:
    """An anonymous visitor asking for ``path`` is sent to sign in, and back to ``path`` after."""
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={path}"
