"""Paths of a court's CM/ECF pages, from their route names (``ecf/urls.py``).

Messages, e-mails and redirects take their paths from here, never from hand-built strings, so
a page that moves is moved in one place. ``core.links.absolute`` makes them full addresses.
"""

from __future__ import annotations

from django.urls import reverse


def court_page(name: str, court_id: str, **kwargs: object) -> str:
    """The path of the court page named ``name`` (``"ecf:link"``) at ``court_id``."""
    return reverse(name, kwargs={"court_id": court_id, **kwargs})


def login_page(court_id: str) -> str:
    """CM/ECF's own login page, ``/<court>/cgi-bin/login.pl``."""
    return court_page("ecf:login", court_id)


def utilities_page(court_id: str) -> str:
    return court_page("ecf:utilities", court_id)


def link_page(court_id: str) -> str:
    """Utilities → Link a CM/ECF account to my PACER account."""
    return court_page("ecf:link", court_id)


def file_page(court_id: str) -> str:
    return court_page("ecf:file", court_id)


def fees_due_page() -> str:
    """Manage My Account → Court fees: what the person owes at every court."""
    return reverse("ecf_account:fees_due")


def court_fees_due_page(court_id: str) -> str:
    """Utilities → Internet payments due, at one court."""
    return court_page("ecf:fees_due", court_id)
