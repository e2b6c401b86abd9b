"""A case of 5,000 entries: juriscraper's DocketReport reads every one of them from the streamed
docket sheet, each with its number, dates, document link, sequence number and text.

The entries are written in bulk, as the rows the docket writes for a filing (an entry, and for
every third one its main document), so the test builds the case in a second or two."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction

from openecf.billing.models import AccessCharge
from openecf.cases.facade import note_entry
from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.docket.actions import ensure_catalogue
from openecf.docket.models import DocketEntry, Document, Event
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.reports.tests.conftest import (
    CENTRAL,
    at,
    counsel,
    doc_id,
    docket_entry,
    parsed_docket,
    run_report,
)

pytestmark = pytest.mark.django_db

ENTRIES = 5_000
FIRST_DAY = date(2020, 1, 6)


def text_of(n: int) -> str:
    return (
        f"MINUTE ENTRY {n} for proceedings held before Judge Brian Wimes: status conference; "
        f"Müller & Söhne GmbH reports on discovery. (bcw)"
    )


def filed_on(n: int) -> date:
    return FIRST_DAY + timedelta(days=n // 4)


def bulk_entries(case, count: int, *, by, pdf_id: int) -> None:
    """Write ``count`` entries of the case as the docket writes them: the entry rows in
    number order (four a day), the main document of every third one, the case's last entry."""
    event = Event.objects.get(court_id=case.court_id, code="minute-entry")
    with transaction.atomic():
        rows = DocketEntry.objects.bulk_create(
            (
                DocketEntry(
                    court_id=case.court_id,
                    caseid=case.caseid,
                    entry_number=n,
                    event=event,
                    docket_text=text_of(n),
                    filed_at=datetime.combine(filed_on(n), time(10), tzinfo=CENTRAL),
                    entered_at=datetime.combine(
                        filed_on(n) + timedelta(days=1), time(9), tzinfo=CENTRAL
                    ),
                    filed_by=by,
                    entered_by=by,
                )
                for n in range(1, count + 1)
            ),
            batch_size=1_000,
        )
        Document.objects.bulk_create(
            (
                Document(
                    entry=row,
                    doc_id=row.entry_number * 10,
                    attachment_number=0,
                    description="Main Document",
                    file_name=f"{row.entry_number}.pdf",
                    stored_pdf_id=pdf_id,
                    stamp="stamp",
                )
                for row in rows
                if row.entry_number % 3 == 0
            ),
            batch_size=1_000,
        )
        last = rows[-1]
        note_entry(
            caseid=case.caseid,
            entry_number=last.entry_number,
            docket_text=last.docket_text,
            filed_at=last.filed_at,
        )


def test_juriscraper_reads_every_entry_of_a_5000_entry_case(signed_in, public_user, mowd):
    alice, _dan = counsel()
    judge_at(mowd)
    case = open_case(mowd, civil_opening(plaintiff_attorney_id=alice.pk), now=at(2))
    ensure_catalogue(court_id="mowd")
    stored, _ = kept_and_stamped(corpus.text_pdf(1), doc_id=1)
    bulk_entries(case, ENTRIES, by=alice, pdf_id=stored.id)
    seq = dict(DocketEntry.objects.filter(caseid=case.caseid).values_list("entry_number", "pk"))

    response, html, confirm = run_report(signed_in(public_user), case.caseid)

    assert response.status_code == 200 and response.streaming
    assert f"This report has {ENTRIES} entries" in confirm
    charge = AccessCharge.objects.get()
    assert (charge.pages, str(charge.amount)) == (30, "3.00")  # capped at 30 pages
    entries = parsed_docket(html)["docket_entries"]
    assert len(entries) == ENTRIES
    assert entries == [
        docket_entry(
            n,
            filed_on(n),
            filed_on(n) + timedelta(days=1),
            text_of(n),
            seq[n],
            n * 10 if n % 3 == 0 else None,
        )
        for n in range(1, ENTRIES + 1)
    ]
    assert entries[2]["pacer_doc_id"] == doc_id(30)
