"""The clerk's quality control: the queue of new filings, accept, mark deficient (the filer is
e-mailed through the outbox), and the court's setting to review before docketing."""

from __future__ import annotations

import json

import pytest

from openecf.cases.models import Case
from openecf.core.models import AuditEvent, OutboundEmail
from openecf.docket import actions
from openecf.docket.models import DocketEntry, ReviewSetting
from openecf.tests_support.api import bearer_token

pytestmark = pytest.mark.django_db


def shown_number(case) -> str:
    from openecf.cases import facade

    return facade.case(court_id="mowd", caseid=case.caseid).shown_number


def call(client, method: str, account, path: str, body: dict | None = None):
    return getattr(client, method)(
        f"/api/v1/courts/mowd/{path}",
        json.dumps(body) if body is not None else None,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {bearer_token(account)}",
    )


def test_a_filers_entry_waits_in_the_queue_and_the_courts_own_does_not(
    client, api, clerk, file_motion, case
):
    filed = file_motion()
    assert api(clerk, case.caseid, {"event": "minute-entry"}).status_code == 201
    queue = call(client, "get", clerk, "review-queue").json()
    assert queue["review"] == "after"
    assert [(e["case_number"], e["entry_number"], e["held"]) for e in queue["entries"]] == [
        (shown_number(case), filed["entry_number"], False)
    ]
    assert queue["entries"][0]["filed_by"] == "Alice Attorney"


def test_accepting_takes_the_entry_off_the_queue_once(client, clerk, file_motion, case):
    file_motion()
    accepted = call(client, "post", clerk, f"cases/{case.caseid}/entries/1/accept")
    assert accepted.status_code == 200 and accepted.json()["review"] == "accepted"
    assert call(client, "get", clerk, "review-queue").json()["entries"] == []
    again = call(client, "post", clerk, f"cases/{case.caseid}/entries/1/accept")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    event = AuditEvent.objects.get(verb="docket.entry_accepted")
    assert (event.subject_kind, event.actor_id) == ("docket_entry", clerk.pk)


def test_a_deficient_filing_tells_the_filer_through_the_outbox(
    client, clerk, alice, file_motion, case
):
    file_motion()
    response = call(
        client,
        "post",
        clerk,
        f"cases/{case.caseid}/entries/1/deficient",
        {"message": "The signature block is missing: file an amended motion."},
    )
    assert response.status_code == 200 and response.json()["review"] == "deficient"
    assert (
        response.json()["deficiency"] == "The signature block is missing: file an amended motion."
    )
    email = OutboundEmail.objects.get(kind="docket.deficiency")
    assert email.to == [alice.email]
    assert email.subject == f"W.D. Mo.: deficient filing in {shown_number(case)}, entry 1"
    assert "The signature block is missing: file an amended motion." in email.body_text
    assert "stays on the docket as filed" in email.body_text
    assert f"/mowd/cases/{case.caseid}/docket/" in email.body_text
    # It stays on the record, and the queue is empty.
    assert DocketEntry.objects.get(caseid=case.caseid, entry_number=1).held is False
    assert call(client, "get", clerk, "review-queue").json()["entries"] == []


def test_a_deficiency_needs_a_message_and_changes_nothing_without_one(
    client, clerk, file_motion, case
):
    file_motion()
    response = call(
        client, "post", clerk, f"cases/{case.caseid}/entries/1/deficient", {"message": "  "}
    )
    assert response.status_code == 422
    assert "message" in response.json()["error"]["fields"]
    assert DocketEntry.objects.get(caseid=case.caseid).review == "pending"
    assert not OutboundEmail.objects.filter(kind="docket.deficiency").exists()


def test_reviewing_before_docketing_keeps_a_filing_off_the_public_record_until_accepted(
    client, clerk, alice, public_user, file_motion, case
):
    timing = call(client, "put", clerk, "review-queue/timing", {"review": "before"})
    assert timing.status_code == 200 and timing.json()["review"] == "before"
    assert AuditEvent.objects.filter(verb="docket.review_timing_changed").count() == 1
    file_motion()

    def numbers(account):
        return [
            e["entry_number"]
            for e in call(client, "get", account, f"cases/{case.caseid}").json()["entries"]
        ]

    from openecf.notices.models import NoticeOfElectronicFiling

    assert numbers(public_user) == []
    assert numbers(alice) == [1]  # the filer sees their own filing, marked held
    assert numbers(clerk) == [1]
    assert Case.objects.get(pk=case.caseid).last_entry_number is None
    assert not NoticeOfElectronicFiling.objects.exists()  # no notice of what is not public
    from openecf.docket import facade

    public = facade.RecordFilter(sealed=False, restricted=False)
    assert facade.record_entries(caseid=case.caseid, only=public) == []  # nor in the reports
    call(client, "post", clerk, f"cases/{case.caseid}/entries/1/accept")
    assert numbers(public_user) == [1]
    assert Case.objects.get(pk=case.caseid).last_entry_number == 1
    entry = DocketEntry.objects.get(caseid=case.caseid)
    assert NoticeOfElectronicFiling.objects.filter(entry_id=entry.pk).count() == 1


def test_a_deficient_held_filing_stays_off_the_record(
    client, clerk, public_user, file_motion, case, mowd
):
    actions.set_review_timing(actor_id=clerk.pk, court=mowd, review_before=True)
    file_motion()
    call(
        client,
        "post",
        clerk,
        f"cases/{case.caseid}/entries/1/deficient",
        {"message": "Wrong case."},
    )
    assert (
        "not on the public record" in OutboundEmail.objects.get(kind="docket.deficiency").body_text
    )
    body = call(client, "get", public_user, f"cases/{case.caseid}").json()
    assert body["entries"] == []


def test_the_same_setting_again_is_no_change(clerk, mowd):
    assert actions.set_review_timing(actor_id=clerk.pk, court=mowd, review_before=False) is False
    assert not AuditEvent.objects.filter(verb="docket.review_timing_changed").exists()


@pytest.mark.parametrize("who", ["alice", "judge", "public_user", "other_court_clerk"])
def test_the_queue_is_the_clerks_office_alone(client, who, request, file_motion, case):
    file_motion()
    account = request.getfixturevalue(who)
    assert call(client, "get", account, "review-queue").status_code == 404
    assert (
        call(client, "put", account, "review-queue/timing", {"review": "before"}).status_code == 404
    )
    assert call(client, "post", account, f"cases/{case.caseid}/entries/1/accept").status_code == 404
    deficient = call(
        client, "post", account, f"cases/{case.caseid}/entries/1/deficient", {"message": "x"}
    )
    assert deficient.status_code == 404
    assert DocketEntry.objects.get(caseid=case.caseid).review == "pending"
    assert not ReviewSetting.objects.exists()


def test_an_anonymous_caller_must_sign_in(client, mowd):
    assert client.get("/api/v1/courts/mowd/review-queue").status_code == 401
