"""The clerk's PACER fee exemptions at a court: the page (``/<court>/clerk/exemptions/``,
under the clerk's office menu) and the API (``/api/v1/courts/{court_id}/exemptions``).

Billing is central; the page lives at the court's path and asks the foundation's
``courts.access`` whether the person works the court's clerk's office (others: not found).
"""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from ninja import Router, Schema
from ninja.responses import Status

from openecf.accounts import facade as accounts
from openecf.billing import actions, rules
from openecf.billing.forms import GrantExemptionForm
from openecf.billing.models import Exemption
from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.errors import InputInvalid
from openecf.core.web import carried_out, domain_errors_as_pages
from openecf.courts.access import clerk_court
from openecf.courts.models import Court

PAGE = "PACER fee exemptions page"


def court_exemptions(court: Court) -> list[Exemption]:
    return list(
        Exemption.objects.filter(court=court)
        .select_related("account", "granted_by")
        .order_by("-ends_on", "-pk")[:500]
    )


def grant(*, court: Court, by_account_id: int, username: str, reason: str, scope: str,
          ends_on: date) -> Exemption:  # fmt: skip
    """Grant the exemption to the person named by ``username`` (``InputInvalid`` if none)."""
    person = accounts.person_by_username(username=username.strip())
    if person is None:
        raise InputInvalid({"username": ["There is no PACER account with that username."]})
    return actions.grant_exemption(
        court_id=court.pk, by_account_id=by_account_id, account_id=person.id,
        reason=reason, scope=scope, ends_on=ends_on,
    )  # fmt: skip


@domain_errors_as_pages
@require_http_methods(["GET", "POST"])
def exemptions_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = clerk_court(request, court_id, what=PAGE)
    form = GrantExemptionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and carried_out(
            request,
            form,
            lambda: grant(
                court=court, by_account_id=request.account.pk,  # type: ignore[attr-defined]
                **form.cleaned_data,
            ),
            lambda done: f"{form.cleaned_data['username'].strip()} is exempt from PACER fees "
            f"at {court.short_name or court.name} until {done.ends_on:%B %-d, %Y}.",
        )
    ):  # fmt: skip
        return redirect("billing:court_exemptions", court_id=court.pk)
    return render(
        request,
        "billing/court_exemptions.html",
        {
            "court": court,
            "form": form,
            "exemptions": court_exemptions(court),
            "today": rules.pacer_day(clock.now()),
        },
        status=400 if request.method == "POST" else 200,
    )


router = Router(tags=["billing"])


class ExemptionIn(Schema):
    username: str
    reason: str
    scope: str
    ends_on: date


class ExemptionOut(Schema):
    id: int
    username: str
    reason: str
    scope: str
    ends_on: date
    enabled: bool
    granted_by: str


class ExemptionsOut(Schema):
    exemptions: list[ExemptionOut]


def _out(row: Exemption) -> ExemptionOut:
    return ExemptionOut(
        id=row.pk, username=row.account.username, reason=row.reason, scope=row.scope,
        ends_on=row.ends_on, enabled=row.enabled, granted_by=row.granted_by.username,
    )  # fmt: skip


@router.get(
    "/courts/{court_id}/exemptions",
    response=ExemptionsOut,
    auth=signed_in,
    summary="The court's PACER fee exemptions (the court's clerks and the operator)",
    description="Anyone else gets 404, as for a court with no such page.",
)
def list_exemptions(request: HttpRequest, court_id: str) -> ExemptionsOut:
    court = clerk_court(request, court_id, what=PAGE)
    return ExemptionsOut(exemptions=[_out(row) for row in court_exemptions(court)])


@router.post(
    "/courts/{court_id}/exemptions",
    response={201: ExemptionOut},
    auth=signed_in,
    summary="Grant a person a PACER fee exemption at the court (the court's clerks)",
    description=(
        "`scope`: `all`, `documents` or `reports`; `ends_on`: the last day (PACER's calendar), "
        "today or later. 422 `invalid_input` with `fields` (an unknown username, no reason, a "
        "bad scope, an end in the past); 404 for anyone but the court's clerks and the operator."
    ),
)
def grant_exemption(request: HttpRequest, court_id: str, payload: ExemptionIn):
    court = clerk_court(request, court_id, what=PAGE)
    done = grant(
        court=court, by_account_id=request.account.pk,  # type: ignore[attr-defined]
        username=payload.username, reason=payload.reason, scope=payload.scope,
        ends_on=payload.ends_on,
    )  # fmt: skip
    row = Exemption.objects.select_related("account", "granted_by").get(pk=done.pk)
    return Status(201, _out(row))
