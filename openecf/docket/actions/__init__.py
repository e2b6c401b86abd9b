"""The docket's writes, by topic: the event catalogue (filing an entry comes next)."""

from openecf.docket.actions.catalogue import (
    EventChoices,
    ensure_catalogue,
    event_problems,
    save_event,
)

__all__ = ["EventChoices", "ensure_catalogue", "event_problems", "save_event"]
