"""A filing process for test_killed_filing: killed after its PDF is stored, before the commit.

``file``: migrate a fresh SQLite file, open a case, file an entry with a PDF, print
``kept <storage name>`` once the PDF is written to storage and its Document row made (inside
the filing's transaction), then wait to be killed. ``sweep``: run documents' sweep with no
grace period and print how many files went. ``count``: print the rows of the record.
"""

from __future__ import annotations

import sys

import django

from openecf.documents.tests.killed_keeper import sweep_at_once
from openecf.tests_support.killing import wait_to_be_killed


def main(what: str) -> None:
    django.setup()
    from django.core.management import call_command

    from openecf.docket.models import DocketEntry, Document
    from openecf.documents.models import StoredPdf

    if what == "sweep":
        sweep_at_once()
        return
    if what == "count":
        print(
            DocketEntry.objects.count(),
            Document.objects.count(),
            StoredPdf.objects.count(),
            flush=True,
        )
        return
    call_command("migrate", verbosity=0, interactive=False)
    from openecf.cases.factories import civil_opening, judge_at, open_case
    from openecf.courts import demo as courts_demo
    from openecf.courts.models import Court
    from openecf.docket import actions
    from openecf.docket.actions import filing
    from openecf.documents.tests import corpus
    from openecf.tests_support.factories import AccountFactory, CourtStaffFactory

    courts_demo.load()
    mowd = Court.objects.get(pk="mowd")
    judge_at(mowd)
    clerk = AccountFactory(first_name="Carl", last_name="Clerk")
    CourtStaffFactory(court=mowd, account=clerk, role="clerk")
    case = open_case(mowd, civil_opening())
    real_keep = filing._keep_document

    def keep_then_wait(entry, number, upload, now):
        kept = real_keep(entry, number, upload, now)
        name = StoredPdf.objects.get(sha256=kept.sha256).storage_name
        print(f"kept {name}", flush=True)
        wait_to_be_killed()
        return kept

    filing._keep_document = keep_then_wait
    import io

    actions.file_entry(
        account=clerk,
        court=mowd,
        caseid=case.caseid,
        choices=actions.FilingChoices(event="order"),
        document=actions.Upload(io.BytesIO(corpus.text_pdf(2)), "order.pdf"),
    )


if __name__ == "__main__":
    main(sys.argv[1])
