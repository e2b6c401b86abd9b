"""``/<court>/cgi-bin/SearchClaims.pl``: a bankruptcy case's claims register (``reports/claims.py``).

``SearchClaims.pl?<caseid>`` (or CM/ECF's ``?caseid=<id>;sc``) is the criteria form; its POST
charges the register as a case-specific report (``billing``, once per view: the view's key is
in the form) and shows it with the PACER receipt at its foot. Only bankruptcy cases have one.
"""

from __future__ import annotations

import re
import secrets

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.billing import facade as billing
from openecf.cases import facade as cases
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.web import domain_errors_as_pages
from openecf.courts.access import Standing, signed_in_court
from openecf.courts.models import Court
from openecf.reports import sheet
from openecf.reports.access import RecordAccess, record_access
from openecf.reports.claims import ClaimsCriteria, charge_register, register
from openecf.reports.forms import CaseNumberForm, ClaimsCriteriaForm
from openecf.reports.query_string import caseid_of

BANKRUPTCY_KINDS = ("bk",)


def claims_access(standing: Standing, caseid: int) -> RecordAccess:
    """The person's access to a bankruptcy case; any other case has no claims register."""
    access = record_access(standing, caseid)
    if access.case.kind not in BANKRUPTCY_KINDS:
        raise NotFound(
            f"{access.case.shown_number} is not a bankruptcy case: it has no claims register."
        )
    return access


def claims_criteria(form: ClaimsCriteriaForm) -> ClaimsCriteria:
    data = form.cleaned_data
    return ClaimsCriteria(
        date_field="entered" if data.get("EntFil") == "Ent" else "filed",
        date_from=data.get("f_fromdt"),
        date_to=data.get("f_todt"),
        by_date=data.get("f_sort1") == "cl_dt_filed",
    )


def _caseid(request: HttpRequest) -> int | None:
    query = request.META.get("QUERY_STRING", "")
    named = re.match(r"caseid=(\d{1,18})(?:[;&]|$)", query)
    return int(named.group(1)) if named else caseid_of(query, request.POST)


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def claims_register(request: HttpRequest, court_id: str) -> HttpResponse:
    court, standing = signed_in_court(request, court_id, to="see a claims register")
    caseid = _caseid(request)
    if caseid is None:
        return _which_case(request, court, standing)
    access = claims_access(standing, caseid)
    form = ClaimsCriteriaForm(request.POST if request.method == "POST" else None)
    page = {"court": court, "case": access.case, "form": form}
    if request.method == "GET" or not form.is_valid():
        return render(
            request,
            "reports/claims_criteria.html",
            {**page, "view": secrets.token_hex(12)},
            status=422 if form.errors else 200,
        )
    nonce = request.POST.get("view", "") or secrets.token_hex(12)
    if not (nonce.isalnum() and len(nonce) <= 40):
        raise InputInvalid({"view": "This register link is damaged: run the register again."})
    assert standing.account_id is not None
    body, receipt = charge_register(
        register(access, claims_criteria(form), zone=court.time_zone),
        court_name=court.name,
        account_id=standing.account_id,
        standing=standing,
        username=request.account.username,
        view=nonce,
        client_code=billing.client_code_of(request),
    )
    return render(
        request,
        "reports/claims_register.html",
        {**page, "body": body, "receipt": sheet.receipt(receipt, court.time_zone)},
    )


def _which_case(request: HttpRequest, court: Court, standing: Standing) -> HttpResponse:
    """``SearchClaims.pl`` without a case: the bankruptcy case's number."""
    form = CaseNumberForm(request.GET if "case_num" in request.GET else None)
    if form.is_valid():
        found = [
            c
            for c in cases.find_cases(
                court_id=court.pk, number=form.cleaned_data["case_num"], standing=standing
            )
            if c.kind in BANKRUPTCY_KINDS
        ]
        if len(found) == 1:
            path = reverse("reports:claims_register", kwargs={"court_id": court.pk})
            return redirect(f"{path}?{found[0].caseid}")
        form.add_error(
            "case_num",
            "No bankruptcy case of this court has that number: check it."
            if not found
            else "Several bankruptcy cases have that number: enter it in full.",
        )
    return render(
        request,
        "reports/claims_which_case.html",
        {"court": court, "form": form},
        status=422 if form.errors else 200,
    )
