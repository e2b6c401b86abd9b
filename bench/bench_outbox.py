"""Issue 11: notices through the outbox to a loopback SMTP server versus raw smtplib sends of
the same messages over the same number of connections (target: at most 1.5x), and one filing
in a case with 200 attorneys, from the notice written to all 200 e-mails delivered."""

from __future__ import annotations

import smtplib
from dataclasses import replace
from unittest import mock

from django.conf import settings
from django.db import transaction

from bench.harness import CLOCK, Result, benchmark_run_last
from openecf.core.transactions import durable_action

MESSAGES = 200


@benchmark_run_last
def notices_through_outbox() -> Result:
    """200 NEF-sized multipart e-mails: queued in one transaction, then delivered by
    ``core.delivery`` (claim, send over one connection per batch of 50, mark each sent),
    versus smtplib sending the same bytes over as many connections (4)."""
    from openecf.core import delivery, outbox
    from openecf.core.models import OutboundEmail
    from openecf.core.outbox import queue_letter
    from openecf.notices.nef import nef_letter
    from openecf.notices.tests import nef_examples
    from openecf.tests_support.smtp import LoopbackSmtp

    letter = nef_letter(nef_examples.DISTRICT)
    with LoopbackSmtp() as server:
        for name, value in server.django_settings().items():
            setattr(settings, name, value)

        def ours() -> float:
            # Queue without the after-commit delivery, then time that delivery itself.
            with (
                mock.patch.object(outbox._Delivery, "__call__", lambda _: None),
                transaction.atomic(),
            ):
                rows = [
                    queue_letter(letter, to=[f"p{n}@example.com"], kind="bench.nef")[0]
                    for n in range(MESSAGES)
                ]
            start = CLOCK()
            delivery.deliver_due(ids=[r.pk for r in rows])
            return CLOCK() - start

        def raw(rows: list) -> float:
            payloads = [
                (r.from_email, r.to, delivery.as_message(r).message().as_bytes(linesep="\r\n"))
                for r in rows
            ]
            start = CLOCK()
            for first in range(0, len(payloads), delivery.BATCH_SIZE):
                with smtplib.SMTP("127.0.0.1", server.port) as smtp:
                    for sender, to, content in payloads[first : first + delivery.BATCH_SIZE]:
                        smtp.sendmail(sender, to, content)
            return CLOCK() - start

        ours_times, raw_times = [], []
        for _ in range(3):
            ours_times.append(ours())
            rows = list(OutboundEmail.objects.filter(kind="bench.nef").order_by("-pk")[:MESSAGES])
            raw_times.append(raw(rows))
    return Result(
        "notices_outbox_vs_raw_smtplib",
        min(ours_times) / MESSAGES,
        min(raw_times) / MESSAGES,
        target="<= 1.5x",
    )


@benchmark_run_last
def notices_for_200_attorneys() -> Result:
    """One filing in a case with 200 attorneys of record: its notice written (in the filing's
    transaction) and all 200 e-mails delivered to a loopback SMTP server, end to end; the
    baseline is smtplib sending the same 200 messages over the same connections."""
    from openecf.core import delivery
    from openecf.core.models import OutboundEmail
    from openecf.notices import facade
    from openecf.notices.models import NoticeRecipient
    from openecf.notices.tests import nef_examples
    from openecf.tests_support.smtp import LoopbackSmtp

    candidates = tuple(
        facade.Candidate(100_000 + n, f"Attorney {n}", f"attorney{n}@example.com", "attorney")
        for n in range(200)
    )
    filed = facade.FiledEntry(
        court_id="mowd",
        court_kind="district",
        court_name="Western District of Missouri",
        caseid=81234,
        case_number=nef_examples.DISTRICT.case_number,
        case_name=nef_examples.DISTRICT.case_name,
        entry_id=0,
        entry_number=12,
        event="Motion to Dismiss",
        entered_by="Defensor, Maria",
        entered_at=nef_examples.DISTRICT.entered_at,
        filed_on=nef_examples.DISTRICT.filed_on,
        filer="Globex Industries, Inc.",
        filer_account_id=None,
        docket_text=nef_examples.DISTRICT.docket_text,
        sealed=False,
        documents=(facade.FiledDocument("109012345678", 0, "Main Document", "m.pdf", "[STAMP]"),),
        candidates=candidates,
    )
    with LoopbackSmtp() as server:
        for name, value in server.django_settings().items():
            setattr(settings, name, value)
        ours_times, raw_times = [], []
        for round_number in range(3):
            start = CLOCK()
            with durable_action():
                facade.notify_entry(entry=replace(filed, entry_id=900_000 + round_number))
            # the after-commit delivery has run (immediate tasks); all 200 must be sent
            elapsed = CLOCK() - start
            sent = OutboundEmail.objects.filter(
                status="sent",
                pk__in=NoticeRecipient.objects.filter(
                    notice__entry_id=900_000 + round_number
                ).values("email_id"),
            ).count()
            assert sent == 200, sent
            ours_times.append(elapsed)
            rows = list(OutboundEmail.objects.filter(status="sent").order_by("-pk")[:200])
            payloads = [(r.from_email, r.to, delivery.WireBytes().of(r)) for r in rows]
            start = CLOCK()
            for first in range(0, 200, delivery.BATCH_SIZE):
                with smtplib.SMTP("127.0.0.1", server.port) as smtp:
                    for sender, to, content in payloads[first : first + delivery.BATCH_SIZE]:
                        smtp.sendmail(sender, to, content)
            raw_times.append(CLOCK() - start)
    return Result(
        "nef_200_attorneys_filed_to_delivered",
        min(ours_times),
        min(raw_times),
        unit="s/filing",
        target="reported",
    )
