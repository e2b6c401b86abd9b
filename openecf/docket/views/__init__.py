"""The docket's pages: the clerk's event catalogue, filing an entry, a case's docket."""

from openecf.docket.views.catalogue import add_event, edit_event, event_catalogue

__all__ = ["add_event", "edit_event", "event_catalogue"]
