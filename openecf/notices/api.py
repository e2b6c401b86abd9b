"""Notices in the JSON API: notices to the bar (the public archive, and the clerk's
preview/send/schedule) and the court's own noticing lists (chambers), kept by the clerk."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.responses import Status

from openecf.core.api_auth import signed_in
from openecf.core.errors import InputInvalid
from openecf.core.records import copy_of
from openecf.courts import queries as court_queries
from openecf.courts.access import clerk_court
from openecf.notices import actions, queries, rules
from openecf.notices.actions.court_lists import add_court_address, end_court_address
from openecf.notices.models import BarNotice, CourtNoticingAddress

router = Router(tags=["notices"])


class NoticeOut(Schema):
    notice_id: int
    court_id: str
    kind: str
    subject: str
    body: str
    audience: str
    sent_at: datetime | None
    recipient_count: int | None


class ScheduledOut(Schema):
    notice_id: int
    court_id: str
    subject: str
    audience: str
    days_before: int
    scheduled_for: datetime
    go_live_at: datetime


class NoticeIn(Schema):
    subject: str
    body: str
    audience: str = "all"


class PreviewOut(Schema):
    court_id: str
    subject: str
    audience: str
    recipient_count: int


class RemindersIn(Schema):
    days_before: list[int] = list(rules.DEFAULT_REMINDER_DAYS)
    audience: str = "all"


NOTICES = "clerk's notices page"


def notice_out(notice: BarNotice) -> NoticeOut:
    return copy_of(NoticeOut, notice, notice_id=notice.pk)


def scheduled_out(notice: BarNotice) -> ScheduledOut:
    return copy_of(ScheduledOut, notice, notice_id=notice.pk, days_before=notice.days_before or 0)


@router.get(
    "/courts/{court_id}/notices",
    response=list[NoticeOut],
    summary="The court's public archive of notices to the bar (newest first)",
)
def archive(request: HttpRequest, court_id: str) -> list[NoticeOut]:
    court = court_queries.get_court(court_id)
    return [notice_out(n) for n in queries.archive(court)]


@router.get(
    "/courts/{court_id}/notices/scheduled",
    response=list[ScheduledOut],
    auth=signed_in,
    summary="Go-live reminders waiting for their day (clerk's office)",
)
def scheduled(request: HttpRequest, court_id: str) -> list[ScheduledOut]:
    court = clerk_court(request, court_id, what=NOTICES)
    return [scheduled_out(n) for n in queries.scheduled(court)]


@router.post(
    "/courts/{court_id}/notices/preview",
    response=PreviewOut,
    auth=signed_in,
    summary="How many people a notice would reach (nothing is sent or kept)",
)
def preview(request: HttpRequest, court_id: str, payload: NoticeIn) -> PreviewOut:
    court = clerk_court(request, court_id, what=NOTICES)
    InputInvalid.raise_if(rules.notice_problems(**payload.dict()))
    subject, _body, audience = rules.clean_notice(**payload.dict())
    return PreviewOut(
        court_id=court.pk,
        subject=subject,
        audience=audience,
        recipient_count=queries.recipient_count(court, audience),
    )


@router.post(
    "/courts/{court_id}/notices",
    response={201: NoticeOut},
    auth=signed_in,
    summary="Send a notice to the bar now (one e-mail per recipient) and post it to the archive",
)
def send(request: HttpRequest, court_id: str, payload: NoticeIn):
    court = clerk_court(request, court_id, what=NOTICES)
    notice = actions.send_new_notice(court=court, actor_id=request.account.pk, **payload.dict())
    return Status(201, notice_out(notice))


@router.post(
    "/courts/{court_id}/notices/reminders",
    response={201: list[ScheduledOut]},
    auth=signed_in,
    summary="Schedule go-live reminders N days before the court's NextGen go-live",
    description="Each goes out at 8:00 a.m. court time; `openecf notices send-due` sends them.",
)
def schedule(request: HttpRequest, court_id: str, payload: RemindersIn):
    court = clerk_court(request, court_id, what=NOTICES)
    created = actions.schedule_go_live_reminders(
        court=court, actor_id=request.account.pk, **payload.dict()
    )
    return Status(201, [scheduled_out(n) for n in created])


@router.delete(
    "/courts/{court_id}/notices/{notice_id}",
    response=NoticeOut,
    auth=signed_in,
    summary="Cancel a draft or a scheduled reminder (sent notices stay in the archive)",
)
def cancel(request: HttpRequest, court_id: str, notice_id: int) -> NoticeOut:
    court = clerk_court(request, court_id, what=NOTICES)
    return notice_out(
        actions.cancel_notice(court=court, actor_id=request.account.pk, notice_id=notice_id)
    )


@router.get(
    "/courts/{court_id}/notices/{notice_id}",
    response=NoticeOut,
    summary="One sent notice (public)",
)
def one_notice(request: HttpRequest, court_id: str, notice_id: int) -> NoticeOut:
    court = court_queries.get_court(court_id)
    return notice_out(queries.sent_notice(court, notice_id))


class CourtAddressOut(Schema):
    address_id: int
    court_id: str
    name: str
    email: str
    judge_account_id: int | None  # None: every case of the court
    created_at: datetime
    ended_at: datetime | None


class CourtAddressIn(Schema):
    name: str
    email: str
    judge_account_id: int | None = None


def court_address_out(row: CourtNoticingAddress) -> CourtAddressOut:
    return copy_of(CourtAddressOut, row, address_id=row.pk)


LISTS = "court's noticing lists"


@router.get(
    "/courts/{court_id}/noticing-lists",
    response=list[CourtAddressOut],
    auth=signed_in,
    summary="The court's own noticing lists: active addresses (clerk's office)",
    description="Each gets the notice of every entry in its judge's cases, or in every case "
    "of the court when `judge_account_id` is null; sealed entries too, without a link.",
)
def court_lists(request: HttpRequest, court_id: str) -> list[CourtAddressOut]:
    court = clerk_court(request, court_id, what=LISTS)
    return [court_address_out(r) for r in queries.court_addresses(court.pk)]


@router.post(
    "/courts/{court_id}/noticing-lists",
    response={201: CourtAddressOut},
    auth=signed_in,
    summary="Add an address to the court's noticing lists (clerk's office)",
    description="422 `invalid_input` for a bad name, e-mail or judge; 409 "
    "`address_already_listed` when the address is already active at the court.",
)
def add_court_list_address(request: HttpRequest, court_id: str, payload: CourtAddressIn):
    court = clerk_court(request, court_id, what=LISTS)
    row = add_court_address(court_id=court.pk, actor_id=request.account.pk, **payload.dict())
    return Status(201, court_address_out(row))


@router.delete(
    "/courts/{court_id}/noticing-lists/{address_id}",
    response=CourtAddressOut,
    auth=signed_in,
    summary="End an address on the court's noticing lists (kept, with its end time)",
)
def end_court_list_address(request: HttpRequest, court_id: str, address_id: int):
    court = clerk_court(request, court_id, what=LISTS)
    row = end_court_address(court_id=court.pk, actor_id=request.account.pk, address_id=address_id)
    return court_address_out(row)
