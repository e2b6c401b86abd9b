"""CM/ECF's document ids: each court's prefix as tools that read CM/ECF know it, the switch
digit, the zero-padded number, and nothing else read as an id."""

import pytest
from juriscraper.pacer.utils import (
    get_court_id_from_doc_id_prefix,
    get_doc_id_prefix_from_court_id,
    get_pacer_doc_id_from_doc1_url,
)

from openecf.courts import doc_ids
from openecf.courts.registry import federal_courts


def test_every_seated_court_has_cm_ecfs_own_prefix():
    seated = {court.court_id for court in federal_courts()}
    assert set(doc_ids.PREFIXES) == seated
    assert {c: get_doc_id_prefix_from_court_id(c) for c in seated} == doc_ids.PREFIXES


@pytest.mark.parametrize(
    ("court_id", "number", "skip", "expected"),
    [
        ("mowd", 42, False, "109000000042"),
        ("mowd", 42, True, "109100000042"),
        ("ded", 12346789, False, "043012346789"),
        ("ca8", 7, False, "008000000007"),
        ("mowd", 123456789, False, "1090123456789"),  # past eight digits: longer, still read
    ],
)
def test_a_document_id_is_prefix_switch_and_padded_number(court_id, number, skip, expected):
    made = doc_ids.doc_id(court_id, number, skip_attachment_menu=skip)
    assert made == expected
    assert doc_ids.document_number(court_id, made) == number


def test_juriscraper_reads_the_court_and_the_id_from_a_doc1_link():
    made = doc_ids.doc_id("mowd", 42, skip_attachment_menu=True)
    link = f"https://ecf.example.org/mowd/doc1/{made}?caseid=81234&de_seq_num=42&magic_num=1"
    assert get_pacer_doc_id_from_doc1_url(link) == doc_ids.doc_id("mowd", 42)
    assert get_court_id_from_doc_id_prefix(made[:3]) == "mowd"


@pytest.mark.parametrize(
    "given",
    ["", "42", "109200000042", "108000000042", "10900000042", "109000000000", "1090000000x2"],
)
def test_anything_else_is_not_a_document_of_the_court(given):
    assert doc_ids.document_number("mowd", given) is None


def test_a_court_without_a_prefix_has_no_documents():
    assert doc_ids.document_number("nowhere", "109000000042") is None


def test_a_document_number_is_positive():
    with pytest.raises(ValueError, match="positive"):
        doc_ids.doc_id("mowd", 0)
