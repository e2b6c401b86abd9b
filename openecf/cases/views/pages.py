"""What a signed-in person sees of cases: find by number, a case's summary, my cases."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from openecf.cases import facade
from openecf.cases.access import is_court_user
from openecf.cases.forms import NumberForm
from openecf.cases.rules import parse_number
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import signed_in_court
from openecf.courts.presentation import court_page

NOT_A_NUMBER = "Enter a case number, in full or in part: 18-123, 4:18cv123 or 4:18-cv-00123."


@domain_errors_as_pages
def find_case(request: HttpRequest, court_id: str) -> HttpResponse:
    """Query by case number: one match opens the case, several are the "possible cases"."""
    court, standing = signed_in_court(request, court_id, to="find a case")
    form = NumberForm(request.GET or None)
    found: list[facade.Case] | None = None
    if form.is_valid():
        number = form.cleaned_data["number"]
        if parse_number(number) is None:
            form.add_error("number", NOT_A_NUMBER)
        else:
            found = facade.find_cases(court_id=court.pk, number=number, standing=standing)
            if len(found) == 1:
                return redirect("cases:summary", court_id=court.pk, caseid=found[0].caseid)
    status = 400 if form.errors else 200
    return court_page(request, court, "cases/find.html", status=status, form=form, found=found)


@domain_errors_as_pages
def case_summary(request: HttpRequest, court_id: str, caseid: int) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="see a case")
    case = facade.visible_case(standing=standing, caseid=caseid)
    court_user = is_court_user(standing)
    counsel = not court_user and facade.is_attorney_on_case(
        caseid=case.caseid, account_id=standing.account_id or 0
    )
    return court_page(
        request,
        court,
        "cases/summary.html",
        case=case,
        parties=facade.parties(caseid=case.caseid),
        judge=facade.judge_name(case),
        court_user=court_user,
        counsel=counsel,
        # The filing pages' first step with the case filled in.
        filing_link=f"{reverse('docket:filing_start', args=[court.pk])}?"
        f"{urlencode({'case_number': case.case_number}, safe=':')}",
    )


@domain_errors_as_pages
def my_cases(request: HttpRequest) -> HttpResponse:
    """Every case the signed-in person is an attorney of record on, at every court."""
    account = getattr(request, "account", None)
    if account is None:
        from openecf.core.errors import NotSignedIn

        raise NotSignedIn("Sign in to see your cases.")
    return render(
        request,
        "cases/mine.html",
        {"me": account, "tab": "cases", "cases": facade.my_cases(account_id=account.pk)},
    )
