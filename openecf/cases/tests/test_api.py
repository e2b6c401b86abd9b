"""The cases API: find by number, my cases, the clerk's case endpoints, the draw deck."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client

from openecf.cases.factories import civil_opening, criminal_opening, judge_at, open_case
from openecf.cases.models import Case, Party
from openecf.core.models import AuditEvent
from openecf.tests_support.api import bearer_token, call
from openecf.tests_support.personas import ONLY_THE_COURTS_CLERKS

pytestmark = pytest.mark.django_db
NOW = datetime(2018, 4, 24, 15, 0, tzinfo=UTC)


@pytest.fixture
def two_cases(mowd, judge, attorney):
    first = open_case(mowd, civil_opening(plaintiff_attorney_id=attorney.pk), now=NOW)
    criminal = open_case(mowd, criminal_opening(), now=NOW)
    return first, criminal


def find(token, number, court="mowd"):
    return call(Client(), "get", f"/api/v1/courts/{court}/cases", {"number": number}, token=token)


def test_a_full_number_finds_its_one_case(two_cases, attorney):
    first, _ = two_cases
    answer = find(bearer_token(attorney), "4:18-cv-00001")
    assert answer.status_code == 200
    (found,) = answer.json()["cases"]
    assert (found["caseid"], found["case_number"], found["shown_number"], found["title"]) == (
        first.pk,
        "4:18-cv-00001",
        "4:18-cv-00001-BW",
        "Acme Corp. v. Roe",
    )


def test_a_partial_number_answers_every_case_it_may_mean(two_cases, attorney):
    answer = find(bearer_token(attorney), "18-1")
    assert sorted(c["case_number"] for c in answer.json()["cases"]) == [
        "4:18-cr-00001",
        "4:18-cv-00001",
    ]
    assert [c["case_number"] for c in find(bearer_token(attorney), "4:18cr1").json()["cases"]] == [
        "4:18-cr-00001"
    ]


def test_a_number_no_case_has_answers_an_empty_list(two_cases, attorney):
    assert find(bearer_token(attorney), "4:18-cv-00999").json() == {"cases": []}


@pytest.mark.parametrize("number", ["", "abc", "4:cv-12"])
def test_text_that_is_no_case_number_is_invalid_input(mowd, attorney, number):
    answer = find(bearer_token(attorney), number)
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"] == {
        "number": ["Enter a case number, in full or in part: 18-123, 4:18cv123 or 4:18-cv-00123."]
    }


def test_finding_cases_needs_sign_in(mowd):
    assert find(None, "18-1").status_code == 401


def test_an_unknown_court_answers_not_found(attorney, courts):
    assert find(bearer_token(attorney), "18-1", court="nowhere").status_code == 404


def test_a_sealed_case_is_found_only_by_the_courts_own_users(mowd, judge, attorney, clerk):
    open_case(mowd, replace(civil_opening(), sealed=True), now=NOW)
    assert find(bearer_token(attorney), "4:18-cv-1").json() == {"cases": []}
    assert len(find(bearer_token(clerk), "4:18-cv-1").json()["cases"]) == 1
    assert len(find(bearer_token(judge.account), "4:18-cv-1").json()["cases"]) == 1


def test_my_cases_lists_the_cases_i_represent_a_party_on(two_cases, attorney, public_user):
    first, _ = two_cases
    mine = call(Client(), "get", "/api/v1/account/cases", token=bearer_token(attorney)).json()
    assert [c["caseid"] for c in mine["cases"]] == [first.pk]
    assert call(
        Client(), "get", "/api/v1/account/cases", token=bearer_token(public_user)
    ).json() == {"cases": []}


@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_closing_a_case_is_for_the_courts_clerks_only(request, two_cases, persona, status):
    first, _ = two_cases
    token = bearer_token(request.getfixturevalue(persona))
    with time_machine.travel(datetime(2018, 5, 1, 15, tzinfo=UTC)):
        answer = call(
            Client(), "post", f"/api/v1/courts/mowd/cases/{first.pk}/close", {}, token=token
        )
    assert answer.status_code == status
    first.refresh_from_db()
    assert first.date_terminated == (date(2018, 5, 1) if status == 200 else None)
    if status == 200:
        assert answer.json()["date_terminated"] == "2018-05-01"


def test_the_clerk_closes_reopens_seals_and_transfers_a_case(two_cases, clerk, mowd, judge):
    first, _ = two_cases
    other = judge_at(mowd, first_name="Nanette", last_name="Laughrey")
    token, base = bearer_token(clerk), f"/api/v1/courts/mowd/cases/{first.pk}"
    with time_machine.travel(datetime(2018, 5, 1, 15, tzinfo=UTC)):
        assert (
            call(Client(), "post", f"{base}/close", {"on": "2018-04-30"}, token=token).json()[
                "date_terminated"
            ]
            == "2018-04-30"
        )
        again = call(Client(), "post", f"{base}/close", {}, token=token)
        assert (again.status_code, again.json()["error"]["code"]) == (409, "case_already_closed")
        assert (
            call(
                Client(), "post", f"{base}/reopen", {"reason": "Judgment vacated"}, token=token
            ).json()["date_terminated"]
            is None
        )
        assert (
            call(Client(), "post", f"{base}/seal", {"sealed": True}, token=token).json()["sealed"]
            is True
        )
        moved = call(
            Client(),
            "post",
            f"{base}/judge",
            {"judge_id": other.pk, "reason": "Recusal"},
            token=token,
        )
    assert moved.json()["shown_number"] == "4:18-cv-00001-NL"
    verbs = list(
        AuditEvent.objects.filter(subject_kind="case", subject_id=str(first.pk)).values_list(
            "verb", flat=True
        )
    )
    assert verbs == [
        "case.opened",
        "case.closed",
        "case.reopened",
        "case.sealed",
        "case.judge_transferred",
    ]


def test_a_closing_date_before_filing_or_in_the_future_is_refused(two_cases, clerk):
    first, _ = two_cases
    token, path = bearer_token(clerk), f"/api/v1/courts/mowd/cases/{first.pk}/close"
    with time_machine.travel(datetime(2018, 5, 1, 15, tzinfo=UTC)):
        early = call(Client(), "post", path, {"on": "2018-04-01"}, token=token)
        late = call(Client(), "post", path, {"on": "2018-06-01"}, token=token)
    assert early.json()["error"]["fields"] == {
        "on": ["The date cannot be before the case was filed (April 24, 2018)."]
    }
    assert late.json()["error"]["fields"] == {"on": ["The date cannot be in the future."]}
    first.refresh_from_db()
    assert first.date_terminated is None


def test_terminated_parties_and_attorneys_stay_on_the_record_with_their_dates(
    two_cases, clerk, attorney
):
    first, _ = two_cases
    plaintiff, defendant = Party.objects.filter(case=first).order_by("pk")
    lawyer = plaintiff.attorneys.get()
    token, base = bearer_token(clerk), f"/api/v1/courts/mowd/cases/{first.pk}"
    with time_machine.travel(datetime(2018, 5, 1, 15, tzinfo=UTC)):
        assert (
            call(
                Client(), "post", f"{base}/terminate-party", {"party_id": defendant.pk}, token=token
            ).status_code
            == 200
        )
        assert (
            call(
                Client(),
                "post",
                f"{base}/terminate-attorney",
                {"attorney_id": lawyer.pk, "on": "2018-04-25"},
                token=token,
            ).status_code
            == 200
        )
        twice = call(
            Client(), "post", f"{base}/terminate-party", {"party_id": defendant.pk}, token=token
        )
    assert (twice.status_code, twice.json()["error"]["message"]) == (
        409,
        "Richard Roe was terminated on May 1, 2018.",
    )
    defendant.refresh_from_db()
    lawyer.refresh_from_db()
    assert (defendant.terminated_on, lawyer.terminated_on) == (date(2018, 5, 1), date(2018, 4, 25))
    assert Party.objects.filter(case=first).count() == 2
    mine = call(Client(), "get", "/api/v1/account/cases", token=bearer_token(attorney)).json()
    assert [c["caseid"] for c in mine["cases"]] == [first.pk]


def test_a_party_of_another_case_cannot_be_terminated_here(two_cases, clerk):
    first, criminal = two_cases
    other_party = Party.objects.filter(case=criminal).first()
    answer = call(
        Client(),
        "post",
        f"/api/v1/courts/mowd/cases/{first.pk}/terminate-party",
        {"party_id": other_party.pk},
        token=bearer_token(clerk),
    )
    assert answer.json()["error"]["fields"] == {"party_id": ["Choose a party of this case."]}


def test_another_courts_case_answers_not_found_to_this_courts_clerk(two_cases, other_court_clerk):
    first, _ = two_cases
    answer = call(
        Client(),
        "post",
        f"/api/v1/courts/ksd/cases/{first.pk}/close",
        {},
        token=bearer_token(other_court_clerk),
    )
    assert answer.status_code == 404
    assert Case.objects.get(pk=first.pk).date_terminated is None


def set_seat(judge, body, token):
    return call(Client(), "put", f"/api/v1/courts/mowd/judges/{judge.pk}", body, token=token)


def test_the_clerk_sets_the_draw_deck(mowd, judge, clerk):
    token = bearer_token(clerk)
    answer = set_seat(judge, {"initials": "bcw", "weight": 3}, token)
    assert answer.json() == {
        "judges": [{"judge_id": judge.pk, "name": "Brian Wimes", "initials": "BCW", "weight": 3}]
    }
    bad = set_seat(judge, {"initials": "B1", "weight": 101}, token)
    assert bad.json()["error"]["fields"] == {
        "initials": ["Initials are 2 to 4 letters, as case numbers show them (BCW)."],
        "weight": ["The weight is a whole number from 0 (not drawn) to 100."],
    }
    assert open_case(mowd, now=NOW).judge_initials == "BCW"


def test_a_judge_with_weight_zero_is_not_drawn(mowd, judge, clerk):
    other = judge_at(mowd, first_name="Nanette", last_name="Laughrey")
    set_seat(judge, {"initials": "BCW", "weight": 0}, bearer_token(clerk))
    assert {open_case(mowd, now=NOW).assigned_judge_id for _ in range(5)} == {other.pk}


@pytest.mark.parametrize(("persona", "status"), ONLY_THE_COURTS_CLERKS)
def test_the_draw_deck_is_for_the_courts_clerks_only(request, mowd, judge, persona, status):
    answer = call(
        Client(),
        "get",
        "/api/v1/courts/mowd/judges",
        token=bearer_token(request.getfixturevalue(persona)),
    )
    assert answer.status_code == status
