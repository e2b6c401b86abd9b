"""Reads of notices: the public archive, the clerk's lists, recipients and due reminders."""

from __future__ import annotations

from datetime import datetime

from django.db.models import F, Q, QuerySet

from openecf.core.errors import NotFound
from openecf.core.models import OutboundEmail
from openecf.courts.models import Court
from openecf.notices.models import BarNotice, CourtNoticingAddress, NoticeRecipient


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


# Notices of Electronic Filing (reads for "My notices", the clerk and the filer's receipt).


def my_notices(account_id: int, *, since: datetime) -> list[NoticeRecipient]:
    """The notices sent to the account (every address of theirs) since ``since``, newest
    first, each once."""
    rows = (
        NoticeRecipient.objects.filter(account_id=account_id, notice__created_at__gte=since)
        .select_related("notice", "email")
        .order_by("-notice__created_at", "-notice_id", "pk")
    )
    first: dict[int, NoticeRecipient] = {}
    for row in rows:
        first.setdefault(row.notice_id, row)
    return list(first.values())


def my_notice(account_id: int, notice_id: int) -> NoticeRecipient:
    row = (
        NoticeRecipient.objects.filter(account_id=account_id, notice_id=notice_id)
        .select_related("notice", "email")
        .order_by("pk")
        .first()
    )
    if row is None:
        raise NotFound("You have no such notice.")
    return row


def undeliverable(court_id: str) -> QuerySet[NoticeRecipient]:
    """Notices the mail server refused for good, newest first: the clerk's list."""
    return (
        NoticeRecipient.objects.filter(
            notice__court_id=court_id, email__status=OutboundEmail.Status.UNDELIVERABLE
        )
        .select_related("notice", "email")
        .order_by("-notice__created_at", "pk")
    )


def service_by_other_means(court_id: str, entry_id: int) -> list[NoticeRecipient]:
    """Whom the filer must serve on paper: parties without an e-mail, and e-mail recipients
    whose notice could not be delivered."""
    return list(
        NoticeRecipient.objects.filter(notice__court_id=court_id, notice__entry_id=entry_id)
        .filter(
            Q(how=NoticeRecipient.How.PAPER) | Q(email__status=OutboundEmail.Status.UNDELIVERABLE)
        )
        .select_related("email")
        .order_by("pk")
    )


def court_addresses(court_id: str) -> QuerySet[CourtNoticingAddress]:
    """The court's active noticing-list addresses, court-wide first, then by judge, name."""
    return CourtNoticingAddress.objects.filter(court_id=court_id, ended_at__isnull=True).order_by(
        F("judge_account_id").asc(nulls_first=True), "name", "pk"
    )
