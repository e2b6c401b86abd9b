"""The PDF check: every corpus file is accepted or refused with the court's words."""

from __future__ import annotations

import pytest

from openecf.documents import facade
from openecf.documents.models import PdfRules
from openecf.documents.tests import corpus

ACCEPTED = [name for name, (_, reason) in corpus.CORPUS.items() if not reason]
REFUSED = [name for name, (_, reason) in corpus.CORPUS.items() if reason]


@pytest.mark.parametrize("name", REFUSED)
def test_each_hostile_file_is_refused_with_its_reason_naming_the_file(name, court, intake_files):
    maker, reasons = corpus.CORPUS[name]

    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(maker(), court_id="mowd", file_name=name)

    assert refused.value.reason in reasons.split("|")
    assert refused.value.code == "pdf_refused"
    assert refused.value.status == 422
    assert refused.value.message.startswith(f"{name} was not accepted: ")
    assert "(Found: " in refused.value.message
    assert intake_files() == []


def test_javascript_is_refused_in_cmecf_words_with_what_was_found(court):
    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(
            corpus.javascript_obfuscated_names(), court_id="mowd", file_name="brief.pdf"
        )

    assert refused.value.message == (
        "brief.pdf was not accepted: Document is malformed or contains code which may cause an "
        "external action (such as launching an application). This PDF document cannot be "
        "accepted. (Found: JavaScript.)"
    )


def test_a_court_refuses_in_its_own_words(court):
    PdfRules.objects.create(
        court=court, wording={"encrypted": "Remove the password, then file it again."}
    )

    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(corpus.encrypted_with_password(), court_id="mowd", file_name="locked.pdf")

    assert refused.value.message == (
        "locked.pdf was not accepted: Remove the password, then file it again. "
        "(Found: it is protected by a password.)"
    )


def test_a_file_over_the_courts_size_limit_is_refused_before_it_is_checked(court, intake_files):
    court.pdf_size_limit_mb = 1
    court.save()
    too_big = corpus.raw_pdf([b"<< /Type /Catalog >>", b"(" + b"x" * (1024 * 1024) + b")"])

    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(too_big, court_id="mowd", file_name="huge.pdf")

    assert refused.value.reason == "too_large"
    assert "(Found: it is larger than 1 MB, this court's limit.)" in refused.value.message
    assert intake_files() == []


@pytest.mark.parametrize("name", ACCEPTED)
def test_a_legitimate_file_passes(name, court):
    maker, _ = corpus.CORPUS[name]

    checked = facade.check_pdf(maker(), court_id="mowd", file_name=name)

    assert checked.file_name == name
    assert checked.page_count >= 2
    facade.discard(checked)


def test_a_checked_pdf_has_its_hash_size_and_page_count(court):
    import hashlib

    data = corpus.text_pdf(pages=4)

    checked = facade.check_pdf(data, court_id="mowd", file_name="brief.pdf")

    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert checked.size == len(data)
    assert checked.page_count == 4
    assert checked.has_text_layer is True
    assert checked.pages_without_text == ()
    assert checked.warnings == ()
    assert checked.privacy_hits == ()
    facade.discard(checked)


def test_a_scan_without_text_is_accepted_with_a_warning(court):
    checked = facade.check_pdf(
        corpus.image_only_pdf(pages=2), court_id="mowd", file_name="scan.pdf"
    )

    assert checked.has_text_layer is False
    assert checked.pages_without_text == (1, 2)
    assert checked.warnings == (
        "scan.pdf is not text-searchable: the court asks for text-searchable PDFs (run OCR "
        "before filing).",
    )
    facade.discard(checked)


def test_the_warning_names_the_pages_without_text(court):
    checked = facade.check_pdf(corpus.mixed_pdf(), court_id="mowd", file_name="exhibit.pdf")

    assert checked.has_text_layer is True
    assert checked.warnings == (
        "exhibit.pdf is not text-searchable on page 2: the court asks for text-searchable PDFs "
        "(run OCR before filing).",
    )
    facade.discard(checked)


def test_a_court_that_flattens_forms_accepts_a_form_flattened(court):
    PdfRules.objects.create(court=court, fillable_forms=PdfRules.Forms.FLATTEN)
    original = corpus.fillable_form()

    checked = facade.check_pdf(original, court_id="mowd", file_name="claim.pdf")

    assert checked.flattened is True
    with open(checked.path, "rb") as kept:
        flattened = kept.read()
    assert flattened != original
    import pikepdf

    with pikepdf.open(checked.path) as pdf:
        assert "/AcroForm" not in pdf.Root
        assert all("/Annots" not in page.obj or len(page.obj.Annots) == 0 for page in pdf.pages)
    facade.discard(checked)


def test_an_uploaded_file_is_read_in_chunks_from_its_temporary_file(court, tmp_path):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    upload = TemporaryUploadedFile("motion.pdf", "application/pdf", 0, None)
    upload.write(corpus.text_pdf(pages=2))
    upload.flush()

    checked = facade.check_pdf(upload, court_id="mowd", file_name=upload.name)

    assert checked.page_count == 2
    facade.discard(checked)


def test_a_check_that_runs_out_of_time_refuses_the_file(court, settings):
    settings.OPENECF_PDF_CHECK_WALL_SECONDS = 0

    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(corpus.text_pdf(), court_id="mowd", file_name="slow.pdf")

    assert refused.value.reason == "check_exhausted"
    assert "(Found: checking it took longer than 0 seconds.)" in refused.value.message


def test_a_bomb_that_needs_more_memory_than_allowed_is_refused(court, settings):
    settings.OPENECF_PDF_CHECK_MEMORY_MB = 64

    with pytest.raises(facade.PdfRefused) as refused:
        facade.check_pdf(corpus.object_stream_bomb(256), court_id="mowd", file_name="bomb.pdf")

    assert refused.value.reason in {"check_exhausted", "not_pdf"}


def test_an_unknown_court_is_not_found(db):
    from openecf.core.errors import NotFound

    with pytest.raises(NotFound):
        facade.check_pdf(corpus.text_pdf(), court_id="zzzz", file_name="a.pdf")


def test_a_flattened_form_keeps_what_was_typed_into_it_as_text(court):
    PdfRules.objects.create(court=court, fillable_forms=PdfRules.Forms.FLATTEN)

    checked = facade.check_pdf(corpus.fillable_form(), court_id="mowd", file_name="claim.pdf")

    import pypdf

    assert "1,250.00" in pypdf.PdfReader(checked.path).pages[0].extract_text()
    facade.discard(checked)
