"""The daily summary: one e-mail a day per person and court, for those who chose it over
each notice (CM/ECF's Daily Summary Report)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time

from openecf.core import audit, clock
from openecf.core.clock import in_zone
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.notices import nef
from openecf.notices.actions.filing import entry_case_url, sender
from openecf.notices.models import NoticeRecipient


def send_daily_summaries() -> int:
    """Send each person's summary of the notices of days before today (court time) that
    they get as a summary, once: the rows are marked, and the e-mail's key is the day.
    Returns how many summaries were queued. Safe to run from several workers."""
    now = clock.now()
    pending = (
        NoticeRecipient.objects.filter(how=NoticeRecipient.How.SUMMARY, summarized_at=None)
        .values_list("notice__court_id", "account_id")
        .distinct()
    )
    zones = dict(Court.objects.values_list("pk", "time_zone"))
    queued = 0
    for court_id, account_id in sorted(set(pending)):
        zone = zones.get(court_id, "UTC")
        today = in_zone(now, zone).date()
        start_of_today = datetime.combine(today, time(0), tzinfo=in_zone(now, zone).tzinfo)
        queued += _summarize(court_id, account_id, before=start_of_today, now=now)
    return queued


def _summarize(court_id: str, account_id: int | None, *, before: datetime, now: datetime) -> int:
    with durable_action():
        rows = list(
            NoticeRecipient.objects.select_for_update()
            .filter(
                how=NoticeRecipient.How.SUMMARY,
                summarized_at=None,
                account_id=account_id,
                notice__court_id=court_id,
                notice__created_at__lt=before,
            )
            .select_related("notice")
            .order_by("notice__created_at", "pk")
        )
        if not rows:
            return 0
        notices = list({r.notice_id: r.notice for r in rows}.values())
        first = notices[0]
        by_address: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            by_address[row.address].append(row.pk)
        day = in_zone(notices[-1].created_at, _zone(court_id)).date()
        letter = nef.daily_summary_letter(
            court_kind=first.court_kind,
            court_name=first.court_name,
            day=day,
            items=tuple(
                nef.SummaryItem(
                    case_number=n.case_number,
                    case_name=n.case_name,
                    case_url=entry_case_url(court_id=court_id, caseid=n.caseid),
                    event=n.event,
                    filed_on=n.filed_on or day,
                    document_number=n.entry_number,
                    document_url="",
                    docket_text=n.docket_text,
                )
                for n in notices
            ),
        )
        emails = queue_letter(
            letter,
            to=sorted(by_address),
            kind="notices.daily_summary",
            court_id=court_id,
            account_id=account_id,
            from_email=sender(court_id),
            key=f"{court_id}:{account_id}:{day.isoformat()}",
        )
        for email in emails:
            NoticeRecipient.objects.filter(pk__in=by_address[email.to[0]]).update(
                summarized_at=now, email=email
            )
        audit.record(
            actor_id=None,
            verb="nef.summary_queued",
            subject=audit.Subject("account", account_id or 0),
            court_id=court_id,
            details={"notices": len(notices), "day": day.isoformat()},
        )
    return 1


def _zone(court_id: str) -> str:
    return Court.objects.filter(pk=court_id).values_list("time_zone", flat=True).first() or "UTC"
