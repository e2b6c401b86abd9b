"""What other apps use of notices: the free-look check the document view calls, the filer's
free look and the service-by-other-means list for the receipt page, and the notice of a
newly filed entry (called by notices' own receiver of the docket's ``entry_filed``).

Only frozen dataclasses and plain values cross this boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

from openecf.notices import actions, queries
from openecf.notices.recipients import Candidate, FiledDocument, FiledEntry

__all__ = [
    "Candidate",
    "FiledDocument",
    "FiledEntry",
    "OtherMeans",
    "filer_free_look",
    "notify_entry",
    "service_by_other_means",
    "use_free_look",
]


@dataclass(frozen=True)
class OtherMeans:
    """Someone the filer must serve by other means (paper), and why."""

    name: str
    postal_address: str
    email: str  # the address that bounced, or ""
    reason: str  # "no e-mail on file", or the mail server's refusal


def use_free_look(*, court_id: str, doc_id: str, token: str, account_id: int | None) -> str:
    """The document view asks this before showing a document reached by a notice's link:
    ``"free"`` (show it free: the link's first use within 15 days, now spent),
    ``"sign_in"`` (ask for sign-in), ``"recorded"`` (signed in; the view is recorded and
    charged as usual)."""
    return actions.use_free_look(
        court_id=court_id, doc_id=doc_id, token=token, account_id=account_id
    )


def filer_free_look(
    *, court_id: str, caseid: int, entry_id: int, doc_id: str, account_id: int
) -> str | None:
    """The filer's one free look at the filed document (the receipt page's link), or None
    once used."""
    return actions.filer_free_look(
        court_id=court_id, caseid=caseid, entry_id=entry_id, doc_id=doc_id, account_id=account_id
    )


def service_by_other_means(*, court_id: str, entry_id: int) -> list[OtherMeans]:
    """Whom the filer of the entry must serve on paper (the receipt page shows it)."""
    return [
        OtherMeans(
            name=row.name,
            postal_address=row.postal_address,
            email=row.address,
            reason=(
                f"not delivered ({row.email.last_error}); serve by other means"
                if row.email is not None
                else "no e-mail on file; serve by other means"
            ),
        )
        for row in queries.service_by_other_means(court_id, entry_id)
    ]


def notify_entry(*, entry: FiledEntry) -> int:
    """Write the entry's notice and queue its e-mails INSIDE the caller's transaction;
    returns the notice's id."""
    return actions.notify_entry(entry=entry).pk
