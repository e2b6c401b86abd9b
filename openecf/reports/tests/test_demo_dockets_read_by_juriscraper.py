"""The demo record's chapter 7 case at W.D. Mo. Bankruptcy and its appeal at the Eighth Circuit,
filed through the real actions, read by juriscraper from the reports a member of the public
runs: the parties, the debtor's masked number and every entry as the docket keeps them."""

from __future__ import annotations

import pytest
from juriscraper.pacer import AppellateDocketReport

from openecf.cases import facade as cases
from openecf.docket.models import DocketEntry
from openecf.reports.tests.appeal_record import QUERY
from openecf.reports.tests.conftest import parsed_docket, run_report
from openecf.reports.tests.test_claims_register import parsed as parsed_claims
from openecf.reports.tests.test_claims_register import run as run_claims
from openecf.web import demo

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demos_bankruptcy_and_appellate_dockets_read_as_stored(signed_in, public_user):
    demo.load()
    client = signed_in(public_user)
    [chapter_7] = [c for c in cases.find_cases(court_id="mowb", number="18-1") if c.chapter == 7]
    _response, html, _ = run_report(client, chapter_7.caseid, court="mowb")
    data = parsed_docket(html, "mowb")
    parties = cases.parties(caseid=chapter_7.caseid)
    assert data["docket_number"] == chapter_7.case_number == "18-00001"
    assert data["case_name"] == chapter_7.title
    assert [(p["type"], p["name"]) for p in data["parties"]] == [
        (p.role_label, p.name) for p in parties
    ]
    assert "SSN / ITIN: xxx-xx-6789" in data["parties"][0]["extra_info"]
    assert "123-45-6789" not in html
    stored = DocketEntry.objects.filter(caseid=chapter_7.caseid, sealed=False)
    assert [e["document_number"] for e in data["docket_entries"]] == [
        str(n) for n in stored.order_by("entry_number").values_list("entry_number", flat=True)
    ]

    # its claims register: the two proofs of claim with the amounts they were filed with
    register = parsed_claims(run_claims(client, chapter_7)[1])
    amounts = ("amount_claimed", "secured_claimed", "priority_claimed", "unsecured_claimed")
    assert [[c[k] for k in amounts] for c in register["claims"]] == [
        ["$12480.00", "$0.00", "$0.00", "$12480.00"],
        ["$8115.37", "$6500.00", "$0.00", "$1615.37"],
    ]

    [appeal] = cases.find_cases(court_id="ca8", number="18-1")
    response = client.get("/ca8/n/beam/servlet/TransportRoom", {**QUERY, "caseNum": "18-0001"})
    report = AppellateDocketReport("ca8")
    report._parse_text(b"".join(response.streaming_content).decode())
    data = report.data
    assert (data["docket_number"], data["date_filed"]) == (appeal.case_number, appeal.date_filed)
    origin = data["originating_court_information"]
    assert (origin["docket_number"], origin["date_filed_noa"].isoformat()) == (
        "4:18-cv-00123",
        "2018-09-14",
    )
    assert [(p["name"], p["type"]) for p in data["parties"]] == [
        (p.name, p.role_label) for p in cases.parties(caseid=appeal.caseid)
    ]
    stored = DocketEntry.objects.filter(caseid=appeal.caseid, sealed=False)
    assert [e["description"].split(" [Entered:")[0] for e in data["docket_entries"]] == list(
        stored.order_by("entry_number").values_list("docket_text", flat=True)
    )
