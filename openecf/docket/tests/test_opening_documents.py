"""Who may open a document of the docket (``docket.facade.document_to_open``, for the document
views) and the court staff's document page: sealed is the court's, restricted the court's and
the case participants', held the court's and the filer's; anything not allowed is missing."""

from __future__ import annotations

import pikepdf
import pytest

from openecf.docket import actions, facade
from openecf.docket.models import DocketEntry, Document
from openecf.docket.tests.conftest import pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(api, alice, case, parties):
    response = api(
        alice,
        case.caseid,
        {
            "event": "motion-dismiss",
            "filer_parties": [parties["plaintiff"]],
            "redaction_confirmed": True,
            "attachments": [{"description": "Exhibit A"}],
        },
        document=pdf_file(),
        attachments=[pdf_file("a.pdf")],
    )
    assert response.status_code == 201, response.content
    return DocketEntry.objects.get(caseid=case.caseid, entry_number=1)


def opens(entry, account, attachment: int = 1) -> bool:
    return (
        facade.document_to_open(
            court_id="mowd",
            doc_id=entry.pk,
            attachment_number=attachment,
            account_id=account.pk if account else None,
        )
        is not None
    )


def test_an_ordinary_document_opens_for_everyone(entry, alice, public_user, clerk):
    assert [opens(entry, who) for who in (alice, public_user, clerk, None)] == [True] * 4


def test_a_restricted_document_opens_for_participants_and_the_court_only(
    entry, alice, dan, public_user, clerk, judge
):
    Document.objects.filter(entry=entry, attachment_number=1).update(restricted=True)
    assert [opens(entry, who) for who in (alice, clerk, judge)] == [True, True, True]
    assert [opens(entry, who) for who in (dan, public_user, None)] == [False, False, False]
    assert opens(entry, public_user, attachment=0)  # the main document is not restricted


def test_a_sealed_document_or_entry_is_the_courts_alone(entry, alice, public_user, clerk, mowd):
    Document.objects.filter(entry=entry, attachment_number=1).update(sealed=True)
    assert (opens(entry, alice), opens(entry, clerk)) == (False, True)
    actions.correct_entry(
        actor_id=clerk.pk,
        court=mowd,
        caseid=entry.caseid,
        entry_number=1,
        correction=actions.Correction(sealed=True),
    )
    assert (opens(entry, alice, 0), opens(entry, public_user, 0), opens(entry, clerk, 0)) == (
        False,
        False,
        True,
    )


def test_a_held_entry_opens_for_its_filer_and_the_court(entry, alice, public_user, clerk):
    DocketEntry.objects.filter(pk=entry.pk).update(held=True)
    assert [opens(entry, who, 0) for who in (alice, clerk, public_user)] == [True, True, False]


def test_a_missing_document_is_none(entry, clerk):
    assert (
        facade.document_to_open(
            court_id="mowd", doc_id=entry.pk, attachment_number=7, account_id=clerk.pk
        )
        is None
    )


def test_court_staff_open_the_pdf_with_cmecfs_header(signed_in, judge, entry):
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
