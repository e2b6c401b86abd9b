"""Where e-mailed links point: OPENECF_BASE_URL when set, else the address of this request."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def base_url(request: HttpRequest) -> str:
    configured = getattr(settings, "OPENECF_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    return request.build_absolute_uri("/").rstrip("/")
