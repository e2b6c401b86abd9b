"""The record in the JSON API: entries a page at a time, a document's cost, then its PDF;
the pages' access rule and their charges (once per view)."""

from __future__ import annotations

import io

import pikepdf
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openecf.billing.models import AccessCharge
from openecf.cases.models import Case
from openecf.reports.tests.conftest import CHARGE, charge_statements, doc_id
from openecf.tests_support.api import bearer_token, call

pytestmark = pytest.mark.django_db


def entries(token: str, caseid: int, **query):
    return call(Client(), "GET", f"/api/v1/courts/mowd/cases/{caseid}/entries", query, token=token)


def walk(token: str, caseid: int, limit: int) -> tuple[list[dict], list[dict]]:
    """Every page of the entries: (the entries, each page's receipt)."""
    got, receipts, cursor = [], [], ""
    while True:
        page = entries(token, caseid, limit=limit, **({"cursor": cursor} if cursor else {}))
        assert page.status_code == 200, page.content
        body = page.json()
        got += body["entries"]
        receipts.append(body["receipt"])
        cursor = body["next_cursor"]
        if cursor is None:
            return got, receipts


def test_a_walk_of_the_entries_is_one_docket_report_charged_once(public_user, record):
    token = bearer_token(public_user)
    got, receipts = walk(token, record.case.caseid, limit=2)
    assert [e["entry_number"] for e in got] == [1, 2, 4, 5, 6, 7]  # 3 is sealed
    assert AccessCharge.objects.count() == 1
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.description, charge.account_id) == (
        "docket_report",
        "Docket Report",
        public_user.pk,
    )
    assert {r["amount"] for r in receipts} == {f"{charge.amount}"}
    assert len(receipts) == 3
    numbers = {e["entry_number"]: e for e in got}
    assert numbers[5]["stricken"] is True
    assert [d["doc_id"] for d in numbers[1]["documents"]] == [doc_id(10), doc_id(11)]
    assert numbers[7]["documents"] == []  # restricted: not the public's to open
    assert numbers[4]["documents"] == []


def test_the_same_view_is_not_charged_twice_and_the_page_charges_the_same(public_user, record):
    token = bearer_token(public_user)
    first = entries(token, record.case.caseid, view="walk1").json()["receipt"]
    again = entries(token, record.case.caseid, view="walk1").json()["receipt"]
    assert first == again and AccessCharge.objects.count() == 1
    from openecf.reports.views.docket import billable_report  # noqa: F401 (same rule as the page)

    assert first["pages"] >= 1 and first["criteria"].startswith(record.case.case_number)


def test_the_participant_sees_the_restricted_document_and_the_clerk_the_sealed_entry(clerk, record):
    alice = entries(bearer_token(record.alice), record.case.caseid, limit=500).json()
    seven = next(e for e in alice["entries"] if e["entry_number"] == 7)
    assert [d["doc_id"] for d in seven["documents"]] == [doc_id(70)]
    court = entries(bearer_token(clerk), record.case.caseid, limit=500).json()
    assert 3 in [e["entry_number"] for e in court["entries"]]
    assert court["receipt"]["amount"] == "0.00" and court["receipt"]["free_reason"]


@pytest.mark.parametrize(
    "query, field",
    [({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"cursor": "forged"}, "cursor"),
     ({"view": "no spaces"}, "view"), ({"limit": "x"}, "limit")],
)  # fmt: skip
def test_bad_paging_is_refused_with_the_field_and_nothing_is_charged(
    public_user, record, query, field
):
    answer = entries(bearer_token(public_user), record.case.caseid, **query)
    assert answer.status_code == 422
    assert field in answer.json()["error"]["fields"]
    assert AccessCharge.objects.count() == 0


def test_another_persons_cursor_is_refused(public_user, attorney, record):
    cursor = entries(bearer_token(public_user), record.case.caseid, limit=1).json()["next_cursor"]
    answer = entries(bearer_token(attorney), record.case.caseid, cursor=cursor)
    assert answer.status_code == 422 and "cursor" in answer.json()["error"]["fields"]


def test_a_sealed_case_answers_as_a_missing_one_and_anonymous_is_asked_to_sign_in(
    public_user, record
):
    Case.objects.filter(pk=record.case.caseid).update(sealed=True)
    token = bearer_token(public_user)
    sealed = entries(token, record.case.caseid)
    missing = entries(token, 987654)
    assert sealed.status_code == missing.status_code == 404
    assert sealed.json()["error"]["code"] == missing.json()["error"]["code"] == "not_found"
    assert (
        Client().get(f"/api/v1/courts/mowd/cases/{record.case.caseid}/entries").status_code == 401
    )
    assert AccessCharge.objects.count() == 0


def document(token: str, caseid: int, number: int, tail: str = "", **query):
    path = f"/api/v1/courts/mowd/cases/{caseid}/documents/{doc_id(number)}{tail}"
    return call(Client(), "GET", path, query, token=token)


def test_a_document_shows_its_cost_then_opens_only_with_the_charge_accepted(public_user, record):
    token = bearer_token(public_user)
    facts = document(token, record.case.caseid, 20)
    assert facts.status_code == 200, facts.content
    body = facts.json()
    assert (body["entry_number"], body["page_count"], body["cost"]["amount"]) == (2, 3, "0.30")
    assert AccessCharge.objects.count() == 0
    refused = document(token, record.case.caseid, 20, "/pdf")
    low = document(token, record.case.caseid, 20, "/pdf", accept_charge="0.20")
    assert refused.status_code == low.status_code == 402
    assert refused.json()["error"]["code"] == "charge_not_accepted"
    assert "0.30" in refused.json()["error"]["message"]
    assert AccessCharge.objects.count() == 0
    opened = document(token, record.case.caseid, 20, "/pdf", accept_charge="0.30", view="v1")
    assert opened.status_code == 200 and opened["Content-Type"] == "application/pdf"
    with pikepdf.open(io.BytesIO(b"".join(opened.streaming_content))) as pdf:
        assert len(pdf.pages) == 3
    again = document(token, record.case.caseid, 20, "/pdf", accept_charge="0.30", view="v1")
    assert again.status_code == 200
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.description, charge.pages) == ("document", "Image2-0", 3)


def test_documents_follow_the_one_rule(public_user, clerk, record):
    token = bearer_token(public_user)
    for hidden in (30, 70):  # sealed; restricted
        assert document(token, record.case.caseid, hidden).status_code == 404
        assert (
            document(token, record.case.caseid, hidden, "/pdf", accept_charge="3").status_code
            == 404
        )
    missing = document(token, record.case.caseid, 990)
    sealed = document(token, record.case.caseid, 30)
    assert sealed.json()["error"]["code"] == missing.json()["error"]["code"] == "not_found"
    assert document(token, record.case.caseid + 1, 20).status_code == 404  # not this case's
    alice = bearer_token(record.alice)
    assert document(alice, record.case.caseid, 70).status_code == 200
    court = bearer_token(clerk)
    assert document(court, record.case.caseid, 30).json()["cost"]["amount"] == "0.00"
    assert document(court, record.case.caseid, 30, "/pdf").status_code == 200  # free: no accept
    assert AccessCharge.objects.filter(amount__gt=0).count() == 0


def the_case(token: str, caseid: int, **query):
    return call(Client(), "GET", f"/api/v1/courts/mowd/cases/{caseid}", query, token=token)


def test_the_apis_docket_report_charges_with_what_the_request_knows(public_user, record):
    """Like the page, the API passes billing the viewer's standing and username."""
    token = bearer_token(public_user)
    for path in ("/entries", ""):
        with CaptureQueriesContext(connection) as captured:
            answer = call(Client(), "GET", f"/api/v1/courts/mowd/cases/{record.case.caseid}{path}",
                          {"view": f"api{len(path)}"}, token=token)  # fmt: skip
        assert answer.status_code == 200, answer.content
        assert charge_statements(captured) == CHARGE, path
    assert (
        list(AccessCharge.objects.values_list("username", flat=True)) == [public_user.username] * 2
    )


def test_the_case_with_its_entries_is_the_docket_report_and_charged_as_it(public_user, record):
    token = bearer_token(public_user)
    answer = the_case(token, record.case.caseid, view="case1")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert [e["entry_number"] for e in body["entries"]] == [1, 2, 4, 5, 6, 7]  # 3 is sealed
    charge = AccessCharge.objects.get()
    assert (charge.kind, charge.account_id) == ("docket_report", public_user.pk)
    assert body["receipt"]["amount"] == f"{charge.amount}" and charge.amount > 0
    assert body["receipt"]["criteria"].startswith(record.case.case_number)
    # The same view again is the same view: no second charge. Another view is charged.
    assert the_case(token, record.case.caseid, view="case1").json()["receipt"] == body["receipt"]
    assert AccessCharge.objects.count() == 1
    the_case(token, record.case.caseid)
    assert AccessCharge.objects.count() == 2


def test_the_court_reads_the_case_free_and_a_bad_view_is_refused(clerk, public_user, record):
    court = the_case(bearer_token(clerk), record.case.caseid).json()
    assert 3 in [e["entry_number"] for e in court["entries"]]
    assert court["receipt"]["amount"] == "0.00" and court["receipt"]["free_reason"]
    refused = the_case(bearer_token(public_user), record.case.caseid, view="no spaces")
    assert refused.status_code == 422 and "view" in refused.json()["error"]["fields"]
    assert not AccessCharge.objects.filter(account_id=public_user.pk).exists()
