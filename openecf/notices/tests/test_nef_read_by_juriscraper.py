"""juriscraper, which reads CM/ECF's notices for RECAP and CourtListener, reads ours: the
delivered e-mail bytes, as its text part and as its HTML part."""

import email
from email.policy import default as default_policy

import pytest
from django.db import transaction
from juriscraper.pacer import NotificationEmail, S3NotificationEmail

from openecf.core.outbox import queue_letter
from openecf.notices.nef import nef_letter
from openecf.notices.tests import nef_examples


def delivered(facts, smtp, capture) -> bytes:
    """The notice as the SMTP server received it."""
    with capture(execute=True), transaction.atomic():
        queue_letter(nef_letter(facts), to=["alice@example.com"], kind="notices.nef", key="1")
    [message] = smtp.received
    return message.content


def html_only(raw: bytes) -> str:
    """The same delivered message as a mail program that shows HTML hands it on."""
    message = email.message_from_bytes(raw, policy=default_policy)
    message.set_payload([p for p in message.iter_parts() if p.get_content_type() == "text/html"])
    return message.as_string()


def entry(data: dict) -> dict:
    [docket] = data["dockets"]
    [found] = docket["docket_entries"]
    return {
        "court_id": data["court_id"],
        "appellate": data["appellate"],
        "docket_number": docket["docket_number"],
        "case_name": docket["case_name"],
        **{
            key: found[key]
            for key in (
                "date_filed",
                "description",
                "short_description",
                "document_number",
                "pacer_doc_id",
                "pacer_case_id",
                "pacer_seq_no",
                "pacer_magic_num",
            )
        },
        "contains_attachments": data["contains_attachments"],
        "email_recipients": data["email_recipients"],
    }


def read_text_part(facts, court_id: str) -> dict:
    """The entry juriscraper reads from the letter's plain-text part."""
    letter = nef_letter(facts)
    report = S3NotificationEmail(court_id)
    report._parse_text(f"Subject: {letter.subject}\nContent-Type: text/plain\n\n{letter.text}")
    return entry(report.data)


def read_html_part(facts, court_id: str) -> dict:
    """The entry juriscraper reads from the letter's HTML part (the only way it reads an
    appellate Notice of Docket Activity)."""
    letter = nef_letter(facts)
    report = NotificationEmail(court_id)
    report.subject = letter.subject
    report._parse_text(letter.html)
    return entry(report.data)


DISTRICT_READ = {
    "court_id": "mowd",
    "appellate": False,
    "docket_number": "4:18-cv-00123",
    "case_name": "Acme Widget Co. v. Globex Industries, Inc.",
    "date_filed": nef_examples.DISTRICT.filed_on,
    # juriscraper drops the "#" of "# 1 Exhibit A" as it does for CM/ECF's "# (1) Exhibit A"
    "description": nef_examples.DISTRICT.docket_text.replace("# ", ""),
    "short_description": "Motion to Dismiss",
    "document_number": "12",
    "pacer_doc_id": "109012345678",
    "pacer_case_id": "81234",
    "pacer_seq_no": "42",
    "pacer_magic_num": "550123456789012345678901",
    "contains_attachments": True,
    "email_recipients": [
        {
            "name": "Alice Attorney",
            "email_addresses": ["alice@example.com", "docketing@example.com"],
        },
        {"name": "Maria Defensor", "email_addresses": ["maria@example.net"]},
    ],
}


@pytest.mark.django_db
def test_juriscraper_reads_the_delivered_text_part_of_a_district_nef(
    loopback_smtp, django_capture_on_commit_callbacks
):
    raw = delivered(nef_examples.DISTRICT, loopback_smtp, django_capture_on_commit_callbacks)
    report = S3NotificationEmail("mowd")
    report._parse_text(raw.decode())
    assert report.content_type == "text/plain"
    assert entry(report.data) == DISTRICT_READ


@pytest.mark.django_db
def test_juriscraper_reads_the_delivered_html_part_of_a_district_nef(
    loopback_smtp, django_capture_on_commit_callbacks
):
    raw = delivered(nef_examples.DISTRICT, loopback_smtp, django_capture_on_commit_callbacks)
    report = S3NotificationEmail("mowd")
    report._parse_text(html_only(raw))
    assert report.content_type == "text/html"
    assert entry(report.data) == DISTRICT_READ


@pytest.mark.parametrize("read_part", [read_text_part, read_html_part], ids=["text", "html"])
def test_juriscraper_reads_a_bankruptcy_nef(read_part):
    read = read_part(nef_examples.BANKRUPTCY, "mowb")
    assert {k: read[k] for k in ("docket_number", "case_name", "document_number")} == {
        "docket_number": "26-40555",
        "case_name": "Jordan Q. Sample",
        "document_number": "31",
    }
    assert (read["pacer_magic_num"], read["description"], read["short_description"]) == (
        "770011223344556677889900",
        "Order Discharging Debtor. (cc)",
        "Order Discharging Debtor",
    )


def test_juriscraper_reads_an_appellate_notice_of_docket_activity():
    read = read_html_part(nef_examples.APPELLATE, "ca8")
    assert read["appellate"] is True
    assert {
        k: read[k]
        for k in ("docket_number", "case_name", "description", "pacer_doc_id", "pacer_magic_num")
    } == {
        "docket_number": "26-1001",
        "case_name": "Acme Widget Co. v. Globex Industries, Inc.",
        "description": nef_examples.APPELLATE.docket_text,
        "pacer_doc_id": "008014193380",
        "pacer_magic_num": "3594681a19879633",
    }
    assert read["short_description"] == "Corporate Disclosure Statement"
    assert read["email_recipients"] == [
        {"name": "Ms. Alice Attorney:", "email_addresses": ["alice@example.com"]}
    ]


def test_juriscraper_reads_a_text_only_entry_as_having_no_document():
    read = read_html_part(nef_examples.TEXT_ONLY, "mowd")
    assert (read["document_number"], read["pacer_doc_id"], read["pacer_case_id"]) == (
        None,
        None,
        "81234",
    )
    assert read["description"] == nef_examples.TEXT_ONLY.docket_text
