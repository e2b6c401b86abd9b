"""Notices to the bar in the JSON API: the public archive, and the clerk's preview/send/schedule."""

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
from openecf.notices.models import BarNotice

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
    court = clerk_court(request, court_id, what="clerk's notices page")
    return [scheduled_out(n) for n in queries.scheduled(court)]


@router.post(
    "/courts/{court_id}/notices/preview",
    response=PreviewOut,
    auth=signed_in,
    summary="How many people a notice would reach (nothing is sent or kept)",
)
def preview(request: HttpRequest, court_id: str, payload: NoticeIn) -> PreviewOut:
    court = clerk_court(request, court_id, what="clerk's notices page")
    InputInvalid.raise_if(
        rules.notice_problems(subject=payload.subject, body=payload.body, audience=payload.audience)
    )
    subject, _body, audience = rules.clean_notice(
        subject=payload.subject, body=payload.body, audience=payload.audience
    )
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
    court = clerk_court(request, court_id, what="clerk's notices page")
    notice = actions.send_new_notice(
        court=court,
        actor_id=request.account.pk,
        subject=payload.subject,
        body=payload.body,
        audience=payload.audience,
    )
    return Status(201, notice_out(notice))


@router.post(
    "/courts/{court_id}/notices/reminders",
    response={201: list[ScheduledOut]},
    auth=signed_in,
    summary="Schedule go-live reminders N days before the court's NextGen go-live",
    description="Each goes out at 8:00 a.m. court time; `openecf notices send-due` sends them.",
)
def schedule(request: HttpRequest, court_id: str, payload: RemindersIn):
    court = clerk_court(request, court_id, what="clerk's notices page")
    created = actions.schedule_go_live_reminders(
        court=court,
        actor_id=request.account.pk,
        days_before=payload.days_before,
        audience=payload.audience,
    )
    return Status(201, [scheduled_out(n) for n in created])


@router.delete(
    "/courts/{court_id}/notices/{notice_id}",
    response=NoticeOut,
    auth=signed_in,
    summary="Cancel a draft or a scheduled reminder (sent notices stay in the archive)",
)
def cancel(request: HttpRequest, court_id: str, notice_id: int) -> NoticeOut:
    court = clerk_court(request, court_id, what="clerk's notices page")
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
