"""The Case Locator page (``/locator/``): the search form, 54 cases a result page, the cost
and the PACER transaction receipt."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from openecf.billing import facade as billing
from openecf.core.errors import DomainError, InputInvalid, NotSignedIn
from openecf.core.web import domain_errors_as_pages, show_on_form
from openecf.locator import actions, viewing
from openecf.locator.forms import SearchForm

SEARCH_FIELDS = (
    "last_name", "first_name", "exact", "case_number", "court_id", "kind", "filed_from",
    "filed_to", "nature_of_suit", "chapter",
)  # fmt: skip


def _page_link(request: HttpRequest, page: int) -> str:
    kept = [(k, v) for k, v in request.GET.items() if k in SEARCH_FIELDS and v]
    return "?" + urlencode([*kept, ("page", page), ("view", viewing.new_token())])


@never_cache
@domain_errors_as_pages
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    account = getattr(request, "account", None)
    if account is None:
        raise NotSignedIn("Sign in with your PACER account to search the Case Locator.")
    searched = any(request.GET.get(name) for name in SEARCH_FIELDS) or "search" in request.GET
    form = SearchForm(request.GET if searched else None, initial={"view": viewing.new_token()})
    cost = billing.quote(account_id=account.pk, court_id=None, kind="search", pages=1)
    context: dict = {"form": form, "cost": cost, "access": billing.may_access(account.pk)}
    if not searched:
        return render(request, "locator/search.html", context)
    if not form.is_valid():
        return render(request, "locator/search.html", context, status=400)
    criteria, problems = form.criteria()
    if criteria is None:
        show_on_form(form, InputInvalid(problems))
        return render(request, "locator/search.html", context, status=400)
    page = form.cleaned_data["page"] or 1
    try:
        found = actions.search_cases(
            account_id=account.pk,
            username=account.username,
            criteria=criteria,
            page=page,
            view_key=viewing.view_key(
                account_id=account.pk,
                token=form.cleaned_data["view"],
                criteria=criteria.described(),
                page=page,
            ),
            client_code=billing.client_code_of(request),
        )
    except DomainError as error:
        show_on_form(form, error, aliases={"page": "__all__"})
        return render(request, "locator/search.html", context, status=error.status)
    fresh = dict(request.GET.items())
    fresh.update(view=viewing.new_token(), page="")  # a new search starts at its page 1
    return render(
        request,
        "locator/search.html",
        {
            **context,
            "form": SearchForm(fresh),
            "found": found,
            "previous": _page_link(request, page - 1) if page > 1 else "",
            "next": _page_link(request, page + 1) if page < found.pages else "",
        },
    )
