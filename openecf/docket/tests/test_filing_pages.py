"""Filing page by page: the draft carries the choices and files; back and next lose nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from openecf.core import clock
from openecf.docket import actions
from openecf.docket.models import DocketEntry, DraftFile, FilingDraft
from openecf.docket.tests.conftest import pdf_file
from openecf.tests_support.signon import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client: Client, alice) -> Client:
    sign_in(client, alice, redaction_acknowledged=True)
    return client


def start(browser: Client, case, event: str = "motion-dismiss") -> FilingDraft:
    response = browser.post("/mowd/file/entry/", {"event": event, "case_number": case.case_number})
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = FilingDraft.objects.get()
    assert response["Location"] == f"/mowd/file/entry/{draft.pk}/parties/"
    return draft


def test_an_attorney_files_a_motion_with_an_exhibit_page_by_page(browser, case, parties):
    draft = start(browser, case)
    base = f"/mowd/file/entry/{draft.pk}"
    assert (
        browser.post(
            f"{base}/parties/", {"filer_parties": [parties["plaintiff"]], "to_be_noticed": "on"}
        ).status_code
        == 302
    )
    assert browser.post(f"{base}/documents/", {"pdf": pdf_file("motion.pdf")}).status_code == 302
    assert (
        browser.post(
            f"{base}/documents/", {"pdf": pdf_file("a.pdf"), "kind": "Exhibit", "description": "A"}
        ).status_code
        == 302
    )
    files = list(DraftFile.objects.filter(draft=draft).values_list("position", "file_name"))
    assert files == [(0, "motion.pdf"), (1, "a.pdf")]
    # Back to the parties and forward again: the files stay on the draft.
    assert browser.get(f"{base}/parties/").status_code == 200
    assert browser.post(f"{base}/documents/", {"next": "1"})["Location"] == f"{base}/links/"
    assert (
        browser.post(
            f"{base}/links/", {"modifier": "First", "free_text": "for lack of venue"}
        ).status_code
        == 302
    )
    review = browser.get(f"{base}/review/")
    assert review.status_code == 200
    text = "First MOTION to Dismiss for lack of venue filed by Acme Corp. (Attachments: # 1 Exhibit A)(Attorney, Alice)"
    assert text in review.content.decode()

    unconfirmed = browser.post(f"{base}/review/", {})
    assert unconfirmed.status_code == 400
    assert not DocketEntry.objects.exists()

    done = browser.post(f"{base}/review/", {"redaction_confirmed": "on"})
    assert done.status_code == 302
    assert done["Location"] == f"{base}/receipt/"
    entry = DocketEntry.objects.get()
    assert (entry.entry_number, entry.docket_text) == (1, text)
    receipt = browser.get(done["Location"]).content.decode()
    assert "Notice of Electronic Filing" in receipt and text in receipt
    assert not DraftFile.objects.exists()
    assert not default_storage.exists(f"drafts/{draft.pk}/0-x.pdf")


def test_a_refused_upload_is_named_on_the_documents_page(browser, case, parties):
    from django.core.files.uploadedfile import SimpleUploadedFile

    draft = start(browser, case)
    response = browser.post(
        f"/mowd/file/entry/{draft.pk}/documents/",
        {"pdf": SimpleUploadedFile("photo.pdf", b"GIF89a not a pdf", "application/pdf")},
    )
    assert response.status_code == 400
    assert "photo.pdf" in response.content.decode()
    assert not DraftFile.objects.exists()


def test_a_response_cannot_go_past_the_links_step_without_a_link(browser, case, parties):
    draft = start(browser, case, event="response")
    base = f"/mowd/file/entry/{draft.pk}"
    browser.post(f"{base}/parties/", {"filer_parties": [parties["plaintiff"]]})
    refused = browser.post(f"{base}/links/", {})
    assert refused.status_code == 400
    assert "must refer to an earlier entry" in refused.content.decode()


def test_someone_elses_draft_looks_missing(client, dan, browser, case):
    draft = start(browser, case)
    sign_in(client, dan, redaction_acknowledged=True)
    assert client.get(f"/mowd/file/entry/{draft.pk}/parties/").status_code == 404


def test_an_abandoned_draft_expires_and_leaves_nothing(browser, case):
    draft = start(browser, case)
    browser.post(f"/mowd/file/entry/{draft.pk}/documents/", {"pdf": pdf_file()})
    path = DraftFile.objects.get().path
    assert default_storage.exists(path)

    assert actions.purge_expired_drafts(now=clock.now()) == 0
    assert actions.purge_expired_drafts(now=clock.now() + timedelta(hours=25)) == 1

    assert not FilingDraft.objects.exists() and not DraftFile.objects.exists()
    assert not default_storage.exists(path)
    assert not DocketEntry.objects.exists()
    assert browser.get(f"/mowd/file/entry/{draft.pk}/parties/").status_code == 404


def test_the_worker_sweeps_files_a_crash_left_without_a_draft(case):
    from django.core.files.base import ContentFile

    default_storage.save("drafts/999999/0-abc.pdf", ContentFile(b"%PDF-1.7"))
    actions.purge_expired_drafts(now=clock.now())
    assert not default_storage.exists("drafts/999999/0-abc.pdf")


def test_the_review_shows_the_privacy_hits_and_files_once_a_reason_is_given(browser, case, parties):
    draft = start(browser, case, event="notice")
    base = f"/mowd/file/entry/{draft.pk}"
    browser.post(f"{base}/parties/", {"filer_parties": [parties["plaintiff"]]})
    page = ["Affidavit of Jane Roe", "SSN: 123-45-6789."]
    browser.post(f"{base}/documents/", {"pdf": pdf_file("affidavit.pdf", pages=1, lines=page)})
    browser.post(f"{base}/links/", {})

    stopped = browser.post(f"{base}/review/", {"redaction_confirmed": "on"})
    assert stopped.status_code == 400
    shown = stopped.content.decode()
    assert 'data-testid="privacy-hits"' in shown and "affidavit.pdf, page 1" in shown
    assert "***-**-6789" in shown and "123-45-6789" not in shown
    assert not DocketEntry.objects.exists()

    done = browser.post(
        f"{base}/review/",
        {"redaction_confirmed": "on", "privacy_reason": "Fictitious number in a form."},
    )
    assert done.status_code == 302
    assert DocketEntry.objects.get().privacy_confirmed_reason == "Fictitious number in a form."


def test_next_without_a_main_document_asks_for_one(browser, case, parties):
    draft = start(browser, case)
    response = browser.post(f"/mowd/file/entry/{draft.pk}/documents/", {"next": "1"})
    assert response.status_code == 400
    assert "Upload the main document as a PDF first." in response.content.decode()


@pytest.mark.parametrize("position", ["x", "", "99999999999999999999"])
def test_removing_a_file_that_is_not_there_says_so(browser, case, parties, position):
    draft = start(browser, case)
    response = browser.post(f"/mowd/file/entry/{draft.pk}/documents/", {"remove": position})
    assert response.status_code in (302, 400)
    assert not DraftFile.objects.exists()
