"""Pure e-file registration rules: no database."""

from __future__ import annotations

import pytest

from openecf.registrations import rules


@pytest.mark.parametrize(
    ("court_kind", "audience", "offered"),
    [
        ("district", "attorney", ("attorney_admission", "efile_registration", "pro_hac_vice")),
        ("district", "non_attorney", ("pro_se", "filing_agent")),
        ("bankruptcy", "attorney", ("efile_registration", "pro_hac_vice")),
        ("bankruptcy", "non_attorney", ("pro_se", "trustee", "creditor", "filing_agent")),
        ("appellate", "attorney", ("attorney_admission", "efile_registration")),
        ("appellate", "non_attorney", ("pro_se", "filing_agent")),
        ("nowhere", "attorney", ()),
    ],
)
def test_each_kind_of_court_offers_its_registration_types(court_kind, audience, offered):
    assert rules.offered_kinds(court_kind, audience) == offered


def test_a_bankruptcy_attorney_admission_is_read_as_e_file_registration():
    assert rules.effective_kind("bankruptcy", "attorney_admission") == "efile_registration"
    assert rules.effective_kind("district", "attorney_admission") == "attorney_admission"
    assert rules.effective_kind("bankruptcy", "trustee") == "trustee"


@pytest.mark.parametrize(
    ("kind", "privilege"),
    [
        ("attorney_admission", "attorney"),
        ("efile_registration", "attorney"),
        ("pro_hac_vice", "pro_hac_vice"),
        ("pro_se", "pro_se"),
        ("trustee", "trustee"),
        ("creditor", "creditor"),
        ("filing_agent", "filing_agent"),
    ],
)
def test_an_approved_request_grants_the_matching_privilege(kind, privilege):
    assert rules.privilege_kind(kind) == privilege


@pytest.mark.parametrize(
    ("court_kind", "kind", "required"),
    [
        ("district", "attorney_admission", True),
        ("district", "pro_hac_vice", True),
        ("appellate", "attorney_admission", True),
        ("district", "efile_registration", False),
        ("bankruptcy", "pro_hac_vice", False),
        ("district", "pro_se", False),
    ],
)
def test_where_the_court_asks_for_a_certificate_of_good_standing(court_kind, kind, required):
    assert rules.certificate_required(court_kind, kind) is required


@pytest.mark.parametrize(
    ("court_kind", "text", "normalized"),
    [
        ("district", "2:24-CV-01234", "2:24-cv-01234"),
        ("district", " 4:25-cv-00417-BBD-dkv ", "4:25-cv-00417-BBD-dkv"),
        ("district", "1:17-cr-00201-ABJ", "1:17-cr-00201-ABJ"),
        ("bankruptcy", "4:24-BK-40123", "4:24-bk-40123"),
        ("bankruptcy", "4:24-ap-00012", "4:24-ap-00012"),
        ("appellate", "21-2365", "21-2365"),
    ],
)
def test_case_numbers_are_written_as_the_court_writes_them(court_kind, text, normalized):
    assert rules.normalize_case_number(court_kind, text) == normalized


@pytest.mark.parametrize(
    ("court_kind", "text", "message"),
    [
        (
            "district",
            "24-1234",
            "'24-1234' is not a case number at this court: write it like 2:24-cv-01234.",
        ),
        (
            "bankruptcy",
            "2:24-cv-01234",
            "'2:24-cv-01234' is not a case number at this court: write it like 4:24-bk-40123.",
        ),
        (
            "appellate",
            "",
            "Enter the case number you are asking to appear in (pro hac vice), like 24-1234.",
        ),
    ],
)
def test_a_case_number_in_the_wrong_shape_is_refused_with_an_example(court_kind, text, message):
    with pytest.raises(ValueError) as raised:
        rules.normalize_case_number(court_kind, text)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("kind", "bar_number", "bar_state", "problem"),
    [
        ("efile_registration", "MO-123", "mo", None),
        ("pro_se", "", "", None),
        (
            "attorney_admission",
            " ",
            "MO",
            ("bar_number", "Enter your bar number (the one on your certificate of good standing)."),
        ),
        (
            "pro_hac_vice",
            "KS-1",
            "XX",
            ("bar_state", "Choose the state (two letters, e.g. MO) where you are admitted."),
        ),
        (
            "pro_hac_vice",
            "x" * 41,
            "KS",
            ("bar_number", "The bar number is at most 40 characters."),
        ),
    ],
)
def test_attorney_requests_need_a_bar_number_and_state(kind, bar_number, bar_state, problem):
    assert rules.bar_problem(kind, bar_number, bar_state) == problem


@pytest.mark.parametrize(
    ("head", "size", "problem"),
    [
        (b"%PDF-1.7", 1000, None),
        (b"", 0, "The certificate of good standing file is empty: upload the PDF again."),
        (
            b"GIF89a",
            1000,
            "The certificate of good standing must be a PDF file (it does not start with %PDF-).",
        ),
        (
            b"%PDF-1.7",
            2 * 1024 * 1024 + 1,
            "The certificate of good standing is larger than this court's limit of 2 MB: "
            "upload a smaller PDF.",
        ),
        (b"%PDF-1.7", 2 * 1024 * 1024, None),
    ],
)
def test_a_certificate_must_be_a_pdf_within_the_court_limit(head, size, problem):
    assert rules.certificate_problem(head=head, size=size, limit_mb=2) == problem


@pytest.mark.parametrize(
    ("status", "decide", "ask", "respond"),
    [
        ("submitted", True, True, False),
        ("needs_information", True, False, True),
        ("approved", False, False, False),
        ("denied", False, False, False),
    ],
)
def test_what_can_happen_to_a_request_in_each_status(status, decide, ask, respond):
    assert rules.may_decide(status) is decide
    assert rules.may_ask_for_information(status) is ask
    assert rules.may_respond(status) is respond
