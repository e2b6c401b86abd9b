"""The court staff's document page: the PDF with CM/ECF's header for the court's clerks and
judges, sealed ones too; missing to anyone else (who opens documents through the reports'
``/doc1/`` under the record's one rule: ``reports/tests/test_access_matrix.py``)."""

from __future__ import annotations

import pikepdf
import pytest

from openecf.docket.models import DocketEntry, Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(file_motion, case):
    file_motion(exhibits=1)
    return DocketEntry.objects.get(caseid=case.caseid, entry_number=1)


def test_court_staff_open_the_pdf_with_cmecfs_header(signed_in, judge, entry):
    Document.objects.filter(entry=entry, attachment_number=1).update(sealed=True)
    response = signed_in(judge).get(f"/mowd/cases/{entry.caseid}/docket/1/1/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    import io

    pdf = pikepdf.open(io.BytesIO(b"".join(response.streaming_content)))
    assert len(pdf.pages) == 2


@pytest.mark.parametrize("who", ["alice", "public_user", "other_court_clerk"])
def test_the_court_document_page_is_missing_for_everyone_else(signed_in, who, request, entry):
    browser = signed_in(request.getfixturevalue(who))
    assert browser.get(f"/mowd/cases/{entry.caseid}/docket/1/1/").status_code == 404


def test_a_missing_document_page_is_404_for_court_staff_too(signed_in, clerk, entry):
    assert signed_in(clerk).get(f"/mowd/cases/{entry.caseid}/docket/1/9/").status_code == 404
