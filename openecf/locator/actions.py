"""A Case Locator search as a person runs it: refused for a suspended bill, searched, charged
once per view through ``billing.facade`` (kind ``search``: one billable page per result page
viewed, a search with no result is one page), answered with its receipt."""

from __future__ import annotations

from dataclasses import dataclass

from openecf.billing import facade as billing
from openecf.core.errors import InputInvalid
from openecf.core.records import copy_of
from openecf.locator import rules, search


@dataclass(frozen=True)
class Found(search.Hit):
    """One case on a result page: the indexed case and where its court shows it."""

    url: str


@dataclass(frozen=True)
class ResultPage:
    cases: tuple[Found, ...]
    count: int  # cases matching in all
    page: int
    pages: int
    receipt: billing.Receipt


def case_url(court_id: str, caseid: int) -> str:
    """The court's CM/ECF Query of the case, with the menu of its reports (docket report, case
    summary); who may see the case is that court's to decide."""
    return f"/{court_id}/cgi-bin/iquery.pl?{caseid}"


def _found(row: search.Hit) -> Found:
    return copy_of(Found, row, url=case_url(row.court_id, row.caseid))


def search_cases(
    *,
    account_id: int,
    username: str,
    criteria: rules.Criteria,
    page: int,
    view_key: str,
    client_code: str = "",
) -> ResultPage:
    """Run the search and charge the result page viewed (once per ``view_key``).

    ``username``: the signed-in person's, for the receipt, so billing does not read the account
    again. A search is no court's (``court_id`` None), so no standing at a court prices it.

    Refuses, charging nothing: a suspended bill (``PacerAccessSuspended``), a page past the
    last (``InputInvalid``), a missing mandatory client code (``InputInvalid``).
    """
    allowed = billing.may_access(account_id)
    if not allowed.allowed:
        raise billing.PacerAccessSuspended(allowed.message)
    if page < 1:
        raise InputInvalid({"page": ["Pages are numbered from 1."]})
    rows, count = search.page_of(criteria, page=page)
    pages = rules.pages_of(count)
    if page > pages:
        raise InputInvalid(
            {"page": [f"This search has {pages} page{'s' if pages > 1 else ''} of results."]}
        )
    receipt = billing.charge(
        view_key=view_key,
        account_id=account_id,
        court_id=None,
        kind=billing.AccessKind.SEARCH,
        pages=billing.locator_pages(len(rows)),
        description="Case Locator search",
        criteria=f"{criteria.described()}; page {page} of {pages}",
        client_code=client_code,
        username=username,
    )
    return ResultPage(
        cases=tuple(_found(row) for row in rows),
        count=count,
        page=page,
        pages=pages,
        receipt=receipt,
    )
