"""A W.D. Mo. record for the report tests, written as a filing leaves it.

*Müller & Söhne GmbH v. Roe et al.*: Alice represents the plaintiff; Dan the defendant;
Zoë O'Brien was a defendant until she was terminated (her attorney with her). Entries: 1 the
complaint with a civil cover sheet, 2 a motion, 3 a sealed exhibit, 4 a minute entry (no
document), 5 a stricken motion, 6 an order, 7 a notice whose document is restricted.
Each document has its own number (entry number x 10 + part), shown as CM/ECF's document id:
the court's prefix (109), the switch digit 0, eight digits (``courts.doc_ids``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from juriscraper.pacer import DocketReport

from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.cases.models import AttorneyOfRecord, Party
from openecf.cases.rules import AttorneyOpening, PartyOpening
from openecf.courts import doc_ids
from openecf.docket.actions import ensure_catalogue
from openecf.docket.models import DocketEntry, Document, Event
from openecf.documents.tests import corpus
from openecf.documents.tests.records import kept_and_stamped
from openecf.tests_support import factories
from openecf.tests_support.statements import statements
from openecf.tests_support.storage import use_own_storage

CENTRAL = ZoneInfo("America/Chicago")
TITLE = "Müller & Söhne GmbH v. Roe et al."


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    use_own_storage(settings, tmp_path)


@dataclass
class Record:
    case: object
    alice: object
    dan: object
    pdf_id: int
    entries: dict


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, 15, tzinfo=CENTRAL)


def doc_id(n: int) -> str:
    """CM/ECF's document id of the record's document number ``n`` at W.D. Mo."""
    return doc_ids.doc_id("mowd", n)


def file_entry(case, number, code, text, *, day, documents=(), pdf_id, sealed=False,
               restricted_docs=(), stricken=None, entered_day=None, by=None, doc_base=0):  # fmt: skip
    event = Event.objects.get(court_id=case.court_id, code=code)
    entry = DocketEntry.objects.create(
        court_id=case.court_id,
        caseid=case.caseid,
        entry_number=number,
        event=event,
        docket_text=text,
        filed_at=at(day),
        entered_at=at(entered_day or day, 16),
        entered_by=by,
        filed_by=by,
        sealed=sealed,
        stricken_at=stricken,
    )
    for n, description in enumerate(documents):
        Document.objects.create(
            entry=entry,
            doc_id=doc_base + number * 10 + n,  # numbers are unique across courts
            attachment_number=n,
            description=description,
            file_name=f"{number}-{n}.pdf",
            stored_pdf_id=pdf_id,
            stamp="stamp",
            sealed=sealed,
            restricted=n in restricted_docs,
        )
    return entry


def terminate_party(case, name: str, on: date) -> None:
    """End the party's part in the case on ``on``, and its attorneys' with it."""
    party = Party.objects.get(case_id=case.caseid, name=name)
    Party.objects.filter(pk=party.pk).update(terminated_on=on)
    AttorneyOfRecord.objects.filter(party=party).update(terminated_on=on)


def parsed_docket(html: str, court_id: str = "mowd") -> dict:
    """What juriscraper's DocketReport reads in a docket sheet of the court."""
    report = DocketReport(court_id)
    report._parse_text(html)
    return report.data


def docket_entry(number, filed, entered, text, seq, document=None, *, court_id="mowd") -> dict:
    """An entry as juriscraper's DocketReport reads it: ``document`` is the document's number
    (its id's last digits), None for an entry without a link."""
    return {
        "date_filed": filed,
        "date_entered": entered,
        "document_number": str(number),
        "pacer_doc_id": doc_ids.doc_id(court_id, document) if document is not None else None,
        "pacer_seq_no": str(seq) if document is not None else None,
        "description": f"{text} (Entered: {entered:%m/%d/%Y})",
    }


@pytest.fixture
def appeal(mowd, ca8):
    """The appeal of the W.D. Mo. record at the Eighth Circuit (``appeal_record``)."""
    from openecf.reports.tests.appeal_record import build_appeal

    return build_appeal(mowd, ca8)


def counsel() -> tuple:
    """Alice Attorney (with a phone) and Dan Defender, e-filing attorneys."""
    alice = factories.AccountFactory(
        purpose="attorney_filer", first_name="Alice", last_name="Attorney",
        email="alice@example.com", phone="816-555-0100",
    )  # fmt: skip
    dan = factories.AccountFactory(
        purpose="attorney_filer", first_name="Dan", last_name="Defender", email="dan@example.net"
    )
    return alice, dan


def build_record(
    mowd, *, nature_of_suit: str = "440", title: str = TITLE, doc_base: int = 0
) -> Record:
    """The record; ``doc_base`` is added to each document number (a court numbers its
    documents once, so a second record at the court needs its own)."""
    alice, dan = counsel()
    judge_at(mowd)
    opening = civil_opening(
        title=title,
        nature_of_suit=nature_of_suit,
        parties=(
            PartyOpening(
                name="Müller & Söhne GmbH",
                role="plaintiff",
                attorneys=(AttorneyOpening(account_id=alice.pk, lead=True),),
            ),
            PartyOpening(
                name="Richard Roe",
                role="defendant",
                aliases=(("Dick Roe", "aka"),),
                attorneys=(AttorneyOpening(account_id=dan.pk, lead=False),),
            ),
            PartyOpening(
                name="Zoë O'Brien",
                role="defendant",
                attorneys=(AttorneyOpening(account_id=dan.pk, lead=True),),
            ),
        ),
    )
    case = open_case(mowd, opening, now=at(2))
    terminate_party(case, "Zoë O'Brien", date(2026, 3, 20))
    ensure_catalogue(court_id="mowd")
    stored, _ = kept_and_stamped(corpus.text_pdf(3), doc_id=1)
    pdf = stored.id
    entry = partial(file_entry, doc_base=doc_base)
    e = {}
    e[1] = entry(case, 1, "complaint",
                      "COMPLAINT against Richard Roe, Zoë O'Brien filed by Müller & Söhne GmbH. "
                      "(Attachments: # 1 Civil Cover Sheet)(Attorney, Alice)",
                      day=2, documents=("Main Document", "Civil Cover Sheet"), pdf_id=pdf,
                      entered_day=3, by=alice)  # fmt: skip
    e[2] = entry(case, 2, "motion-dismiss", "MOTION to Dismiss filed by Richard Roe. (Defender, Dan)",
                      day=9, documents=("Main Document",), pdf_id=pdf, by=dan)  # fmt: skip
    e[3] = entry(case, 3, "exhibit", "SEALED EXHIBIT filed by Richard Roe. (Defender, Dan)",
                      day=10, documents=("Main Document",), pdf_id=pdf, sealed=True, by=dan)  # fmt: skip
    e[4] = entry(case, 4, "minute-entry", "MINUTE ENTRY: Status conference held. (bcw)",
                      day=12, pdf_id=pdf, by=dan)  # fmt: skip
    e[5] = entry(case, 5, "motion-dismiss", "MOTION to Dismiss filed by Zoë O'Brien. (Defender, Dan)",
                      day=13, documents=("Main Document",), pdf_id=pdf, stricken=at(14), by=dan)  # fmt: skip
    e[6] = entry(case, 6, "order", "ORDER denying 2 MOTION to Dismiss. Signed by Judge Brian Wimes. (bcw)",
                      day=16, documents=("Main Document",), pdf_id=pdf, by=dan)  # fmt: skip
    e[7] = entry(case, 7, "notice", "NOTICE of medical records filed by Müller & Söhne GmbH. (Attorney, Alice)",
                      day=18, documents=("Main Document",), pdf_id=pdf, restricted_docs=(0,), by=alice)  # fmt: skip
    return Record(case=case, alice=alice, dan=dan, pdf_id=pdf, entries=e)


@pytest.fixture
def record(mowd):
    return build_record(mowd)


def run_report(client, caseid: int, criteria: dict | None = None, *, court: str = "mowd"):
    """Run the docket report as a person does: criteria, then "View Report" if it costs.

    Returns (the final response, its HTML, the confirmation page's HTML or None)."""
    form = {"all_case_ids": str(caseid), "list_of_parties_and_counsel": "on",
            "terminated_parties": "on", "date_range_type": "Filed", "sort1": "oldest date first",
            **(criteria or {})}  # fmt: skip
    path = f"/{court}/cgi-bin/DktRpt.pl?{caseid}"
    first = client.post(path, form)
    if first.status_code != 200 or first.streaming:
        return first, _html(first), None
    confirm = first.content.decode()
    import re

    view = re.search(r'name="view" value="([0-9a-f]+)"', confirm)
    assert view, confirm
    final = client.post(path, {**form, "view": view.group(1)})
    return final, _html(final), confirm


def _html(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def without_the_case(response, script: str, caseid) -> str:
    """The page with the case number in ``script``'s address (plain or quoted) and the CSRF
    token written alike: then a sealed case's page and a missing case's must be the same."""
    page = response.content.decode()
    for shape in (f"{script}?{{}}", f"{script}%3F{{}}"):
        page = page.replace(shape.format(caseid), shape.format("N"))
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "csrf", page)


CHARGE = [
    ("SELECT", "firms_firm"),  # whose bill
    ("SELECT", "billing_accesscharge"),  # charged already? exempt? bill overdue?
    ("INSERT", "billing_accesscharge"),
    ("INSERT", "billing_ledgerentry"),
]


def charge_statements(captured) -> list[tuple[str, str]]:
    """The statements of a request's charge (``CaptureQueriesContext``): from the firm's bill
    to the ledger row. ``CHARGE`` when the caller passed billing what it knows of the viewer
    (``billing/tests/test_charge_statements.py``)."""
    found = statements(captured.captured_queries)
    start, end = found.index(CHARGE[0]), found.index(CHARGE[-1])
    return found[start : end + 1]
