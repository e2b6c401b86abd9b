"""A court of appeals record for the appellate report tests, written as filings leave it.

The appeal of *Müller & Söhne GmbH v. Roe et al.* (the W.D. Mo. record of ``conftest``, with
its notice of appeal as entry 8) at the Eighth Circuit: the plaintiff appeals (Alice), Richard
Roe (alias Dick Roe) and Zoë O'Brien are appellees (Dan), Zoë terminated with her attorney.
Entries: 1 docketed, 2 a clerk's notice (no document), 3 a sealed motion, 4 a stricken brief,
5 an appendix whose document is restricted, 6 the opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openecf.cases.factories import judge_at, open_case
from openecf.cases.models import Case
from openecf.cases.rules import AttorneyOpening, CaseOpening, PartyOpening
from openecf.courts import doc_ids
from openecf.docket.actions import ensure_catalogue
from openecf.reports.tests.conftest import TITLE, at, build_record, file_entry, terminate_party

BASE = 1000  # the appeal's document numbers: 1010, 1020... (the district's are 10, 20...)
ROE = "Richard Roe"
ZOE = "Zoë O'Brien"
PLAINTIFF = "Müller & Söhne GmbH"
# What juriscraper's query() asks for (appellate_docket.py): every section, as HTML.
QUERY = {
    "servlet": "CaseSummary.jsp",
    "incDktEntries": "Y",
    "incOrigDkt": "Y",
    "incPrior": "Y",
    "incAssoc": "Y",
    "incPanel": "Y",
    "incPtyAty": "Y",
    "incCaption": "long",
    "fullDocketReport": "Y",
    "actionType": "Run+Docket+Report",
}


@dataclass
class Appeal:
    case: Case
    origin: Case
    alice: object
    dan: object
    entries: dict
    notice_filed: date


def build_appeal(mowd, ca8) -> Appeal:
    record = build_record(mowd)
    origin = record.case
    file_entry(origin, 8, "notice-of-appeal", f"NOTICE OF APPEAL by {PLAINTIFF}.", day=19,
               documents=("Main Document",), pdf_id=record.pdf_id, by=record.alice)  # fmt: skip
    judge_at(ca8, first_name="Lavenski R.", last_name="Smith")
    alice, dan = record.alice, record.dan
    opening = CaseOpening(
        kind="ca",
        title=TITLE,
        origin_court_id="mowd",
        origin_caseid=origin.caseid,
        origin_case_number=origin.case_number + f"-{origin.judge_initials}",
        origin_entry_number=8,
        parties=(
            PartyOpening(name=PLAINTIFF, role="appellant",
                         attorneys=(AttorneyOpening(account_id=alice.pk, lead=True),)),
            PartyOpening(name=ROE, role="appellee", aliases=(("Dick Roe", "aka"),),
                         attorneys=(AttorneyOpening(account_id=dan.pk),)),
            PartyOpening(name=ZOE, role="appellee",
                         attorneys=(AttorneyOpening(account_id=dan.pk, lead=True),)),
        ),
    )  # fmt: skip
    case = open_case(ca8, opening, now=at(23))
    terminate_party(case, ZOE, date(2026, 3, 27))
    ensure_catalogue(court_id="ca8")
    pdf = record.pdf_id
    e = {}
    e[1] = file_entry(case, 1, "notice-of-appeal-docketed",
                      f"CIVIL CASE DOCKETED. Notice filed by Appellant {PLAINTIFF}.",
                      day=23, documents=("Main Document",), pdf_id=pdf, by=alice, doc_base=BASE)  # fmt: skip
    e[2] = file_entry(case, 2, "clerk-notice", "CLERK NOTICE: briefing schedule set.",
                      day=24, pdf_id=pdf, by=alice, doc_base=BASE)  # fmt: skip
    e[3] = file_entry(case, 3, "motion-stay", "SEALED MOTION to stay.", day=25,
                      documents=("Main Document",), pdf_id=pdf, sealed=True, by=dan, doc_base=BASE)  # fmt: skip
    e[4] = file_entry(case, 4, "brief-appellant", f"BRIEF of Appellant {PLAINTIFF}.", day=26,
                      documents=("Main Document",), pdf_id=pdf, stricken=at(27), by=alice, doc_base=BASE)  # fmt: skip
    e[5] = file_entry(case, 5, "appendix", "APPENDIX with medical records.", day=27,
                      documents=("Main Document",), pdf_id=pdf, restricted_docs=(0,), by=alice,
                      doc_base=BASE)  # fmt: skip
    e[6] = file_entry(case, 6, "opinion", "OPINION. Affirmed. (LRS)", day=30, entered_day=31,
                      documents=("Main Document",), pdf_id=pdf, by=alice, doc_base=BASE)  # fmt: skip
    return Appeal(case=case, origin=origin, alice=alice, dan=dan, entries=e,
                  notice_filed=date(2026, 3, 19))  # fmt: skip


def doc_id(n: int) -> str:
    """CM/ECF's document id of the appeal's document ``n`` (10: entry 1's main document)."""
    return doc_ids.doc_id("ca8", BASE + n)
