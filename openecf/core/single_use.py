"""Using a single-use e-mailed link (``core.models.SingleUseLink``): the one way every app does it."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from django.db.models import QuerySet

from openecf.core import tokens
from openecf.core.models import SingleUseLink

Link = TypeVar("Link", bound=SingleUseLink)


def use_link(links: QuerySet[Link], *, token: str, now: datetime) -> Link | None:
    """The link among ``links`` whose token is ``token``, locked and marked used at ``now``;
    None when there is none, or it was used or has expired. Call inside the transaction that
    acts on it, so a refusal later in that transaction leaves the link unused."""
    found = links.select_for_update().filter(token_digest=tokens.digest(token or "")).first()
    if found is None:
        return None
    if not tokens.link_is_live(expires_at=found.expires_at, used_at=found.used_at, now=now):
        return None
    found.used_at = now
    found.save(update_fields=["used_at"])
    return found
