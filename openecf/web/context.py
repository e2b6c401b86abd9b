"""What every page needs: who is signed in, and the session's expiry for the warning."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from openecf.signon import facade as signon


def site(request: HttpRequest) -> dict:
    session = getattr(request, "cso_session", None)
    return {
        "account": getattr(request, "account", None),
        "session_expires_at": signon.session_expires_at(session).isoformat() if session else "",
        "show_outbox": settings.DEBUG,
    }
