"""The privacy check of FRCP 5.2: what it finds, how it masks, what it leaves alone."""

from __future__ import annotations

import pytest

from openecf.documents import facade, privacy
from openecf.documents.tests import corpus


def kinds(text: str, *, minors: bool = False) -> list[str]:
    return [found.kind for found in privacy.scan(text, minors=minors)]


@pytest.mark.parametrize(
    ("text", "kind", "masked"),
    [
        ("SSN: 123-45-6789.", "ssn", "***-**-6789"),
        ("social security number 123 45 6789", "ssn", "*** ** 6789"),
        ("SSN 123456789", "ssn", "*****6789"),
        ("ITIN 912-78-1234", "taxpayer_id", "***-**-1234"),
        ("EIN: 12-3456789", "taxpayer_id", "**-***6789"),
        ("Date of birth: 04/24/1980", "birth_date", "**/**/1980"),
        ("born on April 24, 1980", "birth_date", "***** **, 1980"),
        ("DOB 1980-04-24", "birth_date", "1980-**-**"),
        ("Account No. 1234567890", "account_number", "******7890"),
        ("card 4111 1111 1111 1111", "account_number", "**** **** **** 1111"),
        ("IBAN DE89370400440532013000", "account_number", "******************3000"),
    ],
)
def test_each_kind_is_found_and_masked_to_what_the_rule_allows(text, kind, masked):
    (found,) = privacy.scan(text)

    assert (found.kind, found.masked) == (kind, masked)


@pytest.mark.parametrize(
    "text",
    [
        "Call (816) 512-5000 or 816-512-5000.",
        "Case No. 4:18-cv-00123-BCW; Bankruptcy Case No. 18-41234",
        "Filed 04/24/18. Dated: January 5, 2018.",
        "Kansas City, MO 64106-2607",
        "SSN: XXX-XX-6789; account ending in 4321; Account No. ****5678",
        "The debtor was born in 1980. The motion was filed on April 24, 2013.",
        "Invoice 123456789 remains unpaid.",
        "Claim No. 123-45-6789 was assigned by the insurer.",
        "SSN 000-12-3456 and 666-12-3456 are never issued.",
    ],
)
def test_look_alikes_are_left_alone(text):
    assert kinds(text) == []


def test_minors_names_are_looked_for_only_when_asked():
    text = "Jane Roe, a minor, by her mother; her son, Sam Roe, age 9; J.D., a minor."

    assert kinds(text) == []
    assert [f.masked for f in privacy.scan(text, minors=True)] == ["J. R.", "S. R."]


def test_an_adult_child_is_not_a_minor():
    assert kinds("Her adult son, Sam Roe, age 34, signed the lease.", minors=True) == []


def test_a_label_on_the_line_above_counts_but_not_a_word_from_another_line():
    assert kinds("Date of birth:\n04/24/1980") == ["birth_date"]
    assert kinds("DOB 1977-04-05\nOrder entered 12/18/2012 by the court.") == ["birth_date"]


def test_each_hit_has_its_page_and_an_excerpt_with_every_finding_masked():
    pages = ["Nothing here.", "Debtor Jo Doe, SSN 123-45-6789, born 4/24/1980, lives in Joplin."]

    hits = privacy.hits_on_pages(pages)

    assert hits == [
        privacy.PrivacyHit(
            2, "ssn", "Debtor Jo Doe, SSN ***-**-6789, born */**/1980, lives in Jop…"
        ),
        privacy.PrivacyHit(
            2, "birth_date", "…Jo Doe, SSN ***-**-6789, born */**/1980, lives in Joplin."
        ),
    ]
    assert all("123-45" not in hit.masked_excerpt for hit in hits)


def test_the_check_reports_hits_from_the_text_layer_never_the_full_number(court):
    data = corpus.text_pdf(pages=2, lines=["Plaintiff's SSN is 123-45-6789.", "Acct: 987654321"])

    checked = facade.check_pdf(data, court_id="mowd", file_name="complaint.pdf")

    assert [(h.page, h.kind) for h in checked.privacy_hits] == [
        (1, "ssn"),
        (1, "account_number"),
        (2, "ssn"),
        (2, "account_number"),
    ]
    assert checked.privacy_hits[0].masked_excerpt.startswith("Plaintiff's SSN is ***-**-6789.")
    assert not any(
        "123-45-6789" in h.masked_excerpt or "98765" in h.masked_excerpt
        for h in checked.privacy_hits
    )
    facade.discard(checked)
