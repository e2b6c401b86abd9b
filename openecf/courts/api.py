"""Court registry API: list and read courts."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from openecf.core import clock
from openecf.core.api_auth import signed_in
from openecf.core.errors import InputInvalid
from openecf.courts import access, actions, fees, queries, rules
from openecf.courts.models import Court, DivisionalOffice

router = Router(tags=["courts"])


class OfficeSchema(Schema):
    number: int
    name: str


class CourtOut(Schema):
    court_id: str
    name: str
    short_name: str
    kind: str
    state: str
    time_zone: str
    cmecf_status: Literal["legacy", "nextgen"]
    nextgen_go_live: datetime | None
    pdf_size_limit_mb: int
    clerk_phone: str
    clerk_email: str
    clerk_help_text: str
    divisional_offices: list[OfficeSchema]


class CourtFilters(Schema):
    kind: Literal["appellate", "district", "bankruptcy"] | None = None
    state: str | None = None
    status: Literal["legacy", "nextgen"] | None = None
    q: str | None = None


class CourtList(Schema):
    count: int
    courts: list[CourtOut]


def court_out(court: Court, now: datetime, offices: list[tuple[int, str]] | None = None) -> dict:
    """One court as the API shows it (a plain dict: ninja validates it once, on the way out)."""
    if offices is None:
        offices = list(court.offices.values_list("number", "name"))
    return {
        "court_id": court.id,
        "name": court.name,
        "short_name": court.short_name,
        "kind": court.kind,
        "state": court.state,
        "time_zone": court.time_zone,
        "cmecf_status": rules.cmecf_status(court.nextgen_go_live, now),
        "nextgen_go_live": court.nextgen_go_live.astimezone(UTC) if court.nextgen_go_live else None,
        "pdf_size_limit_mb": court.pdf_size_limit_mb,
        "clerk_phone": court.clerk_phone,
        "clerk_email": court.clerk_email,
        "clerk_help_text": court.clerk_help_text,
        "divisional_offices": [{"number": number, "name": name} for number, name in offices],
    }


@router.get("", response=CourtList, summary="List courts")
def list_courts(request: HttpRequest, filters: Query[CourtFilters]) -> dict:
    now = clock.now()
    found = list(
        queries.courts(
            queries.CourtFilter(
                kind=filters.kind, state=filters.state, status=filters.status, search=filters.q
            ),
            now,
        )
    )
    offices: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for court_id, number, name in DivisionalOffice.objects.filter(
        court__in=[c.id for c in found]
    ).values_list("court_id", "number", "name"):
        offices[court_id].append((number, name))
    rows = [court_out(c, now, offices[c.id]) for c in found]
    return {"count": len(rows), "courts": rows}


@router.get("/{court_id}", response=CourtOut, summary="One court")
def get_court(request: HttpRequest, court_id: str) -> dict:
    return court_out(queries.get_court(court_id), clock.now())


class CourtSettingsIn(Schema):
    nextgen_go_live: str | None = None
    pdf_size_limit_mb: int | None = None
    clerk_phone: str | None = None
    clerk_email: str | None = None
    clerk_help_text: str | None = None
    divisional_offices: list[OfficeSchema] | None = None


@router.patch(
    "/{court_id}/settings",
    response=CourtOut,
    auth=signed_in,
    summary="Change a court's settings (clerk's office)",
    description=(
        "`nextgen_go_live`: `YYYY-MM-DD` (midnight court time), `YYYY-MM-DDTHH:MM` (court time), "
        'a full ISO time with offset, or `""` to clear. Omitted fields keep their value.'
    ),
)
def patch_court_settings(request: HttpRequest, court_id: str, payload: CourtSettingsIn) -> dict:
    court = _clerks_court(request, court_id)
    go_live = court.nextgen_go_live
    if payload.nextgen_go_live is not None:
        try:
            go_live = (
                rules.parse_go_live(payload.nextgen_go_live, court.time_zone)
                if payload.nextgen_go_live
                else None
            )
        except ValueError as exc:
            raise InputInvalid({"nextgen_go_live": str(exc)}) from None
    limit = (
        court.pdf_size_limit_mb if payload.pdf_size_limit_mb is None else payload.pdf_size_limit_mb
    )
    email = court.clerk_email if payload.clerk_email is None else payload.clerk_email.strip()
    offices = (
        None
        if payload.divisional_offices is None
        else [(o.number, o.name.strip()) for o in payload.divisional_offices]
    )
    try:
        court = actions.update_court_settings(
            actor_id=request.account.pk,
            court=court,
            nextgen_go_live=go_live,
            pdf_size_limit_mb=limit,
            clerk_phone=court.clerk_phone
            if payload.clerk_phone is None
            else payload.clerk_phone.strip()[:40],
            clerk_email=email,
            clerk_help_text=court.clerk_help_text
            if payload.clerk_help_text is None
            else payload.clerk_help_text,
            offices=offices,
        )
    except InputInvalid as problems:
        raise problems.renamed({"offices": "divisional_offices"}) from None
    return court_out(court, clock.now())


FeeKindName = Literal[tuple(fees.FeeKind.values)]  # type: ignore[valid-type]


class FeeLineOut(Schema):
    kind: FeeKindName
    label: str
    amount: Decimal
    national_amount: Decimal


class FeeScheduleOut(Schema):
    court_id: str
    fees: list[FeeLineOut]
    dues_cycle_years: int
    fee_before_privilege: bool


class FeeSettingsIn(Schema):
    amounts: dict[FeeKindName, Decimal] = {}
    dues_cycle_years: int | None = None
    fee_before_privilege: bool | None = None


class FeeChangeOut(Schema):
    setting: str
    before: str
    after: str
    changed_by: str
    changed_at: datetime


class FeeHistoryOut(Schema):
    changes: list[FeeChangeOut]


def _schedule_out(schedule: fees.FeeSchedule) -> dict:
    return {
        "court_id": schedule.court_id,
        "fees": [
            {
                "kind": line.kind,
                "label": line.label,
                "amount": line.amount,
                "national_amount": line.national,
            }
            for line in schedule.lines
        ],
        "dues_cycle_years": schedule.dues_cycle_years,
        "fee_before_privilege": schedule.fee_before_privilege,
    }


@router.get(
    "/{court_id}/fees",
    response=FeeScheduleOut,
    summary="A court's fee schedule",
    description="Every kind of court fee with the court's amount (0: no fee) and the national "
    "schedule's; the dues cycle in calendar years (0: no dues); whether a fee must be paid "
    "before the privilege it comes with is active.",
)
def get_court_fees(request: HttpRequest, court_id: str) -> dict:
    court = queries.get_court(court_id)
    return _schedule_out(fees.fee_schedule(court_id=court.pk))


@router.patch(
    "/{court_id}/fees",
    response=FeeScheduleOut,
    auth=signed_in,
    summary="Change a court's fees (clerk's office)",
    description='`amounts` maps fee kinds to dollars (`"100.00"`); omitted kinds and fields '
    "keep their value. `dues_cycle_years`: "
    + ", ".join(f"{years} ({label.lower()})" for years, label in fees.DUES_CYCLES.items())
    + ". Every change is kept in the court's fee history.",
)
def patch_court_fees(request: HttpRequest, court_id: str, payload: FeeSettingsIn) -> dict:
    court = _clerks_court(request, court_id)
    return _schedule_out(
        actions.update_court_fees(
            actor_id=request.account.pk,
            court_id=court.pk,
            amounts={str(kind): amount for kind, amount in payload.amounts.items()},
            dues_cycle_years=payload.dues_cycle_years,
            fee_before_privilege=payload.fee_before_privilege,
        )
    )


HISTORY = "The history of a court's fee changes (clerk's office), newest first"


@router.get("/{court_id}/fees/history", response=FeeHistoryOut, auth=signed_in, summary=HISTORY)
def get_court_fee_history(request: HttpRequest, court_id: str) -> dict:
    court = _clerks_court(request, court_id)
    return {"changes": fees.fee_history(court_id=court.pk)}


def _clerks_court(request: HttpRequest, court_id: str) -> Court:
    """The court whose settings the signed-in clerk's office (or the operator) may change."""
    court = queries.get_court(court_id)
    access.require_clerk(access.standing_of(request, court), what="court settings page")
    return court
