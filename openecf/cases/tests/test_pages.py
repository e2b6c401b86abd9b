"""The case pages: find by number, the case summary, my cases, the clerk's case pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
import time_machine

from openecf.cases.factories import (
    bankruptcy_opening,
    civil_opening,
    criminal_opening,
    judge_at,
    open_case,
)
from openecf.cases.models import Case, JudgeSeat
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS

pytestmark = pytest.mark.django_db
NOW = datetime(2018, 4, 24, 15, 0, tzinfo=UTC)


@pytest.fixture
def case(mowd, judge, attorney):
    return open_case(mowd, civil_opening(plaintiff_attorney_id=attorney.pk), now=NOW)


def test_the_case_summary_shows_the_number_judge_parties_and_attorneys(case, signed_in, attorney):
    page = signed_in(attorney).get(f"/mowd/cases/{case.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "4:18-cv-00001-BW" in text
    assert "Brian Wimes" in text
    assert "Acme Corp." in text and "aka Dick Roe" in text
    assert "Alice Attorney" in text and "LEAD ATTORNEY" in text
    assert 'data-testid="court-name"' in text  # the court's header, as every court page
    assert "Manage this case" not in text


def test_a_bankruptcy_case_shows_the_chapter_and_only_the_last_four_of_the_debtors_number(
    mowb, signed_in, attorney
):
    bk = open_case(mowb, bankruptcy_opening(), now=NOW)
    text = signed_in(attorney).get(f"/mowb/cases/{bk.pk}/").content.decode()
    assert "18-00001 (Chapter 7)" in text
    assert "xxx-xx-6789" in text
    assert "123-45" not in text and "12345" not in text


def test_a_sealed_case_looks_missing_to_anyone_but_the_court(
    mowd, judge, signed_in, attorney, clerk
):
    sealed = open_case(
        mowd, replace(civil_opening(plaintiff_attorney_id=attorney.pk), sealed=True), now=NOW
    )
    missing = signed_in(attorney).get(f"/mowd/cases/{sealed.pk}/")
    nothing = signed_in(attorney).get(f"/mowd/cases/{sealed.pk + 99}/")
    assert (missing.status_code, nothing.status_code) == (404, 404)
    assert "W.D. Mo. has no such case." in missing.content.decode()
    assert signed_in(clerk).get(f"/mowd/cases/{sealed.pk}/").status_code == 200
    assert signed_in(judge.account).get(f"/mowd/cases/{sealed.pk}/").status_code == 200
    assert "No case" not in signed_in(attorney).get("/account/cases/").content.decode()
    assert sealed.case_number not in signed_in(attorney).get("/account/cases/").content.decode()


def test_a_case_of_another_court_is_not_found_here(case, signed_in, attorney):
    assert signed_in(attorney).get(f"/ksd/cases/{case.pk}/").status_code == 404


def test_the_case_pages_ask_a_visitor_to_sign_in(case, client):
    for path in [f"/mowd/cases/{case.pk}/", "/mowd/cases/?number=18-1", "/account/cases/"]:
        answer = client.get(path)
        assert answer.status_code == 302
        assert answer["Location"].startswith("/login")


def test_one_matching_number_opens_the_case(case, signed_in, attorney):
    answer = signed_in(attorney).get("/mowd/cases/", {"number": "4:18cv1"})
    assert (answer.status_code, answer["Location"]) == (302, f"/mowd/cases/{case.pk}/")


def test_a_partial_number_lists_the_possible_cases(case, mowd, signed_in, attorney):
    criminal = open_case(mowd, criminal_opening(), now=NOW)
    page = signed_in(attorney).get("/mowd/cases/", {"number": "18-1"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Possible cases" in text
    assert f"/mowd/cases/{case.pk}/" in text and f"/mowd/cases/{criminal.pk}/" in text


def test_a_number_no_case_has_says_so(case, signed_in, attorney):
    text = signed_in(attorney).get("/mowd/cases/", {"number": "4:18-cv-00777"}).content.decode()
    assert "W.D. Mo. has no case with that number." in text


def test_text_that_is_no_number_is_shown_on_the_form(mowd, signed_in, attorney):
    page = signed_in(attorney).get("/mowd/cases/", {"number": "abc"})
    assert page.status_code == 400
    assert "Enter a case number, in full or in part" in page.content.decode()


def test_my_cases_lists_my_cases_at_every_court_with_whom_i_represent(
    case, mowb, signed_in, attorney
):
    bk = open_case(mowb, bankruptcy_opening(attorney_id=attorney.pk), now=NOW)
    Case.objects.filter(pk=case.pk).update(
        last_entry_number=3, last_entry_text="ANSWER to Complaint", last_entry_at=NOW
    )
    text = signed_in(attorney).get("/account/cases/").content.decode()
    assert "4:18-cv-00001-BW" in text and "Acme Corp." in text
    assert "3 (April 24, 2018): ANSWER to Complaint" in text
    assert f"/mowb/cases/{bk.pk}/" in text and "Dana Debtor" in text


@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_the_clerks_case_page_is_for_the_courts_clerks_only(
    request, case, signed_in, persona, status
):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(f"/mowd/clerk/cases/{case.pk}/").status_code == status
    assert client.get("/mowd/clerk/judges/").status_code == status
    client.post(f"/mowd/clerk/cases/{case.pk}/", {"action": "seal"})
    case.refresh_from_db()
    assert case.sealed is (status == 200)


def test_the_clerk_closes_and_reopens_a_case_on_the_page(case, signed_in, clerk):
    client = signed_in(clerk)
    path = f"/mowd/clerk/cases/{case.pk}/"
    with time_machine.travel(datetime(2018, 5, 1, 15, tzinfo=UTC)):
        assert client.post(path, {"action": "close", "on": "04/30/2018"}).status_code == 302
        case.refresh_from_db()
        assert str(case.date_terminated) == "2018-04-30"
        refused = client.post(path, {"action": "reopen", "reason": ""})
        assert refused.status_code == 400
        assert client.post(path, {"action": "reopen", "reason": "Vacated"}).status_code == 302
    case.refresh_from_db()
    assert case.date_terminated is None


def test_a_bad_closing_date_is_shown_on_the_form(case, signed_in, clerk):
    page = signed_in(clerk).post(
        f"/mowd/clerk/cases/{case.pk}/", {"action": "close", "on": "01/01/2000"}
    )
    assert page.status_code == 400
    assert "The date cannot be before the case was filed (April 24, 2018)." in page.content.decode()


def test_the_clerk_terminates_a_party_and_transfers_the_case_on_the_page(
    case, mowd, signed_in, clerk
):
    other = judge_at(mowd, first_name="Nanette", last_name="Laughrey")
    client = signed_in(clerk)
    path = f"/mowd/clerk/cases/{case.pk}/"
    defendant = case.parties.get(role="defendant")
    assert (
        client.post(path, {"action": "terminate_party", "party_id": defendant.pk}).status_code
        == 302
    )
    assert (
        client.post(
            path, {"action": "transfer", "judge_id": other.pk, "reason": "Recusal"}
        ).status_code
        == 302
    )
    text = client.get(path).content.decode()
    assert "TERMINATED:" in text and "4:18-cv-00001-NL" in text


def test_the_clerk_sets_a_judges_initials_and_weight_on_the_deck_page(
    mowd, judge, signed_in, clerk
):
    client = signed_in(clerk)
    assert (
        client.post(
            "/mowd/clerk/judges/", {"judge_id": judge.pk, "initials": "BCW", "weight": 2}
        ).status_code
        == 302
    )
    assert JudgeSeat.objects.get(judge=judge).initials == "BCW"
    refused = client.post(
        "/mowd/clerk/judges/", {"judge_id": judge.pk, "initials": "B", "weight": 2}
    )
    assert refused.status_code == 400
    assert "Initials are 2 to 4 letters" in refused.content.decode()


def test_a_judge_sees_the_cases_assigned_to_them_sealed_ones_included(mowd, judge, signed_in):
    sealed = open_case(mowd, replace(civil_opening(title="Sealed v. Matter"), sealed=True), now=NOW)
    text = signed_in(judge.account).get("/account/cases/").content.decode()
    assert f"/mowd/cases/{sealed.pk}/" in text and "(assigned judge)" in text
