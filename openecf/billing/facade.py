"""What other apps may ask of PACER billing (the court report pages charge through this).

A report page asks ``may_access`` (suspended bills see no reports), shows ``quote(...)`` (the
cost confirmation) and, when the person goes on, calls ``charge(...)`` with a key unique to
that view; it shows the ``Receipt`` at the bottom of the page. Only plain frozen dataclasses
cross this boundary.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from openecf.billing import actions, queries, rules
from openecf.billing.actions.charging import Priced, price, suspended_message
from openecf.billing.errors import PacerAccessSuspended
from openecf.billing.models import AccessCharge, SessionClientCode
from openecf.billing.rules import AccessKind, html_pages, locator_pages
from openecf.core import clock

if TYPE_CHECKING:
    from django.http import HttpRequest

P = ParamSpec("P")

__all__ = [
    "Access",
    "AccessKind",
    "PacerAccessSuspended",
    "Quote",
    "Receipt",
    "charge",
    "client_code_of",
    "html_pages",
    "locator_pages",
    "may_access",
    "quote",
]


@dataclass(frozen=True)
class Quote:
    """The cost to show before the view (CM/ECF's cost confirmation)."""

    pages: int
    amount: Decimal
    capped: bool
    free_reason: str
    client_code_required: bool


@dataclass(frozen=True)
class Receipt:
    """The transaction receipt at the bottom of a charged page."""

    view_key: str
    at: datetime
    username: str
    client_code: str
    court_id: str | None
    kind: str
    description: str
    criteria: str
    pages: int
    amount: Decimal
    free_reason: str


@dataclass(frozen=True)
class Access:
    allowed: bool
    message: str


Row = TypeVar("Row")
Out = TypeVar("Out")


def _answering(
    convert: Callable[[Row], Out],
) -> Callable[[Callable[P, Row]], Callable[P, Out]]:
    """The function, answering ``convert`` of what it returns (a frozen copy, not a row)."""

    def wrap(function: Callable[P, Row]) -> Callable[P, Out]:
        @functools.wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> Out:
            return convert(function(*args, **kwargs))

        return run

    return wrap


def _quote_of(priced: Priced) -> Quote:
    return Quote(**asdict(priced.fee), client_code_required=priced.client_code_required)


def receipt_of(row: AccessCharge) -> Receipt:
    return Receipt(**{f.name: getattr(row, f.name) for f in fields(Receipt)})


# quote(*, account_id, court_id, kind, pages=None, size_bytes=None, free_look=False,
#       standing=None) -> Quote: what the view will cost this person (nothing is written).
quote = _answering(_quote_of)(price)

# charge(*, view_key, account_id, court_id, kind, description, criteria="", pages=None,
#        size_bytes=None, client_code="", free_look=False, standing=None, username=None)
#        -> Receipt: record the view's access charge once per ``view_key`` (a repeat answers
# the same receipt). A court page passes the viewer's ``standing`` at the court and their
# ``username``, which billing then does not read again. Raises
# ``PacerAccessSuspended`` (403) for a bill past due, ``InputInvalid`` (422) for a missing
# mandatory client code or a bad kind, ``NotFound`` for an unknown court.
charge = _answering(receipt_of)(actions.charge)


def may_access(account_id: int) -> Access:
    """Whether the person may search and view PACER now (their bill is not past due)."""
    message = suspended_message(queries.billed_account(account_id), now=clock.now())
    return Access(allowed=not message, message=message)


def client_code_of(request: HttpRequest) -> str:
    """The client code of the request's sign-on session: set in Manage My Account, else at
    sign-in."""
    session = getattr(request, "cso_session", None)
    if session is None:
        return ""
    chosen = (
        SessionClientCode.objects.filter(session_id=session.pk)
        .values_list("client_code", flat=True)
        .first()
    )
    return chosen if chosen is not None else (getattr(session, "client_code", "") or "")


QUARTER_WAIVER = rules.QUARTER_WAIVER
