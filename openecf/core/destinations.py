"""Where a person goes next: the ``?next=`` a page honours, and links that carry it on.

Pure: no request, no database. Every page that returns someone to ``next`` (sign-in, upgrade,
MFA, linking) checks it here, so only a same-site path is ever followed.
"""

from __future__ import annotations

from urllib.parse import quote


def safe_next(target: str | None, default: str = "/") -> str:
    """Honour ``?next=`` only for a same-site relative path ("/x", never "//host" or "/\\host")."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ch in target for ch in "\r\n\t\\"):
        return default
    return target


def with_next(link: str, next_path: str) -> str:
    """``link`` with ``next=next_path`` added, so the page it opens can return there."""
    if not safe_next(next_path, ""):
        return link
    return f"{link}{'&' if '?' in link else '?'}next={quote(next_path, safe='/')}"
