"""Every write to notices: keyword-only, one transaction, an audit row on the court's chain,
one e-mail per recipient through the outbox (sent after commit)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.urls import reverse

from openecf.core import audit, clock
from openecf.core.clock import format_court_time, in_zone
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.links import absolute
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.notices import letters, queries, rules
from openecf.notices.errors import (
    NoticeAlreadySent,
    NoticeCancelled,
    ReminderAlreadyScheduled,
)
from openecf.notices.models import BarNotice


def _archive_url(court: Court) -> str:
    return absolute(reverse("notices:archive", kwargs={"court_id": court.pk}))


def _compose(
    *, court: Court, actor_id: int | None, subject: str, body: str, audience: str
) -> BarNotice:
    """A new notice from the clerk, checked first. Call inside the transaction."""
    InputInvalid.raise_if(rules.notice_problems(subject=subject, body=body, audience=audience))
    subject, body, audience = rules.clean_notice(subject=subject, body=body, audience=audience)
    return BarNotice.objects.create(
        court=court,
        subject=subject,
        body=body,
        audience=audience,
        created_by_id=actor_id,
        created_at=clock.now(),
    )


def _deliver(notice: BarNotice, court: Court, *, actor_id: int | None, **details: object) -> int:
    """Queue one e-mail per recipient, mark the notice sent and write its "notice.sent" audit
    row (with ``details``). Call inside the transaction."""
    now = clock.now()
    claimed = BarNotice.objects.filter(
        pk=notice.pk, sent_at__isnull=True, cancelled_at__isnull=True
    ).update(sent_at=now, recipient_count=0)
    if not claimed:
        raise NoticeAlreadySent("This notice was already sent.")
    people = queries.recipients(court, notice.audience)
    letter = letters.bar_notice(
        court_name=court.name,
        short_name=court.short_name,
        subject=notice.subject,
        body=notice.body,
        audience=notice.audience,
        archive_url=_archive_url(court),
    )
    for _name, email in people:
        queue_letter(letter, to=[email], kind="notices.bar_notice", court_id=court.pk)
    BarNotice.objects.filter(pk=notice.pk).update(recipient_count=len(people))
    notice.refresh_from_db()
    audit.record(
        actor_id=actor_id,
        verb="notice.sent",
        subject=audit.Subject("notice", notice.pk),
        court_id=court.pk,
        details={"audience": notice.audience, "recipients": len(people), **details},
    )
    return len(people)


def draft_notice(
    *, court: Court, actor_id: int, subject: str, body: str, audience: str
) -> BarNotice:
    """Keep the clerk's notice as a draft for the preview step."""
    with durable_action():
        notice = _compose(
            court=court, actor_id=actor_id, subject=subject, body=body, audience=audience
        )
        audit.record(
            actor_id=actor_id,
            verb="notice.drafted",
            subject=audit.Subject("notice", notice.pk),
            court_id=court.pk,
            details={"subject": notice.subject, "audience": notice.audience},
        )
    return notice


def send_notice(*, court: Court, actor_id: int, notice_id: int) -> BarNotice:
    """Send a draft to its audience, once."""
    with durable_action():
        notice = BarNotice.objects.select_for_update().filter(pk=notice_id, court=court).first()
        if notice is None:
            raise NotFound(f"{court.short_name} has no notice {notice_id}.")
        _refuse_unsendable(notice, court)
        if notice.kind != BarNotice.Kind.MANUAL:
            raise InputInvalid(
                {
                    "": "A go-live reminder is sent on its scheduled day; cancel it and send a "
                    "notice instead to send it now."
                }
            )
        _deliver(notice, court, actor_id=actor_id)
    return notice


def _refuse_unsendable(notice: BarNotice, court: Court) -> None:
    if notice.sent_at is not None:
        local = format_court_time(notice.sent_at, court.time_zone)
        raise NoticeAlreadySent(
            f"This notice was already sent on {local} to {notice.recipient_count} "
            f"recipient{'' if notice.recipient_count == 1 else 's'}; it is not sent twice."
        )
    if notice.cancelled_at is not None:
        raise NoticeCancelled("This notice was cancelled; compose a new one.")


def send_new_notice(
    *, court: Court, actor_id: int | None, subject: str, body: str, audience: str
) -> BarNotice:
    """Compose and send in one step (the API's ``POST /courts/{court}/notices``)."""
    with durable_action():
        notice = _compose(
            court=court, actor_id=actor_id, subject=subject, body=body, audience=audience
        )
        _deliver(notice, court, actor_id=actor_id)
    return notice


def schedule_go_live_reminders(
    *, court: Court, actor_id: int | None, days_before: Iterable[int], audience: str = "all"
) -> list[BarNotice]:
    """Schedule reminders N days before the court's go-live (8:00 a.m. court time)."""
    days_before = list(days_before)
    InputInvalid.raise_if(rules.reminder_problems(days_before=days_before, audience=audience))
    days = rules.clean_days(days_before)
    now = clock.now()
    with durable_action():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        go_live = locked.nextgen_go_live
        moments = rules.reminder_moments(
            go_live=go_live,
            days=days,
            time_zone=locked.time_zone,
            short_name=locked.short_name,
            now=now,
        )
        assert go_live is not None
        taken = {
            day
            for day in BarNotice.objects.filter(
                court=locked,
                kind=BarNotice.Kind.GO_LIVE_REMINDER,
                go_live_at=go_live,
                cancelled_at__isnull=True,
                days_before__in=days,
            ).values_list("days_before", flat=True)
            if day is not None  # a reminder always has its day; a notice has none
        }
        if taken:
            first = max(taken)
            raise ReminderAlreadyScheduled(
                f"A reminder {first} day{'' if first == 1 else 's'} before go-live is already "
                "scheduled; choose other "
                "days or cancel it first.",
                field="days_before",
            )
        local = in_zone(go_live, locked.time_zone)
        go_live_day = f"{local:%B} {local.day}, {local.year}"
        created = []
        for day in days:
            reminder = letters.go_live_reminder(
                court_name=locked.name,
                go_live_text=format_court_time(go_live, locked.time_zone),
                go_live_day=go_live_day,
                days_before=day,
            )
            try:
                with transaction.atomic():
                    notice = BarNotice.objects.create(
                        court=locked,
                        kind=BarNotice.Kind.GO_LIVE_REMINDER,
                        subject=reminder.subject,
                        body=reminder.text,
                        audience=audience,
                        created_by_id=actor_id,
                        created_at=now,
                        scheduled_for=moments[day],
                        days_before=day,
                        go_live_at=go_live,
                    )
            except IntegrityError:  # scheduled at the same moment by someone else
                raise ReminderAlreadyScheduled(
                    f"A reminder {day} day{'' if day == 1 else 's'} before go-live is already "
                    "scheduled.",
                    field="days_before",
                ) from None
            created.append(notice)
        audit.record(
            actor_id=actor_id,
            verb="notice.reminders_scheduled",
            subject=audit.Subject("court", locked.pk),
            court_id=locked.pk,
            details={
                "days_before": days,
                "audience": audience,
                "go_live": go_live.isoformat(),
                "notices": [n.pk for n in created],
            },
        )
    return created


def cancel_notice(*, court: Court, actor_id: int, notice_id: int, reason: str = "") -> BarNotice:
    """Cancel a draft or a scheduled reminder (a sent notice stays in the archive)."""
    with durable_action():
        notice = BarNotice.objects.select_for_update().filter(pk=notice_id, court=court).first()
        if notice is None:
            raise NotFound(f"{court.short_name} has no notice {notice_id}.")
        _refuse_unsendable(notice, court)
        notice.cancelled_at = clock.now()
        notice.cancel_reason = (reason or "Cancelled by the clerk's office.")[:200]
        notice.save(update_fields=["cancelled_at", "cancel_reason"])
        audit.record(
            actor_id=actor_id,
            verb="notice.cancelled",
            subject=audit.Subject("notice", notice.pk),
            court_id=court.pk,
            details={"reason": notice.cancel_reason},
        )
    return notice


def send_due_reminders() -> list[BarNotice]:
    """Send every go-live reminder whose time has come, each exactly once.

    A reminder whose court moved or cleared its go-live, or went live already, is cancelled
    instead of sent. Safe to run from several workers at once: each notice is claimed.
    """
    sent: list[BarNotice] = []
    for notice_id in queries.due_reminder_ids(clock.now()):
        with durable_action():
            notice = (
                BarNotice.objects.select_for_update()
                .select_related("court")
                .filter(pk=notice_id, sent_at__isnull=True, cancelled_at__isnull=True)
                .first()
            )
            if notice is None:  # another worker got there first
                continue
            court = notice.court
            now = clock.now()
            stale = ""
            if court.nextgen_go_live != notice.go_live_at:
                stale = "The court's go-live date changed; the reminder no longer applies."
            elif court.nextgen_go_live is not None and now >= court.nextgen_go_live:
                stale = "The court went live before the reminder could be sent."
            if stale:
                BarNotice.objects.filter(pk=notice.pk).update(cancelled_at=now, cancel_reason=stale)
                audit.record(
                    actor_id=None,
                    verb="notice.cancelled",
                    subject=audit.Subject("notice", notice.pk),
                    court_id=court.pk,
                    details={"reason": stale},
                )
                continue
            _deliver(notice, court, actor_id=None, days_before=notice.days_before)
            sent.append(notice)
    return sent
