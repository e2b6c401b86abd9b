"""Court entries: a judge dockets an order with a PDF and a text order as the judge (initials,
no review), a clerk a minute entry; a filer cannot learn that a sealed entry exists by linking
to it."""

from __future__ import annotations

import pytest

from openecf.courts.models import CourtStaff
from openecf.docket.models import DocketEntry
from openecf.docket.tests.conftest import pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def wimes(case):
    return CourtStaff.objects.get(court_id="mowd", role="judge").account  # Brian Wimes


def test_the_judge_dockets_an_order_with_a_pdf_and_a_text_order(api, wimes, case):
    order = api(wimes, case.caseid, {"event": "order", "free_text": "setting trial"}, pdf_file())
    assert order.status_code == 201, order.content
    assert order.json()["docket_text"] == "ORDER setting trial. (bw, COURT STAFF)"
    assert [d["attachment_number"] for d in order.json()["documents"]] == [0]
    text = api(wimes, case.caseid, {"event": "text-order", "links": [1], "free_text": "vacated"})
    assert text.status_code == 201, text.content
    assert text.json()["docket_text"] == "TEXT ORDER re 1 ORDER vacated. (bw, COURT STAFF)"
    entries = DocketEntry.objects.filter(caseid=case.caseid).order_by("entry_number")
    assert [(e.filed_by_id, e.review, e.held) for e in entries] == [
        (wimes.pk, "accepted", False),
        (wimes.pk, "accepted", False),
    ]


def test_a_filer_may_not_docket_an_order(api, alice, case, parties):
    response = api(
        alice, case.caseid, {"event": "text-order", "filer_parties": [parties["plaintiff"]]}
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "filing_not_allowed"
    assert not DocketEntry.objects.exists()


def test_linking_to_a_sealed_entry_reads_as_linking_to_a_missing_one(
    api, alice, clerk, case, parties
):
    sealed = api(clerk, case.caseid, {"event": "minute-entry", "sealed": True})
    assert sealed.status_code == 201, sealed.content

    def respond(number: int) -> dict:
        response = api(
            alice,
            case.caseid,
            {
                "event": "response",
                "filer_parties": [parties["plaintiff"]],
                "links": [number],
                "redaction_confirmed": True,
            },
            document=pdf_file(),
        )
        assert response.status_code == 422
        return response.json()["error"]["fields"]["links"]

    assert respond(1) == ["There is no entry 1 in this case to refer to."]
    assert respond(2) == ["There is no entry 2 in this case to refer to."]
    assert DocketEntry.objects.count() == 1
