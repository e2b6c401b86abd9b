"""Where this site is reached from outside a page: the start of every link in an e-mail.

The one reader of ``settings.OPENECF_BASE_URL`` (``config.base_url`` checks it at start-up).
Paths come from ``django.urls.reverse``, never from hand-built strings.
"""

from __future__ import annotations

from django.conf import settings


def absolute(path: str) -> str:
    """The full address of ``path`` (``/account/``) on this site: ``https://ecf.example/account/``."""
    return f"{settings.OPENECF_BASE_URL.rstrip('/')}{path}"
