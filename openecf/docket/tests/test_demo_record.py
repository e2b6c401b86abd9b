"""The demo record (issue 10): 4:18-cv-00123 at W.D. Mo., a chapter 7 case at W.D. Mo.
Bankruptcy and the 8th Circuit's appeal, filed through the same actions as real filings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from openecf.cases import facade as cases
from openecf.core import audit
from openecf.docket.models import DocketEntry, Document
from openecf.notices.models import NoticeOfElectronicFiling as Notice
from openecf.web import demo

pytestmark = pytest.mark.django_db(transaction=True)


def entries(caseid: int) -> list[DocketEntry]:
    return list(DocketEntry.objects.filter(caseid=caseid).order_by("entry_number"))


def test_the_demo_opens_4_18_cv_00123_with_a_full_docket_and_loads_twice_unchanged():
    demo.load()
    [civil] = cases.find_cases(court_id="mowd", number="4:18-cv-00123")
    docket = entries(civil.caseid)
    assert len(docket) >= 12
    assert [e.entry_number for e in docket] == list(range(1, len(docket) + 1))
    assert civil.shown_number.startswith("4:18-cv-00123-")
    assert docket[0].filed_at.year == 2018
    assert "( Filing fee $ 405, receipt number AMOWDC-" in docket[0].docket_text

    parties = {p.name: p for p in cases.parties(caseid=civil.caseid)}
    counsel = {name: [a.username for a in p.attorneys] for name, p in parties.items()}
    assert counsel == {
        "Müller & Sons Bakery, LLC": ["aattorney1"],
        "Great Plains Freight Co.": ["dcounsel1"],
        "Robert Roe": [],  # pro se, served on paper
    }
    motion = next(e for e in docket if e.docket_text.startswith("MOTION to Dismiss"))
    assert Document.objects.filter(entry=motion).count() == 3  # the motion and two exhibits
    assert any(e.docket_text.startswith(f"RESPONSE in Opposition re {motion.entry_number} ")
               for e in docket)  # fmt: skip
    assert [e.entry_number for e in docket if e.is_stricken] == [6]
    assert [e.entry_number for e in docket if e.sealed] == [7]
    assert "Plains Holdings" in docket[2].docket_text  # the clerk's correction
    assert Notice.objects.filter(court_id="mowd").exists()  # filed, so noticed

    [chapter_7] = [c for c in cases.find_cases(court_id="mowb", number="18-1") if c.chapter == 7]
    claims = [e for e in entries(chapter_7.caseid) if e.docket_text.startswith("Proof of Claim")]
    assert len(claims) == 2
    # the claims state their amounts: the bank's all unsecured, the lender's part secured
    assert [
        (c.claim_amounts.amount_claimed, c.claim_amounts.secured, c.claim_amounts.priority)
        for c in claims
    ] == [
        (Decimal("12480.00"), Decimal("0.00"), Decimal("0.00")),
        (Decimal("8115.37"), Decimal("6500.00"), Decimal("0.00")),
    ]
    [debtor] = [p for p in cases.parties(caseid=chapter_7.caseid) if p.role == "debtor"]
    assert debtor.tax_id_shown == "xxx-xx-6789"

    [appeal] = cases.find_cases(court_id="ca8", number="18-1")
    assert (appeal.origin_court_id, appeal.origin_caseid) == ("mowd", civil.caseid)
    notice_of_appeal = DocketEntry.objects.get(
        caseid=civil.caseid, entry_number=appeal.origin_entry_number
    )
    assert notice_of_appeal.docket_text.startswith("NOTICE OF APPEAL")

    counts = (DocketEntry.objects.count(), Document.objects.count(), Notice.objects.count())
    demo.load()
    assert (DocketEntry.objects.count(), Document.objects.count(), Notice.objects.count()) == counts
    assert audit.verify() == []
