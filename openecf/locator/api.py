"""The Case Locator in the JSON API: ``GET /api/v1/locator/cases`` (names promised to programs)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema

from openecf.billing import facade as billing
from openecf.core.api_auth import signed_in
from openecf.core.errors import InputInvalid, NotSignedIn
from openecf.core.records import copy_of
from openecf.locator import actions, rules, viewing
from openecf.locator.forms import known_courts

router = Router(tags=["locator"])


class LocatorQuery(Schema):
    party_name: str = ""
    exact: bool = False
    case_number: str = ""
    court_id: str = ""
    kind: str = ""
    filed_from: date | None = None
    filed_to: date | None = None
    nature_of_suit: str = ""
    chapter: int | None = None
    page: int = 1


class FoundCaseOut(Schema):
    court_id: str
    case_number: str
    caseid: int
    title: str
    date_filed: date
    url: str
    shown_number: str
    court_kind: str
    date_terminated: date | None
    chapter: int | None


class LocatorReceiptOut(Schema):
    pages: int
    amount: str
    client_code: str
    description: str
    criteria: str


class LocatorOut(Schema):
    cases: list[FoundCaseOut]
    page: int
    pages: int
    count: int
    receipt: LocatorReceiptOut


@router.get(
    "/locator/cases",
    response=LocatorOut,
    auth=signed_in,
    summary="Search every court's cases (the PACER Case Locator); billed per result page",
    description=(
        'Search by `party_name` ("Last, First"; `*` stands for any letters after at least '
        "two; `exact=true` asks for a name of exactly those words), `case_number` (whole or in "
        "part), `court_id`, `kind` (district, bankruptcy, appellate), `filed_from`/`filed_to`, "
        "`nature_of_suit`, `chapter`; `page` from 1, 54 cases a page, newest filing first. "
        "Sealed cases are never listed. Each request is one view of one result page, charged "
        "$0.10 (a search with no result is one page) with the session's client code; "
        "`receipt` is the transaction receipt. 422 `invalid_input` with `fields` for a bad "
        "search (nothing to search by, a `filed_from` after `filed_to`, a page past the "
        "last), 403 `pacer_access_suspended` for a bill past due; nothing is charged then."
    ),
)
def search_cases(request: HttpRequest, query: Query[LocatorQuery]) -> LocatorOut:
    account = request.account  # type: ignore[attr-defined]
    if account is None:
        raise NotSignedIn("Sign in with your PACER account.")
    criteria, problems = rules.read_criteria(
        party_name=query.party_name,
        exact=query.exact,
        case_number=query.case_number,
        court_id=query.court_id,
        kind=query.kind,
        filed_from=query.filed_from,
        filed_to=query.filed_to,
        nature_of_suit=query.nature_of_suit,
        chapter=query.chapter,
        known_courts=known_courts() if query.court_id.strip() else None,
    )
    if criteria is None:
        raise InputInvalid(problems)
    found = actions.search_cases(
        account_id=account.pk,
        username=account.username,
        criteria=criteria,
        page=query.page,
        view_key=viewing.fresh_key(account.pk),
        client_code=billing.client_code_of(request),
    )
    receipt = found.receipt
    return LocatorOut(
        cases=[copy_of(FoundCaseOut, c) for c in found.cases],
        page=found.page,
        pages=found.pages,
        count=found.count,
        receipt=LocatorReceiptOut(
            pages=receipt.pages,
            amount=f"{receipt.amount:.2f}",
            client_code=receipt.client_code,
            description=receipt.description,
            criteria=receipt.criteria,
        ),
    )
