"""Filing through the API, against a raw baseline, and on a case with 10,000 entries.

``filing_20_page_pdf_api_vs_raw``: ``POST /api/v1/courts/mowd/cases/{caseid}/entries`` with a
20-page PDF through ``openecf.wsgi.application`` (the filing check, the PDF check in its child
process, the privacy check, storage, the entry, its stamp and audit row), against the raw work
of keeping such a file: pikepdf open and page count, SHA-256, a file write and one INSERT.
Every filing sends a different PDF, so storage never answers "already kept". Target ≤ 2x.

``filing_20_page_pdf_api_vs_pdf_check``: the same filing against ``documents.facade.check_pdf``
alone, the check every filing must run (in a child process with limits, with text extraction
for the privacy check): what the docket adds to it.

``filing_entry_10001_vs_entry_2``: the clerk files a minute entry through the API into a case
holding 10,000 entries, against the same filing into a case holding one. Target ≤ 1.2x: the
next number comes from the case's index, not from reading its docket. Adds 10,000 rows, so it
runs last.
"""

from __future__ import annotations

import io
import json
import uuid

from bench.bench_documents import raw_filing_baseline
from bench.bench_payments import DATABASE_TASKS
from bench.harness import Result, benchmark, benchmark_run_last, best_of, through_wsgi

PAGES = 20
ROUNDS, NUMBER = 3, 5


def _pdf(pages: int, marker: str) -> bytes:
    from openecf.documents.tests import corpus

    return corpus.text_pdf(
        pages, lines=[f"Memorandum in support, copy {marker}", "Lorem ipsum " * 8]
    )


def _multipart(filing: dict, files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="filing"\r\n'
        f"Content-Type: application/json\r\n\r\n{json.dumps(filing)}\r\n".encode()
    ]
    for field, name, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _file(caseid: int, headers: dict[str, str], filing: dict, files: list) -> None:
    body, kind = _multipart(filing, files)
    answer = through_wsgi(
        "POST",
        f"/api/v1/courts/mowd/cases/{caseid}/entries",
        headers={**headers, "Content-Type": kind},
        body=body,
    )
    assert answer.status == 201, answer.body


def _people_and_case():
    """A filer with privileges and MFA, the clerk, and a new civil case at W.D. Mo."""
    from django.db import transaction

    from openecf.cases import facade as cases
    from openecf.cases.factories import civil_opening, judge_at
    from openecf.core import clock
    from openecf.courts.models import Court
    from openecf.ecf.factories import FilingPrivilegeFactory
    from openecf.signon.factories import AuthenticatorAppFactory
    from openecf.signon.sessions import start_session
    from openecf.tests_support.factories import AccountFactory, CourtStaffFactory

    mowd = Court.objects.get(pk="mowd")
    judge_at(mowd)
    filer = AccountFactory(purpose="attorney_filer", first_name="Bench", last_name="Filer")
    FilingPrivilegeFactory(court=mowd, account=filer)
    AuthenticatorAppFactory(account=filer)
    clerk = AccountFactory(first_name="Bench", last_name="Clerk")
    CourtStaffFactory(court=mowd, account=clerk, role="clerk")

    def new_case(title: str):
        with transaction.atomic():
            return cases.open_case(
                court_id="mowd",
                opening=civil_opening(plaintiff_attorney_id=filer.pk, title=title),
                actor_id=None,
                now=clock.now(),
            )

    def token(account) -> str:
        return start_session(account_id=account.pk, redaction_acknowledged=True).token

    return filer, clerk, new_case, token


@benchmark
def filing_api() -> list[Result]:
    from django.test import override_settings

    from openecf.cases import facade as cases

    filer, _clerk, new_case, token = _people_and_case()
    case = new_case("Bench Corp. v. Raw")
    plaintiff = next(p.id for p in cases.parties(caseid=case.caseid) if p.role == "plaintiff")
    headers = {"Authorization": f"Bearer {token(filer)}"}
    filing = {"event": "notice", "filer_parties": [plaintiff], "redaction_confirmed": True}
    calls = ROUNDS * NUMBER + 1
    ours_pdfs = iter([_pdf(PAGES, f"api-{n}") for n in range(2 * calls)])

    def ours() -> None:
        _file(case.caseid, headers, filing, [("document", "notice.pdf", next(ours_pdfs))])

    raw = raw_filing_baseline(_pdf(PAGES, "raw"))

    check_pdfs = iter([_pdf(PAGES, f"check-{n}") for n in range(calls)])

    def check_only() -> None:
        from openecf.documents import facade as documents

        checked = documents.check_pdf(
            io.BytesIO(next(check_pdfs)), court_id="mowd", file_name="notice.pdf"
        )
        documents.discard(checked)

    # As in production: the notices' e-mails are queued for the worker, not sent inline.
    with override_settings(TASKS=DATABASE_TASKS):
        filed = best_of(ours, rounds=ROUNDS, number=NUMBER)
        # The design before the pool: a fresh fork of this process for every PDF.
        with override_settings(OPENECF_PDF_CHECK_FILES_PER_PROCESS=1):
            forked = best_of(ours, rounds=ROUNDS, number=NUMBER)
    baseline = best_of(raw, rounds=ROUNDS, number=NUMBER)
    return [
        Result("filing_20_page_pdf_api_vs_raw", filed, baseline, target="<= 2x"),
        Result(
            "filing_20_page_pdf_api_one_fork_per_pdf_vs_raw",
            forked,
            baseline,
            target="informational: the check's process forked per PDF, as before the pool",
        ),
        # What the filing adds to the PDF check it must run (documents' child process).
        Result(
            "filing_20_page_pdf_api_vs_pdf_check",
            filed,
            best_of(check_only, rounds=ROUNDS, number=NUMBER),
            target="informational",
        ),
    ]


@benchmark_run_last
def filing_deep_docket() -> Result:
    from openecf.core import clock
    from openecf.docket import actions
    from openecf.docket.models import DocketEntry, Event

    _filer, clerk, new_case, token = _people_and_case()
    shallow, deep = new_case("Short v. Docket"), new_case("Long v. Docket")
    actions.ensure_catalogue(court_id="mowd")
    event = Event.objects.get(court_id="mowd", code="minute-entry")
    now = clock.now()
    DocketEntry.objects.bulk_create(
        DocketEntry(
            court_id="mowd",
            caseid=caseid,
            entry_number=n,
            event=event,
            docket_text=f"MINUTE ENTRY Hearing {n} held. (bc, COURT STAFF)",
            filed_at=now,
            entered_at=now,
            filed_by=clerk,
            entered_by=clerk,
        )
        for caseid, last in ((shallow.caseid, 1), (deep.caseid, 10_000))
        for n in range(1, last + 1)
    )
    headers = {"Authorization": f"Bearer {token(clerk)}"}

    minute = {"event": "minute-entry", "free_text": "Status conference held"}

    def file_into(caseid: int):
        return lambda: _file(caseid, headers, minute, [])

    return Result(
        "filing_entry_10001_vs_entry_2",
        best_of(file_into(deep.caseid)),
        best_of(file_into(shallow.caseid)),
        target="<= 1.2x",
    )
