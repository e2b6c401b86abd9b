"""Issue 11: notices through the outbox to a loopback SMTP server versus raw smtplib sends of
the same messages over the same number of connections (target: at most 1.5x)."""

from __future__ import annotations

import smtplib
from unittest import mock

from django.conf import settings
from django.db import transaction

from bench.harness import CLOCK, Result, benchmark_run_last

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
