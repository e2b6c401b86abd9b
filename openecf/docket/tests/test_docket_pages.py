"""The case's docket page, the clerk's entry and review-queue pages, and a judge docketing a
text order from the case page, for each role."""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.core.models import AuditEvent
from openecf.docket.models import DocketEntry, DocketTextRevision, FilingDraft
from openecf.docket.tests.conftest import pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def docket(api, alice, case, parties):
    """1 a motion, 2 an exhibit (sealed by the clerk below)."""
    for event in ("motion-dismiss", "exhibit"):
        response = api(
            alice,
            case.caseid,
            {"event": event, "filer_parties": [parties["plaintiff"]], "redaction_confirmed": True},
            document=pdf_file(),
        )
        assert response.status_code == 201, response.content
    DocketEntry.objects.filter(caseid=case.caseid, entry_number=2).update(sealed=True)
    return case


def page(client: Client, path: str) -> tuple[int, str]:
    response = client.get(path)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("who", ["public_user", "alice"])
def test_anyone_but_the_court_reads_the_docket_as_the_charged_docket_report(
    request, signed_in, docket, who
):
    # The public and counsel alike: PACER charges the docket sheet, and shows the cost first.
    response = signed_in(request.getfixturevalue(who)).get(f"/mowd/cases/{docket.caseid}/docket/")
    assert response.status_code == 302
    assert response["Location"] == f"/mowd/cgi-bin/DktRpt.pl?{docket.caseid}"


def test_the_clerk_sees_every_entry_with_its_flags_and_the_correct_links(signed_in, clerk, docket):
    status, html = page(signed_in(clerk), f"/mowd/cases/{docket.caseid}/docket/")
    assert status == 200
    assert 'data-entry="2"' in html and 'data-testid="entry-sealed"' in html
    assert f"/mowd/clerk/cases/{docket.caseid}/entries/1/" in html
    assert "Waiting for review" in html


def test_a_judge_sees_the_sealed_entry_and_may_docket_an_order_but_not_correct(
    signed_in, judge, docket
):
    status, html = page(signed_in(judge), f"/mowd/cases/{docket.caseid}/docket/")
    assert status == 200 and 'data-entry="2"' in html
    assert f"/mowd/file/entry/?event=text-order&amp;case_number={docket.case_number}" in html
    assert "/entries/1/" not in html


def test_an_anonymous_visitor_is_sent_to_sign_in_and_a_sealed_case_is_missing(
    client, signed_in, public_user, docket
):
    assert client.get(f"/mowd/cases/{docket.caseid}/docket/").status_code == 302
    from openecf.cases.models import Case

    Case.objects.filter(pk=docket.caseid).update(sealed=True)
    assert page(signed_in(public_user), f"/mowd/cases/{docket.caseid}/docket/")[0] == 404


def test_a_corrected_entry_shows_cmecfs_modified_mark(signed_in, clerk, public_user, docket):
    browser = signed_in(clerk)
    path = f"/mowd/clerk/cases/{docket.caseid}/entries/1/"
    assert browser.get(path).status_code == 200
    response = browser.post(
        path,
        {
            "action": "correct",
            "docket_text": "MOTION to Dismiss for Lack of Jurisdiction filed by Acme Corp.",
            "reason": "Relief",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert DocketTextRevision.objects.count() == 1
    _, html = page(browser, f"/mowd/cases/{docket.caseid}/docket/")
    assert "MOTION to Dismiss for Lack of Jurisdiction filed by Acme Corp." in html
    assert 'data-testid="modified">Modified on ' in html and "(cc).</span>" in html
    _, clerk_html = page(browser, path)
    assert 'data-testid="revisions"' in clerk_html


def test_the_clerks_entry_page_seals_strikes_and_refuses_an_empty_text(signed_in, clerk, docket):
    browser = signed_in(clerk)
    path = f"/mowd/clerk/cases/{docket.caseid}/entries/1/"
    text = DocketEntry.objects.get(caseid=docket.caseid, entry_number=1).docket_text
    bad = browser.post(path, {"action": "correct", "docket_text": "", "sealed": "on"})
    assert bad.status_code == 400 and "This field is required" in bad.content.decode()
    assert not DocketEntry.objects.get(caseid=docket.caseid, entry_number=1).sealed
    ok = browser.post(
        path,
        {
            "action": "correct",
            "docket_text": text,
            "sealed": "on",
            "stricken": "on",
            "doc_0_restricted": "on",
        },
    )
    assert ok.status_code == 302
    entry = DocketEntry.objects.get(caseid=docket.caseid, entry_number=1)
    assert entry.sealed and entry.is_stricken and entry.documents.get().restricted
    assert entry.docket_text == text and not DocketTextRevision.objects.exists()


def test_the_review_queue_page_accepts_and_marks_deficient(signed_in, clerk, docket):
    browser = signed_in(clerk)
    status, html = page(browser, "/mowd/clerk/review/")
    assert status == 200 and f'data-entry="{docket.caseid}:1"' in html
    assert browser.post("/mowd/clerk/review/", {"accept": f"{docket.caseid}:1"}).status_code == 302
    assert DocketEntry.objects.get(caseid=docket.caseid, entry_number=1).review == "accepted"
    path = f"/mowd/clerk/cases/{docket.caseid}/entries/2/"
    empty = browser.post(path, {"action": "deficient", "message": ""})
    assert empty.status_code == 400
    done = browser.post(path, {"action": "deficient", "message": "Exhibit is unreadable."})
    assert done.status_code == 302
    assert DocketEntry.objects.get(caseid=docket.caseid, entry_number=2).review == "deficient"
    assert browser.post("/mowd/clerk/review/", {"review": "before"}).status_code == 302
    assert "reviews filings <strong>before</strong>" in page(browser, "/mowd/clerk/review/")[1]


@pytest.mark.parametrize("who", ["alice", "judge", "public_user", "other_court_clerk"])
def test_the_clerks_pages_are_missing_for_everyone_else(signed_in, who, request, docket):
    browser = signed_in(request.getfixturevalue(who))
    for path in (f"/mowd/clerk/cases/{docket.caseid}/entries/1/", "/mowd/clerk/review/"):
        assert browser.get(path).status_code == 404
        assert (
            browser.post(path, {"action": "accept", "accept": f"{docket.caseid}:1"}).status_code
            == 404
        )
    assert DocketEntry.objects.get(caseid=docket.caseid, entry_number=1).review == "pending"


def test_the_judge_dockets_a_text_order_from_the_case_page(signed_in, case):
    from openecf.courts.models import CourtStaff

    judge = CourtStaff.objects.get(court_id="mowd", role="judge").account  # Brian Wimes
    browser = signed_in(judge)
    start = browser.get(f"/mowd/file/entry/?event=text-order&case_number={case.case_number}")
    assert start.status_code == 200
    response = browser.post(
        "/mowd/file/entry/", {"event": "text-order", "case_number": case.case_number}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = FilingDraft.objects.get()
    base = f"/mowd/file/entry/{draft.pk}"
    assert browser.post(f"{base}/parties/", {}).status_code == 302
    links = browser.post(f"{base}/links/", {"free_text": "Scheduling conference set for 1/5/2027"})
    assert links["Location"] == f"{base}/review/"
    review = browser.get(f"{base}/review/").content.decode()
    assert "Have you redacted?" not in review and "privacy check found" not in review
    assert browser.post(f"{base}/review/", {}).status_code == 302
    entry = DocketEntry.objects.get(caseid=case.caseid)
    assert (
        entry.docket_text == "TEXT ORDER Scheduling conference set for 1/5/2027. (bw, COURT STAFF)"
    )
    assert (entry.filed_by_id, entry.entered_by_id, entry.review) == (
        judge.pk,
        judge.pk,
        "accepted",
    )
    assert AuditEvent.objects.filter(verb="docket.entry_filed", actor_id=judge.pk).exists()
