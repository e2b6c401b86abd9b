"""A filed entry's notice: who gets it, with or without the document link, the paper list,
free looks, "My notices" and the clerk's undeliverable list."""

from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import transaction

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.notices import facade
from openecf.notices.actions import send_daily_summaries
from openecf.notices.models import DocumentView, NoticeOfElectronicFiling, NoticingSettings
from openecf.notices.recipients import Candidate, FiledDocument, FiledEntry
from openecf.tests_support import factories
from openecf.tests_support.storage import use_own_storage

pytestmark = pytest.mark.django_db
STAMP = "[STAMP dcecfStamp_ID=1 [Date=11/30/2026] [FileNumber=7-0] [ab]]"


@pytest.fixture
def people(mowd, attorney):
    maria = factories.AccountFactory(first_name="Maria", last_name="Defensor")
    paula = factories.AccountFactory(first_name="Paula", last_name="Prose")
    tom = factories.AccountFactory(first_name="Tom", last_name="Terminated")
    return {"alice": attorney, "maria": maria, "paula": paula, "tom": tom}


def entry(people, **changes) -> FiledEntry:
    alice, maria, paula, tom = (people[k] for k in ("alice", "maria", "paula", "tom"))
    facts = {
        "court_id": "mowd",
        "court_kind": "district",
        "court_name": "Western District of Missouri",
        "caseid": 81234,
        "case_number": "4:18-cv-00123-BCW",
        "case_name": "Acme Widget Co. v. Globex Industries, Inc. et al",
        "entry_id": 42,
        "entry_number": 7,
        "event": "Motion to Dismiss",
        "entered_by": "Defensor, Maria",
        "entered_at": datetime(2026, 11, 30, 16, 5, tzinfo=ZoneInfo("America/Chicago")),
        "filed_on": date(2026, 11, 30),
        "filer": "Globex Industries, Inc.",
        "filer_account_id": maria.pk,
        "docket_text": "MOTION to Dismiss filed by Globex Industries, Inc.. (Defensor, Maria)",
        "sealed": False,
        "documents": (FiledDocument("109012345678", 0, "Main Document", "motion.pdf", STAMP),),
        "candidates": (
            Candidate(alice.pk, "Alice Attorney", alice.email, "attorney"),
            Candidate(maria.pk, "Maria Defensor", maria.email, "attorney"),
            Candidate(tom.pk, "Tom Terminated", tom.email, "attorney", terminated=True),
            Candidate(paula.pk, "Paula Prose", paula.email, "pro_se"),
            Candidate(None, "Pat Paper", "", "pro_se", postal_address=("12 Main St",)),
        ),
    }
    return FiledEntry(**{**facts, **changes})


def notify(filed, capture) -> NoticeOfElectronicFiling:
    with capture(execute=True), transaction.atomic():
        notice_id = facade.notify_entry(entry=filed)
    return NoticeOfElectronicFiling.objects.get(pk=notice_id)


def test_every_e_filer_on_the_case_gets_one_email_and_the_pro_se_party_is_served_on_paper(
    people, django_capture_on_commit_callbacks
):
    NoticingSettings.objects.create(
        court_id="mowd", account_id=people["alice"].pk, secondary_emails=["desk@firm.example"]
    )
    notice = notify(entry(people), django_capture_on_commit_callbacks)
    sent_to = sorted(m.to[0] for m in mail.outbox)
    assert sent_to == sorted(
        [people[k].email for k in ("alice", "maria", "paula")] + ["desk@firm.example"]
    )
    assert people["tom"].email not in sent_to
    first = mail.outbox[0]
    assert first.subject == (
        "Activity in Case 4:18-cv-00123-BCW Acme Widget Co. v. Globex Industries, Inc. et al "
        "Motion to Dismiss"
    )
    assert first.from_email == "mowd_ECFNotice@openecf.localhost"
    assert "magic_num=" in first.body and first.alternatives[0][1] == "text/html"
    assert "Pat Paper\n12 Main St" in first.body
    assert [
        (p.name, p.reason) for p in facade.service_by_other_means(court_id="mowd", entry_id=42)
    ] == [("Pat Paper", "no e-mail on file; serve by other means")]
    assert AuditEvent.objects.filter(verb="nef.queued", subject="docket_entry:42").count() == 1
    assert notice.entry_number == 7 and "magic_num" not in notice.body_text


def test_notifying_the_same_entry_twice_sends_nothing_more(
    people, django_capture_on_commit_callbacks
):
    first = notify(entry(people), django_capture_on_commit_callbacks)
    again = notify(entry(people), django_capture_on_commit_callbacks)
    assert first.pk == again.pk and len(mail.outbox) == 3


def test_a_sealed_entry_goes_only_to_those_entitled_and_links_nothing(
    people, django_capture_on_commit_callbacks
):
    sealed = entry(people, sealed=True, entitled=frozenset({people["maria"].pk}))
    notify(sealed, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[people["maria"].email]]
    assert "magic_num" not in mail.outbox[0].body
    assert facade.service_by_other_means(court_id="mowd", entry_id=42) == []


def test_a_restricted_document_is_linked_only_for_case_participants(
    people, django_capture_on_commit_callbacks
):
    restricted = entry(
        people,
        documents=(FiledDocument("109012345678", 0, "Main", "m.pdf", STAMP, restricted=True),),
        candidates=(
            Candidate(people["alice"].pk, "Alice Attorney", people["alice"].email, "attorney"),
            Candidate(
                people["paula"].pk, "Chambers", people["paula"].email, "court", participant=False
            ),  # fmt: skip
        ),
    )
    notify(restricted, django_capture_on_commit_callbacks)
    linked = {m.to[0]: "magic_num" in m.body for m in mail.outbox}
    assert linked == {people["alice"].email: True, people["paula"].email: False}


def test_a_transcript_gets_no_free_look(people, django_capture_on_commit_callbacks):
    transcript = entry(
        people,
        documents=(FiledDocument("109012345678", 0, "Transcript", "t.pdf", STAMP, True),),
    )
    notify(transcript, django_capture_on_commit_callbacks)
    assert all("magic_num" not in m.body for m in mail.outbox)


def free_look_path(message) -> str:
    line = next(x for x in message.body.splitlines() if "magic_num=" in x)
    return local(line)


def local(link: str) -> str:
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


@pytest.fixture
def on_the_docket(mowd, settings, tmp_path):
    """The notice's document (109012345678: W.D. Mo.'s number 12345678) on a public docket,
    for the document view the free look opens (reports, under the record's access rule)."""
    from openecf.docket.models import Document
    from openecf.reports.tests.conftest import build_record

    use_own_storage(settings, tmp_path)
    record = build_record(mowd)
    Document.objects.filter(entry=record.entries[2], attachment_number=0).update(doc_id=12345678)
    return record


def test_the_first_click_is_free_whoever_clicks_and_the_next_asks_for_sign_in(
    people, client, signed_in, django_capture_on_commit_callbacks, on_the_docket
):
    notify(entry(people), django_capture_on_commit_callbacks)
    path = free_look_path(mail.outbox[0])
    first = client.get(path)
    assert first.status_code == 200 and b'data-testid="free-look"' in first.content
    second = client.get(path)
    assert second.status_code == 302 and second["Location"].startswith("/login")
    signed = signed_in(people["maria"]).get(path)
    assert signed.status_code == 200 and b'data-testid="charged-look"' in signed.content
    assert list(DocumentView.objects.values_list("free", "account_id")) == [
        (True, None),
        (False, people["maria"].pk),
    ]


def test_the_filer_gets_one_free_look_from_the_receipt(people, client, on_the_docket):
    args = {"court_id": "mowd", "caseid": 81234, "entry_id": 42, "doc_id": "109012345678"}
    link = facade.filer_free_look(**args, account_id=people["maria"].pk)
    newer = facade.filer_free_look(**args, account_id=people["maria"].pk)
    assert client.get(local(link)).status_code == 302  # replaced
    assert client.get(local(newer)).status_code == 200
    assert facade.filer_free_look(**args, account_id=people["maria"].pk) is None


def test_a_bounced_notice_is_on_the_clerks_list_and_the_filers_paper_list(
    people, clerk, signed_in, django_capture_on_commit_callbacks
):
    notify(entry(people), django_capture_on_commit_callbacks)
    OutboundEmail.objects.filter(to=[people["alice"].email]).update(
        status="undeliverable", last_error="550 5.1.1 User unknown"
    )
    other = facade.service_by_other_means(court_id="mowd", entry_id=42)
    assert [(p.name, p.reason) for p in other] == [
        ("Alice Attorney", "not delivered (550 5.1.1 User unknown); serve by other means"),
        ("Pat Paper", "no e-mail on file; serve by other means"),
    ]
    page = signed_in(clerk).get("/mowd/clerk/notices/undeliverable/")
    assert page.status_code == 200 and b"550 5.1.1 User unknown" in page.content
    assert signed_in(people["alice"]).get("/mowd/clerk/notices/undeliverable/").status_code == 404


def test_my_notices_shows_the_last_90_days_in_the_browser(
    people, signed_in, django_capture_on_commit_callbacks
):
    notice = notify(entry(people), django_capture_on_commit_callbacks)
    client = signed_in(people["alice"])
    listing = client.get("/account/notices/")
    assert listing.status_code == 200 and notice.subject.encode() in listing.content
    page = client.get(f"/account/notices/{notice.pk}/")
    assert page.status_code == 200 and b"Docket Text:" in page.content
    assert signed_in(people["tom"]).get(f"/account/notices/{notice.pk}/").status_code == 404


def test_noticing_settings_keep_secondary_addresses_and_refuse_bad_ones(people, signed_in):
    client = signed_in(people["alice"])
    bad = client.post(
        "/mowd/utilities/noticing/", {"secondary_emails": "nope", "daily_summary": ""}
    )
    assert bad.status_code == 422 and not NoticingSettings.objects.exists()
    good = client.post(
        "/mowd/utilities/noticing/",
        {"secondary_emails": "desk@firm.example", "daily_summary": "on"},
    )
    assert good.status_code == 200
    saved = NoticingSettings.objects.get()
    assert (saved.secondary_emails, saved.daily_summary) == (["desk@firm.example"], True)


def test_a_daily_summary_reader_gets_one_email_the_next_day_instead_of_each_notice(
    people, django_capture_on_commit_callbacks
):
    alice = people["alice"]
    NoticingSettings.objects.create(court_id="mowd", account_id=alice.pk, daily_summary=True)
    with time_machine.travel("2026-11-30 22:00:00+00:00", tick=False):
        notify(entry(people), django_capture_on_commit_callbacks)
        notify(entry(people, entry_id=43, entry_number=8), django_capture_on_commit_callbacks)
        assert alice.email not in {m.to[0] for m in mail.outbox}
        with django_capture_on_commit_callbacks(execute=True):
            assert send_daily_summaries() == 0  # the day is not over in Kansas City
    with (
        time_machine.travel("2026-12-01 12:00:00+00:00", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert send_daily_summaries() == 1
        assert send_daily_summaries() == 0
    [summary] = [m for m in mail.outbox if m.to == [alice.email]]
    assert summary.subject == "Western District of Missouri: Daily Summary Report for 11/30/2026"
    assert summary.body.count("Docket Text:\nMOTION to Dismiss filed by Globex") == 2
    assert "Document Number: 7\n" in summary.body and "Document Number: 8\n" in summary.body


def test_the_document_link_takes_either_switch_digit_and_nothing_else(
    people, client, django_capture_on_commit_callbacks, on_the_docket
):
    notify(entry(people), django_capture_on_commit_callbacks)
    path = free_look_path(mail.outbox[0])
    assert "/mowd/doc1/109012345678?" in path
    assert client.get(path.replace("/109012345678?", "/109112345678?")).status_code == 200
    assert client.get(path).status_code == 302  # the same document: its free look is spent
    for other in ("108012345678", "12345678", "109212345678"):
        missing = client.get(path.replace("109012345678", other))
        assert missing.status_code == 404 and b"has no document" in missing.content
    assert DocumentView.objects.count() == 1
