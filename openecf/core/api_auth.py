"""API authentication: the Central Sign-On session the middleware already resolved.

A program sends the ``nextGenCSO`` token as ``Authorization: Bearer``; a browser sends the
``NextGenCSO`` cookie (and then CSRF applies).
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer


class CentralSignOnBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        return getattr(request, "account", None)


class CentralSignOnCookie(APIKeyCookie):
    param_name = "NextGenCSO"

    def authenticate(self, request: HttpRequest, key: str | None):
        return getattr(request, "account", None)


signed_in = [CentralSignOnBearer(), CentralSignOnCookie()]
