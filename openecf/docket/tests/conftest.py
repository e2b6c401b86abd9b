"""Docket personas at W.D. Mo.: Alice (plaintiff's attorney, may file), Dan (defendant's
attorney, may file, not yet on the case), Carl the clerk, an open civil case, PDFs."""

from __future__ import annotations

import pytest
from django.test import Client

from openecf.cases.factories import civil_opening, judge_at, open_case
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.signon.factories import AuthenticatorAppFactory
from openecf.tests_support import factories
from openecf.tests_support.api import bearer_token
from openecf.tests_support.storage import use_own_storage


def make_filer(court, **names):
    account = factories.AccountFactory(purpose="attorney_filer", **names)
    FilingPrivilegeFactory(court=court, account=account)
    AuthenticatorAppFactory(account=account)
    return account


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    """Each test its own storage and stamp keys: the tests list what is stored."""
    use_own_storage(settings, tmp_path)


@pytest.fixture
def alice(mowd):
    return make_filer(mowd, first_name="Alice", last_name="Attorney")


@pytest.fixture
def dan(mowd):
    return make_filer(mowd, first_name="Dan", last_name="Defender")


@pytest.fixture
def case(mowd, alice):
    """4:YY-cv-NNNNN, Acme Corp. (Alice) v. Richard Roe, before Judge Wimes."""
    judge_at(mowd)
    return open_case(mowd, civil_opening(plaintiff_attorney_id=alice.pk))


@pytest.fixture
def parties(case):
    from openecf.cases import facade

    found = {p.role: p.id for p in facade.parties(caseid=case.caseid)}
    return found


@pytest.fixture
def api(client: Client):
    """Post a filing as a program would: the JSON part ``filing`` and the PDFs."""
    import json

    def post(account, caseid: int, filing: dict, document=None, attachments=(), court="mowd"):
        token = bearer_token(account, redaction_acknowledged=True)
        body: dict = {"filing": json.dumps(filing)}
        if document is not None:
            body["document"] = document
        if attachments:
            body["attachment"] = list(attachments)
        return client.post(
            f"/api/v1/courts/{court}/cases/{caseid}/entries",
            body,
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )

    return post


@pytest.fixture
def file_motion(api, alice, case, parties):
    """Alice files a motion to dismiss for the plaintiff through the API, with a two-page PDF
    and ``exhibits`` exhibits: the filed entry as the API answers it."""

    def file(*, exhibits: int = 0) -> dict:
        response = api(
            alice,
            case.caseid,
            {
                "event": "motion-dismiss",
                "filer_parties": [parties["plaintiff"]],
                "redaction_confirmed": True,
                "attachments": [{"description": f"Exhibit {n + 1}"} for n in range(exhibits)],
            },
            document=pdf_file(),
            attachments=[pdf_file(f"exhibit{n + 1}.pdf") for n in range(exhibits)],
        )
        assert response.status_code == 201, response.content
        return response.json()

    return file


def pdf_file(name: str = "motion.pdf", *, pages: int = 2, lines: list[str] | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from openecf.documents.tests import corpus

    return SimpleUploadedFile(name, corpus.text_pdf(pages, lines=lines), "application/pdf")
