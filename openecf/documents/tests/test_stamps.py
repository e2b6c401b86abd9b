"""Electronic document stamps: issued once per document, checked on the verify page's terms."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import UTC, datetime

import pytest
from django.db import transaction

from openecf.documents import facade, rules, stamps
from openecf.documents.models import DocumentStamp
from openecf.documents.tests import corpus

FILED = datetime(2018, 4, 25, 3, 30, tzinfo=UTC)  # April 24 in Kansas City


def kept(data: bytes):
    checked = facade.check_pdf(data, court_id="mowd", file_name="m.pdf")
    with transaction.atomic():
        return facade.keep(checked)


@pytest.fixture
def stamped(court):
    stored = kept(corpus.text_pdf(pages=2))
    text = facade.stamp(
        court_id="mowd", stored_pdf_id=stored.id, doc_id=12, attachment_number=0, at=FILED
    )
    return stored, text


def test_a_stamp_reads_as_cmecfs_with_the_courts_date_and_a_keyed_hash(stamped):
    _, text = stamped

    assert re.fullmatch(
        r"\[STAMP mowdecfStamp_ID=\d{10} \[Date=4/24/2018\] \[FileNumber=12-0\] \[[0-9a-f]{128}\]\]",
        text,
    )


def test_the_hash_is_hmac_sha512_of_the_stamp_and_the_document_under_the_courts_key(stamped):
    stored, text = stamped
    fields = rules.read_stamp(text)
    key = stamps.court_key("mowd")

    assert fields is not None
    message = f"{rules.stamp_id_for(key)}|2018-04-24|12-0|{stored.sha256}".encode()
    assert fields.digest == hmac.new(key, message, hashlib.sha512).hexdigest()
    assert fields.digest != hashlib.sha512(stored.sha256.encode()).hexdigest()


def test_the_key_is_kept_outside_the_database_in_a_private_file(stamped, settings):
    from pathlib import Path

    key_file = Path(settings.OPENECF_STAMP_KEY_DIR) / "mowd.key"

    assert key_file.stat().st_mode & 0o777 == 0o600
    assert DocumentStamp.objects.get().key_id == rules.key_id_for(stamps.court_key("mowd"))


def test_a_key_given_in_the_environment_wins(court, settings):
    settings.OPENECF_STAMP_KEYS = {"mowd": "11" * 64}

    assert stamps.court_key("mowd") == bytes.fromhex("11" * 64)


def test_production_without_a_key_refuses_to_stamp(court, settings, tmp_path):
    from openecf.documents.errors import StampKeyMissing

    settings.OPENECF_PRODUCTION = True
    settings.OPENECF_STAMP_KEY_DIR = tmp_path

    with pytest.raises(StampKeyMissing):
        stamps.court_key("mowd")


def test_stamping_a_document_again_gives_the_same_stamp(stamped):
    stored, text = stamped

    again = facade.stamp(
        court_id="mowd", stored_pdf_id=stored.id, doc_id=12, attachment_number=0, at=FILED
    )

    assert again == text
    assert DocumentStamp.objects.count() == 1


def test_the_original_with_its_stamp_is_authentic(stamped):
    stored, text = stamped

    verdict = stamps.verify(court_id="mowd", sha256=stored.sha256, stamp=text)

    assert verdict == stamps.Verdict(
        "authentic",
        "12-0",
        "4/24/2018",
        "This is the document the court stamped as 12-0 on 4/24/2018, unchanged.",
    )


def test_a_changed_copy_with_the_stamp_is_altered(stamped):
    _, text = stamped
    changed = hashlib.sha256(corpus.text_pdf(pages=3)).hexdigest()

    verdict = stamps.verify(court_id="mowd", sha256=changed, stamp=text)

    assert verdict.outcome == "altered"
    assert verdict.file_number == "12-0"


def test_a_forged_stamp_is_unknown(stamped):
    stored, text = stamped
    forged = (
        text[:-10] + "0000000000"
        if not text.endswith("0000000000]]")
        else text[:-10] + "1111111111"
    )
    forged = re.sub(r"\[([0-9a-f]{128})\]", lambda m: f"[{'0' * 128}]", text)

    verdict = stamps.verify(court_id="mowd", sha256=stored.sha256, stamp=forged)

    assert verdict.outcome == "unknown"


def test_a_stamp_of_another_court_is_unknown_here(stamped):
    stored, text = stamped

    verdict = stamps.verify(
        court_id="mowd", sha256=stored.sha256, stamp=text.replace("mowdecf", "ksdecf")
    )

    assert verdict.outcome == "unknown"


def test_without_a_stamp_a_stamped_documents_copy_is_authentic_and_anything_else_unknown(stamped):
    stored, _ = stamped

    assert stamps.verify(court_id="mowd", sha256=stored.sha256).outcome == "authentic"
    assert stamps.verify(court_id="mowd", sha256="0" * 64).outcome == "unknown"


def test_a_copy_served_with_the_header_is_recognised_as_the_courts_own(stamped):
    stored, text = stamped
    with facade.served_pdf(
        stored_pdf_id=stored.id, header="Case 4:18-cv-00123-BCW Document 12 Filed 04/24/18"
    ) as served:
        served_sha = hashlib.sha256(served.read()).hexdigest()

    verdict = stamps.verify(court_id="mowd", sha256=served_sha, stamp=text)

    assert verdict.outcome == "authentic"
    assert "header" in verdict.explanation
