"""Reminding the members who are not ready: a personal checklist each, through the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse

from openecf.core import audit, clock
from openecf.core.links import absolute
from openecf.core.outbox import queue_letter
from openecf.core.transactions import durable_action
from openecf.firms import facade as firms
from openecf.readiness import letters, queries
from openecf.readiness.models import ReadinessReminder

# A second click within this window does not e-mail the same person again.
REMIND_AGAIN_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class Reminded:
    reminded: list[str]  # account numbers e-mailed now
    already_reminded: list[str]  # not ready, but reminded within the last 24 hours
    ready: int


def remind_not_ready(*, firm: firms.FirmSummary, actor_id: int) -> Reminded:
    """E-mail each member who is not ready their own checklist (once per 24 hours).

    The firm's row is locked first, so two clicks at once cannot both find nobody reminded:
    the second waits, then sees the first one's reminders and e-mails nobody again.
    """
    now = clock.now()
    report = queries.report_for(firm, now=now)
    with durable_action():
        firms.lock_firm(firm.firm_id)
        recent = set(
            ReadinessReminder.objects.filter(
                firm_id=firm.firm_id, sent_at__gt=now - REMIND_AGAIN_AFTER
            ).values_list("account_id", flat=True)
        )
        reminded: list[str] = []
        skipped: list[str] = []
        for row in report.not_ready:
            member = row.member
            if member.account_id in recent:
                skipped.append(member.account_number)
                continue
            ReadinessReminder.objects.create(
                firm_id=firm.firm_id,
                account_id=member.account_id,
                sent_by_id=actor_id,
                sent_at=now,
                steps=[s.code for s in row.steps],
            )
            queue_letter(
                letters.checklist(
                    row,
                    report.courts,
                    firm_name=firm.name,
                    account_url=absolute(reverse("accounts:settings")),
                ),
                to=[member.email],
                kind="readiness.checklist",
                account_id=member.account_id,
            )
            reminded.append(member.account_number)
        if reminded:
            audit.record(
                actor_id=actor_id,
                verb="readiness.reminders_sent",
                subject=audit.Subject("firm", firm.firm_id),
                details={"reminded": reminded, "already_reminded": skipped},
            )
    return Reminded(reminded=reminded, already_reminded=skipped, ready=report.ready_count)
