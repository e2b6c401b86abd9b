"""Pro se e-filers (issue 11): a party representing itself with a pro se filing privilege is
linked to its PACER account on its first filing, and is e-mailed its notices instead of
being served on paper. A pro se filer files for its own party only."""

from __future__ import annotations

import pytest

from openecf.cases import facade as cases
from openecf.docket.models import DocketEntry
from openecf.docket.tests.conftest import pdf_file
from openecf.docket.tests.test_case_opening_api import CIVIL, open_api  # noqa: F401
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.ecf.models import FilingPrivilege
from openecf.notices.models import NoticeOfElectronicFiling
from openecf.signon.factories import AuthenticatorAppFactory
from openecf.tests_support import factories

pytestmark = pytest.mark.django_db
MOTION = {"event": "motion-dismiss", "redaction_confirmed": True}


def pro_se_filer(court, **names):
    account = factories.AccountFactory(**names)
    FilingPrivilegeFactory(court=court, account=account, kind=FilingPrivilege.Kind.PRO_SE)
    AuthenticatorAppFactory(account=account)
    return account


@pytest.fixture
def paula(mowd):
    return pro_se_filer(mowd, first_name="Paula", last_name="Prose")


def sent(caseid: int, number: int) -> list[tuple[str, str, str]]:
    entry = DocketEntry.objects.get(caseid=caseid, entry_number=number)
    notice = NoticeOfElectronicFiling.objects.get(court_id="mowd", entry_id=entry.pk)
    return sorted(notice.recipients.values_list("how", "name", "address"))


def linked(caseid: int) -> dict[str, int | None]:
    return {p.role: p.pro_se_account_id for p in cases.parties(caseid=caseid)}


def test_the_unlinked_party_is_served_on_paper(alice, case, file_motion):
    file_motion()
    assert sent(case.caseid, 1) == [
        ("emailed", "Alice Attorney", alice.email),
        ("paper", "Richard Roe", ""),
    ]


def test_a_pro_se_filer_filing_for_their_party_is_linked_and_emailed(
    api, alice, paula, case, parties, file_motion
):
    response = api(
        paula, case.caseid, {**MOTION, "filer_parties": [parties["defendant"]]}, pdf_file()
    )
    assert response.status_code == 201, response.content
    assert linked(case.caseid) == {"plaintiff": None, "defendant": paula.pk}
    # Richard Roe's notice goes to Paula's e-mail, not to the paper-service list.
    assert sent(case.caseid, 1) == [
        ("emailed", "Alice Attorney", alice.email),
        ("emailed", "Richard Roe", paula.email),
    ]

    # The attorney's filing e-mails the pro se party too; Paula files again as before.
    file_motion()
    assert sent(case.caseid, 2) == [
        ("emailed", "Alice Attorney", alice.email),
        ("emailed", "Richard Roe", paula.email),
    ]
    again = api(paula, case.caseid, {**MOTION, "filer_parties": [parties["defendant"]]}, pdf_file())
    assert again.status_code == 201, again.content
    assert linked(case.caseid)["defendant"] == paula.pk


def test_a_pro_se_filer_cannot_file_for_a_party_an_attorney_represents(api, paula, case, parties):
    response = api(
        paula, case.caseid, {**MOTION, "filer_parties": [parties["plaintiff"]]}, pdf_file()
    )
    assert response.status_code == 403, response.content
    assert response.json()["error"]["code"] == "filing_not_allowed"
    assert "An attorney represents Acme Corp." in response.json()["error"]["message"]
    assert not DocketEntry.objects.filter(caseid=case.caseid).exists()
    assert linked(case.caseid) == {"plaintiff": None, "defendant": None}


def test_a_pro_se_filer_files_only_for_their_own_party(api, mowd, paula, case, parties):
    first = api(paula, case.caseid, {**MOTION, "filer_parties": [parties["defendant"]]}, pdf_file())
    assert first.status_code == 201, first.content

    # Paula may not file for anyone else; nor may another pro se filer for Paula's party.
    both = api(
        paula,
        case.caseid,
        {**MOTION, "filer_parties": [parties["defendant"], parties["plaintiff"]]},
        pdf_file(),
    )
    assert both.status_code == 403, both.content
    assert "yourself only" in both.json()["error"]["message"]
    other = pro_se_filer(mowd, first_name="Otto", last_name="Other")
    theirs = api(
        other, case.caseid, {**MOTION, "filer_parties": [parties["defendant"]]}, pdf_file()
    )
    assert theirs.status_code == 403, theirs.content
    assert "Another pro se filer files for Richard Roe" in theirs.json()["error"]["message"]
    assert DocketEntry.objects.filter(caseid=case.caseid).count() == 1
    assert linked(case.caseid)["defendant"] == paula.pk


def test_a_terminated_pro_se_party_is_not_noticed(api, alice, paula, case, parties, file_motion):
    from datetime import date

    from openecf.cases.models import Party

    api(paula, case.caseid, {**MOTION, "filer_parties": [parties["defendant"]]}, pdf_file())
    Party.objects.filter(pk=parties["defendant"]).update(terminated_on=date.today())
    file_motion()
    assert sent(case.caseid, 2) == [("emailed", "Alice Attorney", alice.email)]


def test_a_pro_se_plaintiff_opening_a_case_becomes_its_pro_se_filer(open_api, mowd, alice, paula):  # noqa: F811
    from openecf.cases.factories import judge_at

    judge_at(mowd)
    opening = {
        **CIVIL,
        "title": "Prose v. Roe",
        "parties": [
            {"name": "Paula Prose", "role": "plaintiff"},
            {"name": "Richard Roe", "role": "defendant"},
        ],
    }
    response = open_api(paula, opening)
    assert response.status_code == 201, response.content
    caseid = response.json()["caseid"]
    plaintiff, defendant = cases.parties(caseid=caseid)
    assert (plaintiff.pro_se_account_id, plaintiff.attorneys) == (paula.pk, ())
    assert defendant.pro_se_account_id is None
    # The complaint's notice goes to Paula by e-mail; Richard Roe is served on paper.
    assert sent(caseid, 1) == [
        ("emailed", "Paula Prose", paula.email),
        ("paper", "Richard Roe", ""),
    ]


def test_a_pro_se_filer_files_for_their_party_through_the_pages(client, paula, case, parties):
    from openecf.docket.models import FilingDraft
    from openecf.tests_support.signon import sign_in

    sign_in(client, paula, redaction_acknowledged=True)
    started = client.post(
        "/mowd/file/entry/", {"event": "motion-dismiss", "case_number": case.case_number}
    )
    assert started.status_code == 302, started.content.decode()[:2000]
    base = f"/mowd/file/entry/{FilingDraft.objects.get().pk}"
    assert (
        client.post(f"{base}/parties/", {"filer_parties": [parties["defendant"]]}).status_code
        == 302
    )
    assert client.post(f"{base}/documents/", {"pdf": pdf_file("motion.pdf")}).status_code == 302
    assert client.post(f"{base}/documents/", {"next": "1"}).status_code == 302
    assert client.post(f"{base}/links/", {}).status_code == 302
    done = client.post(f"{base}/review/", {"redaction_confirmed": "on"})
    assert done.status_code == 302, done.content.decode()[:2000]
    assert linked(case.caseid) == {"plaintiff": None, "defendant": paula.pk}
    assert ("emailed", "Richard Roe", paula.email) in sent(case.caseid, 1)
