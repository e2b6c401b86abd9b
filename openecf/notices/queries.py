"""Reads of notices: the public archive, the clerk's lists, recipients and due reminders."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from openecf.core.errors import NotFound
from openecf.courts.models import Court
from openecf.notices.models import BarNotice


def recipients(court: Court, audience: str) -> list[tuple[str, str]]:
    """(name, e-mail) of everyone the notice goes to, from the court's records."""
    from openecf.ecf import facade as ecf

    return ecf.filers_at(court_id=court.pk, audience=audience)


def recipient_count(court: Court, audience: str) -> int:
    return len(recipients(court, audience))


def archive(court: Court) -> QuerySet[BarNotice]:
    """Sent notices, newest first: public."""
    return BarNotice.objects.filter(court=court, sent_at__isnull=False).order_by("-sent_at", "-pk")


def sent_notice(court: Court, notice_id: int) -> BarNotice:
    notice = archive(court).filter(pk=notice_id).first()
    if notice is None:
        raise NotFound(f"{court.short_name} has no notice {notice_id}.")
    return notice


def clerk_notice(court: Court, notice_id: int) -> BarNotice:
    notice = BarNotice.objects.filter(court=court, pk=notice_id).first()
    if notice is None:
        raise NotFound(f"{court.short_name} has no notice {notice_id}.")
    return notice


def drafts(court: Court) -> QuerySet[BarNotice]:
    return BarNotice.objects.filter(
        court=court, kind=BarNotice.Kind.MANUAL, sent_at__isnull=True, cancelled_at__isnull=True
    ).order_by("-created_at", "-pk")


def scheduled(court: Court) -> QuerySet[BarNotice]:
    return BarNotice.objects.filter(
        court=court,
        kind=BarNotice.Kind.GO_LIVE_REMINDER,
        sent_at__isnull=True,
        cancelled_at__isnull=True,
    ).order_by("scheduled_for", "pk")


def due_reminder_ids(now: datetime) -> list[int]:
    return list(
        BarNotice.objects.filter(
            kind=BarNotice.Kind.GO_LIVE_REMINDER,
            scheduled_for__lte=now,
            sent_at__isnull=True,
            cancelled_at__isnull=True,
        )
        .order_by("scheduled_for", "pk")
        .values_list("pk", flat=True)
    )
