"""The NEF and NDA letters: byte for byte against reviewed fixtures, without a database."""

from pathlib import Path

import pytest

from openecf.notices.nef import (
    SummaryItem,
    court_moment,
    daily_summary_letter,
    nef_letter,
    without_links,
)
from openecf.notices.tests import nef_examples

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = {
    "district": nef_examples.DISTRICT,
    "bankruptcy": nef_examples.BANKRUPTCY,
    "appellate": nef_examples.APPELLATE,
    "text_only": nef_examples.TEXT_ONLY,
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_notice_is_exactly_the_reviewed_fixture(name):
    letter = nef_letter(EXAMPLES[name])
    expected = (FIXTURES / f"nef_{name}.txt").read_text()
    subject, text = expected.split("\n", 1)
    assert (letter.subject, letter.text) == (subject, text)
    assert letter.html == (FIXTURES / f"nef_{name}.html").read_text()


def test_the_subject_is_activity_in_case_number_title_and_event():
    assert nef_letter(nef_examples.DISTRICT).subject == (
        "Activity in Case 4:18-cv-00123-BCW Acme Widget Co. v. Globex Industries, Inc. et al "
        "Motion to Dismiss"
    )
    assert nef_letter(nef_examples.APPELLATE).subject == (
        '26-1001 Acme Widget Co. v. Globex Industries, Inc. "Corporate Disclosure Statement"'
    )


def test_a_notice_without_links_names_the_document_but_does_not_link_it():
    letter = nef_letter(without_links(nef_examples.DISTRICT))
    assert "magic_num" not in letter.text + letter.html
    assert "Document Number: 12\n\nDocket Text:" in letter.text
    assert "<td><strong>Document Number:</strong></td><td>12</td>" in letter.html


def test_the_entered_time_is_written_as_cm_ecf_writes_it():
    assert court_moment(nef_examples.DISTRICT.entered_at) == "11/30/2026 at 4:05 PM CST"
    assert court_moment(nef_examples.BANKRUPTCY.entered_at) == "11/30/2026 at 9:04 AM CST"


def test_docket_text_is_escaped_in_the_html_and_kept_as_is_in_the_text():
    facts = nef_examples.DISTRICT.__class__(
        **{**nef_examples.DISTRICT.__dict__, "docket_text": "RESPONSE <b>re</b> 12 & more"}
    )
    letter = nef_letter(facts)
    assert "RESPONSE &lt;b&gt;re&lt;/b&gt; 12 &amp; more" in letter.html
    assert "Docket Text:\nRESPONSE <b>re</b> 12 & more\n" in letter.text


def _summary_item(event: str, number: int | None, docket_text: str) -> SummaryItem:
    district = nef_examples.DISTRICT
    return SummaryItem(
        case_number=district.case_number,
        case_name=district.case_name,
        case_url=district.case_url,
        event=event,
        filed_on=district.filed_on,
        document_number=number,
        document_url="",
        docket_text=docket_text,
    )


SUMMARY = daily_summary_letter(
    court_kind="district",
    court_name="Western District of Missouri",
    day=nef_examples.DISTRICT.filed_on,
    items=(
        _summary_item("Motion to Dismiss", 12, nef_examples.DISTRICT.docket_text),
        _summary_item("Order", None, nef_examples.TEXT_ONLY.docket_text),
    ),
)


def test_the_daily_summary_is_exactly_the_reviewed_fixture():
    subject, text = (FIXTURES / "daily_summary.txt").read_text().split("\n", 1)
    assert (SUMMARY.subject, SUMMARY.text) == (subject, text)
    assert SUMMARY.html == (FIXTURES / "daily_summary.html").read_text()
