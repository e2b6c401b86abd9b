"""Every recorded entry is noticed in its own transaction: a filing by the API, by the
filing pages and the court's text-only entries write the Notice of Electronic Filing and
its outbox rows with the entry; a refused or failed filing writes neither."""

from __future__ import annotations

import re

import pytest
from juriscraper.pacer import S3NotificationEmail

from openecf.core import clock
from openecf.core.delivery import as_message, deliver_due
from openecf.core.models import OutboundEmail
from openecf.courts import doc_ids
from openecf.docket import actions, announcements
from openecf.docket.models import DocketEntry
from openecf.docket.tests.conftest import pdf_file
from openecf.notices.models import NoticeOfElectronicFiling, NoticeRecipient
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db
MOTION = {"event": "motion-dismiss", "redaction_confirmed": True}


def sent(entry: DocketEntry) -> list[tuple[str, str, str]]:
    """Whom the entry's notice went to: (how, name, address)."""
    notice = NoticeOfElectronicFiling.objects.get(court_id="mowd", entry_id=entry.pk)
    return sorted(notice.recipients.values_list("how", "name", "address"))


def test_an_api_filing_writes_its_notice_and_outbox_rows_with_the_entry(
    api, alice, dan, case, parties, file_motion
):
    appearance = api(
        dan,
        case.caseid,
        {"event": "notice-of-appearance", "filer_parties": [parties["defendant"]], **MOTION},
        document=pdf_file("appearance.pdf"),
    )
    assert appearance.status_code == 201, appearance.content
    first = DocketEntry.objects.get(caseid=case.caseid, entry_number=1)
    # Dan's appearance makes him Richard Roe's attorney in the same transaction: he is
    # served by e-mail, and nobody is left to serve on paper.
    assert sent(first) == [
        ("emailed", "Alice Attorney", alice.email),
        ("emailed", "Dan Defender", dan.email),
    ]

    file_motion()
    entry = DocketEntry.objects.get(caseid=case.caseid, entry_number=2)
    assert sent(entry) == [
        ("emailed", "Alice Attorney", alice.email),
        ("emailed", "Dan Defender", dan.email),
    ]
    rows = OutboundEmail.objects.filter(kind="notices.nef").order_by("pk")
    assert [r.to for r in rows] == [[alice.email], [dan.email]] * 2
    assert rows.last().subject == (
        f"Activity in Case {case.case_number}-BW Acme Corp. v. Roe MOTION to Dismiss"
    )

    # juriscraper reads the notice as it goes out: court, case, entry, document, text.
    report = S3NotificationEmail("mowd")
    report._parse_text(as_message(rows.last()).message().as_bytes().decode())
    [docket] = report.data["dockets"]
    [read] = docket["docket_entries"]
    assert (report.data["court_id"], docket["docket_number"]) == ("mowd", case.case_number)
    assert (read["document_number"], read["pacer_seq_no"], read["pacer_case_id"]) == (
        "2",
        str(entry.pk),
        str(case.caseid),
    )
    assert read["pacer_doc_id"] == doc_ids.doc_id("mowd", entry.pk)
    assert read["description"] == entry.docket_text


def file_through_the_pages(client, alice, case, parties) -> str:
    """Alice files a motion page by page; the receipt's address."""
    sign_in(client, alice, redaction_acknowledged=True)
    started = client.post(
        "/mowd/file/entry/", {"event": "motion-dismiss", "case_number": case.case_number}
    )
    base = started["Location"].removesuffix("/parties/")
    client.post(f"{base}/parties/", {"filer_parties": [parties["plaintiff"]]})
    client.post(f"{base}/documents/", {"pdf": pdf_file("motion.pdf")})
    client.post(f"{base}/documents/", {"next": "1"})
    client.post(f"{base}/links/", {})
    done = client.post(f"{base}/review/", {"redaction_confirmed": "on"})
    assert done.status_code == 302, done.content.decode()[:2000]
    return done["Location"]


def test_a_filing_through_the_pages_is_noticed_and_its_receipt_lists_paper_service(
    client, alice, case, parties
):
    receipt = file_through_the_pages(client, alice, case, parties)
    entry = DocketEntry.objects.get()
    assert sent(entry) == [
        ("emailed", "Alice Attorney", alice.email),
        ("paper", "Richard Roe", ""),
    ]
    page = client.get(receipt).content.decode()
    assert "Notice will be delivered by other means to:" in page
    assert "<strong>Richard Roe</strong>" in page
    assert "no e-mail on file; serve by other means" in page
    # The filer's one free look at what they filed: a fresh link each time, none once used.
    look = re.search(r'href="https?://[^/"]+(/mowd/doc1/[^"]+)"', page).group(1)
    assert look.startswith(f"/mowd/doc1/{doc_ids.doc_id('mowd', entry.pk)}?")
    assert client.get(look.replace("&amp;", "&")).status_code == 200
    again = client.get(receipt).content.decode()
    assert "You have used your free look at the filed document" in again


def test_a_notice_refused_for_good_is_on_the_receipt_to_serve_by_other_means(
    client, alice, case, parties, loopback_smtp
):
    alice.email = "gone@example.net"  # the loopback server answers 550 for it
    alice.save(update_fields=["email"])
    receipt = file_through_the_pages(client, alice, case, parties)
    deliver_due()
    page = client.get(receipt).content.decode()
    assert "<strong>Alice Attorney</strong>" in page and "gone@example.net" in page
    assert re.search(r"not delivered \(.*550.*\); serve by other means", page)


def test_the_courts_text_only_entry_is_noticed_without_a_document(api, alice, clerk, case):
    response = api(clerk, case.caseid, {"event": "minute-entry", "free_text": "Hearing held"})
    assert response.status_code == 201, response.content
    notice = NoticeOfElectronicFiling.objects.get()
    assert (notice.entry_number, notice.event) == (1, "MINUTE ENTRY")
    assert "Document Number: No document attached" in notice.body_text
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == [[alice.email]]


def test_a_refused_filing_writes_no_notice(api, alice, case, parties):
    refused = api(
        alice,
        case.caseid,
        {"event": "motion-dismiss", "filer_parties": [parties["plaintiff"]]},
        document=pdf_file(),
    )
    assert refused.status_code == 422
    assert not DocketEntry.objects.exists()
    assert not NoticeOfElectronicFiling.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_a_filing_that_fails_after_its_notice_is_written_leaves_neither(
    alice, case, parties, monkeypatch
):
    def fail_after_the_notice(recorded: announcements.RecordedEntry) -> None:
        assert NoticeOfElectronicFiling.objects.filter(entry_id=recorded.entry_id).exists()
        raise RuntimeError("the database went away")

    monkeypatch.setattr(
        announcements, "_receivers", [*announcements.receivers(), fail_after_the_notice]
    )
    from openecf.courts.models import Court

    with pytest.raises(RuntimeError, match="went away"):
        actions.file_entry(
            account=alice,
            court=Court.objects.get(pk="mowd"),
            caseid=case.caseid,
            choices=actions.FilingChoices.of(**MOTION, filer_parties=[parties["plaintiff"]]),
            document=actions.Upload(pdf_file(), "motion.pdf"),
            redaction_acknowledged=True,
        )
    assert not DocketEntry.objects.exists()
    assert not NoticeOfElectronicFiling.objects.exists()
    assert not NoticeRecipient.objects.exists()
    assert not OutboundEmail.objects.exists()
    assert clock.now()  # the clock is untouched by the failure


def test_a_filing_agent_who_asked_for_notices_gets_the_attorneys_notice(
    alice, case, mowd, file_motion
):
    from datetime import UTC, datetime

    from openecf.ecf.models import FilingAgentAssociation
    from openecf.tests_support import factories

    noticed = factories.AccountFactory(first_name="Nora", last_name="Notices")
    quiet = factories.AccountFactory(first_name="Quinn", last_name="Quiet")
    since = datetime(2018, 4, 1, tzinfo=UTC)
    for agent, receives in ((noticed, True), (quiet, False)):
        FilingAgentAssociation.objects.create(
            court=mowd, principal=alice, agent=agent, created_at=since, receives_notices=receives
        )
    file_motion()
    entry = DocketEntry.objects.get(caseid=case.caseid, entry_number=1)
    assert sent(entry) == [
        ("emailed", "Alice Attorney", alice.email),
        ("emailed", "Nora Notices", noticed.email),
        ("paper", "Richard Roe", ""),  # no appearance yet: served by other means
    ]
