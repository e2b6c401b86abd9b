"""The docket report of a 10,000-entry case, against a raw baseline, and its memory.

``docket_report_10k_entries_vs_raw``: ``POST /mowd/cgi-bin/DktRpt.pl?<caseid>`` ("View Report":
the access rule, the size query, the charge, then the streamed sheet) through
``openecf.wsgi.application`` as a member of the public, against one SQL query of the same rows
(number, date, docket text) written as minimal HTML. Target at most 3x.

``docket_report_peak_memory_10k_vs_1k``: the peak Python memory (tracemalloc) while the report
of 10,000 entries is produced and sent chunk by chunk, against the same for 1,000 entries.
Target within 10% (1.1x): the sheet is read from one query in chunks and written 250 entries
at a time.

``docket_report_charged_vs_uncharged``: the same "View Report" of the 1,000-entry case, charged
(``billing.charge`` prices it and writes the charge and its ledger row in one transaction, the
receipt closes the page) against the very same request with that call answered by a receipt
made beforehand (nothing priced, nothing written). Target at most
1.1x (issue 13): what a charge adds to a report. The two sides are timed turn about in 30
rounds of 4 requests (``harness.alternating_rounds``), each serving the same bytes; the line
is the fastest round of each side, ``..._median`` the medians of the same rounds. Adds 11,000
entries, so it runs last.
"""

from __future__ import annotations

import html
import io
import secrets
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from statistics import median
from unittest import mock

from bench.harness import Result, alternating_rounds, benchmark_run_last, best_of

Report = Callable[[], int]  # one report sent; its bytes

ROUNDS, NUMBER = 3, 2
CHARGE_ROUNDS = 30  # charged and uncharged taken turn about (alternating_rounds)


def _cases():
    from django.db import transaction

    from openecf.cases import facade as cases
    from openecf.cases.factories import civil_opening, judge_at
    from openecf.core import clock
    from openecf.courts.models import Court
    from openecf.docket import actions
    from openecf.docket.models import DocketEntry, Event
    from openecf.signon.sessions import start_session
    from openecf.tests_support.factories import AccountFactory, CourtStaffFactory

    mowd = Court.objects.get(pk="mowd")
    judge_at(mowd)
    clerk = AccountFactory(first_name="Report", last_name="Clerk")
    CourtStaffFactory(court=mowd, account=clerk, role="clerk")
    reader = AccountFactory(first_name="Report", last_name="Reader")
    actions.ensure_catalogue(court_id="mowd")
    event = Event.objects.get(court_id="mowd", code="minute-entry")
    now = clock.now()
    made = {}
    for size in (1_000, 10_000):
        with transaction.atomic():
            case = cases.open_case(
                court_id="mowd",
                opening=civil_opening(title=f"Reader v. Docket of {size}"),
                actor_id=None,
                now=now,
            )
        DocketEntry.objects.bulk_create(
            (
                DocketEntry(
                    court_id="mowd",
                    caseid=case.caseid,
                    entry_number=n,
                    event=event,
                    docket_text=f"MINUTE ENTRY for proceedings held before Judge Wimes: status "
                    f"conference number {n} held; the parties report on discovery. (bc)",
                    filed_at=now,
                    entered_at=now,
                    filed_by=clerk,
                    entered_by=clerk,
                )
                for n in range(1, size + 1)
            ),
            batch_size=2_000,
        )
        made[size] = case.caseid
    token = start_session(account_id=reader.pk).token
    return made, token


def _environ(caseid: int, token: str) -> dict:
    body = f"all_case_ids={caseid}&list_of_parties_and_counsel=on&view={secrets.token_hex(8)}"
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/mowd/cgi-bin/DktRpt.pl",
        "QUERY_STRING": str(caseid),
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "localhost",
        "HTTP_AUTHORIZATION": f"Bearer {token}",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body.encode()),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _report(caseid: int, token: str) -> int:
    """Run the report as a server does, sending each chunk on (never keeping the page)."""
    from openecf.wsgi import application

    statuses: list[str] = []
    result = application(
        _environ(caseid, token), lambda status, headers, exc=None: statuses.append(status)
    )
    sent = 0
    try:
        for chunk in result:
            sent += len(chunk)
    finally:
        result.close()
    assert statuses[0].startswith("200"), statuses
    return sent


def _raw(caseid: int) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT entry_number, filed_at, docket_text FROM docket_docketentry "
            "WHERE caseid = %s ORDER BY entry_number",
            [caseid],
        )
        rows = [
            f"<tr><td>{filed}</td><td>{number}</td><td>{html.escape(text)}</td></tr>\n"
            for number, filed, text in cursor.fetchall()
        ]
    return len("<table>" + "".join(rows) + "</table>")


def _peak(caseid: int, token: str) -> float:
    _report(caseid, token)  # warm
    tracemalloc.start()
    try:
        _report(caseid, token)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return float(peak)


@contextmanager
def _charged_and_uncharged(caseid: int, token: str) -> Iterator[tuple[Report, Report]]:
    """The report charged, and the very same request with billing's charge answered by the
    receipt of an earlier view made beforehand (nothing priced or written): "View Report" asks
    billing nothing else. Both sides call one stand-in for ``billing.charge``, which calls the
    real one for the charged side, so they differ by the charge alone."""
    from dataclasses import replace

    from openecf.billing import facade as billing
    from openecf.reports.views import docket as view

    real_charge = billing.charge
    earlier: list[billing.Receipt] = []

    def keep(**kwargs) -> billing.Receipt:
        earlier.append(real_charge(**kwargs))
        return earlier[0]

    def made_beforehand(**kwargs) -> billing.Receipt:
        return replace(earlier[0], view_key=kwargs["view_key"])

    answer = {"charge": keep}

    def report(with_charge: Callable[..., billing.Receipt]) -> int:
        answer["charge"] = with_charge
        return _report(caseid, token)

    with mock.patch.object(view.billing, "charge", lambda **kw: answer["charge"](**kw)):
        report(keep)
        yield (lambda: report(real_charge)), (lambda: report(made_beforehand))


@benchmark_run_last
def docket_report_10k() -> list[Result]:
    made, token = _cases()
    deep = made[10_000]
    sent = _report(deep, token)
    assert sent > 10_000 * 100, sent
    with _charged_and_uncharged(made[1_000], token) as (charged, uncharged):
        assert charged() == uncharged()  # the same bytes served
        charged_rounds, uncharged_rounds = alternating_rounds(
            charged, uncharged, rounds=CHARGE_ROUNDS, number=NUMBER * 2
        )
    return [
        Result(
            "docket_report_charged_vs_uncharged",
            min(charged_rounds),
            min(uncharged_rounds),
            target="<= 1.1x",
        ),
        Result(
            "docket_report_charged_vs_uncharged_median",
            median(charged_rounds),
            median(uncharged_rounds),
            target="informational: the medians of the same rounds",
        ),
        Result(
            "docket_report_10k_entries_vs_raw",
            best_of(lambda: _report(deep, token), rounds=ROUNDS, number=NUMBER),
            best_of(lambda: _raw(deep), rounds=ROUNDS, number=NUMBER),
            target="<= 3x",
        ),
        Result(
            "docket_report_peak_memory_10k_vs_1k",
            _peak(deep, token),
            _peak(made[1_000], token),
            unit="bytes",
            target="<= 1.1x",
        ),
    ]
