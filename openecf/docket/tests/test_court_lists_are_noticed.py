"""The court's own noticing lists (chambers) get the notice of a filing: the court-wide
lists and the case's judge's chambers, never another judge's chambers nor an ended list."""

from __future__ import annotations

import pytest

from openecf.cases import facade as cases
from openecf.cases.factories import judge_at
from openecf.docket.models import DocketEntry
from openecf.docket.tests.conftest import pdf_file
from openecf.notices.actions.court_lists import add_court_address, end_court_address
from openecf.notices.models import NoticeOfElectronicFiling

pytestmark = pytest.mark.django_db
MOTION = {"event": "motion-dismiss", "redaction_confirmed": True}


def test_a_filing_at_mowd_is_noticed_to_the_court_wide_list_and_its_judges_chambers(
    api, alice, clerk, case, parties, mowd
):
    wimes = cases.case(court_id="mowd", caseid=case.caseid).judge_account_id
    other = judge_at(mowd, first_name="Greg", last_name="Kays").account_id
    lists = {
        "docketing": add_court_address(court_id="mowd", actor_id=clerk.pk, judge_account_id=None,
                                       name="Docketing desk", email="Docketing@mowd.example"),
        "wimes": add_court_address(court_id="mowd", actor_id=clerk.pk, judge_account_id=wimes,
                                   name="Chambers of Judge Wimes", email="wimes@mowd.example"),
        "kays": add_court_address(court_id="mowd", actor_id=clerk.pk, judge_account_id=other,
                                  name="Chambers of Judge Kays", email="kays@mowd.example"),
        "ended": add_court_address(court_id="mowd", actor_id=clerk.pk, judge_account_id=None,
                                   name="Old desk", email="old@mowd.example"),
    }  # fmt: skip
    end_court_address(court_id="mowd", actor_id=clerk.pk, address_id=lists["ended"].pk)

    response = api(alice, case.caseid, {**MOTION, "filer_parties": [parties["plaintiff"]]},
                   pdf_file())  # fmt: skip
    assert response.status_code == 201, response.content
    entry = DocketEntry.objects.get()
    notice = NoticeOfElectronicFiling.objects.get(court_id="mowd", entry_id=entry.pk)
    assert sorted(notice.recipients.values_list("how", "name", "address", "account_id")) == [
        ("emailed", "Alice Attorney", alice.email, alice.pk),
        ("emailed", "Chambers of Judge Wimes", "wimes@mowd.example", None),
        ("emailed", "Docketing desk", "docketing@mowd.example", None),
        ("paper", "Richard Roe", "", None),
    ]
    # The notice's service list names chambers as e-mailed, as CM/ECF's does.
    assert "Chambers of Judge Wimes" in notice.body_text
    assert "kays@mowd.example" not in notice.body_text
