"""Opening a case inside the filing's transaction: number, parties, attorneys, judge."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from django.db import connection, transaction

from openecf.cases import facade
from openecf.cases.factories import bankruptcy_opening, civil_opening, judge_at, open_case
from openecf.cases.models import AttorneyOfRecord, Case, JudgeAssignment, Party
from openecf.cases.rules import CaseOpening, PartyOpening
from openecf.core.errors import InputInvalid
from openecf.core.models import AuditEvent

NOW = datetime(2018, 4, 24, 15, 0, tzinfo=UTC)


def test_a_civil_case_gets_the_next_number_of_its_office_year_and_type(mowd, judge, attorney):
    first = open_case(mowd, civil_opening(plaintiff_attorney_id=attorney.pk), now=NOW)
    second = open_case(mowd, civil_opening(), now=NOW)
    other_office = open_case(mowd, civil_opening(office_number=2), now=NOW)
    criminal = open_case(
        mowd,
        CaseOpening(
            kind="cr",
            title="USA v. Doe",
            office_number=4,
            parties=(PartyOpening(name="John Doe", role="defendant"),),
        ),
        now=NOW,
    )
    assert [
        first.case_number,
        second.case_number,
        other_office.case_number,
        criminal.case_number,
    ] == [
        "4:18-cv-00001",
        "4:18-cv-00002",
        "2:18-cv-00001",
        "4:18-cr-00001",
    ]
    assert (first.judge_initials, first.assigned_judge_id) == ("BW", judge.pk)
    assert facade.case(court_id="mowd", caseid=first.pk).shown_number == "4:18-cv-00001-BW"


def test_the_case_keeps_its_parties_aliases_and_attorneys_of_record(mowd, judge, attorney):
    case = open_case(
        mowd, civil_opening(plaintiff_attorney_id=attorney.pk), actor_id=attorney.pk, now=NOW
    )
    plaintiff, defendant = facade.parties(caseid=case.pk)
    assert (plaintiff.name, plaintiff.role, plaintiff.added_on) == (
        "Acme Corp.",
        "plaintiff",
        date(2018, 4, 24),
    )
    assert [(a.username, a.name, a.lead, a.to_be_noticed) for a in plaintiff.attorneys] == [
        (attorney.username, "Alice Attorney", True, True)
    ]
    assert defendant.aliases == (("Dick Roe", "aka"),)
    assert facade.is_attorney_on_case(caseid=case.pk, account_id=attorney.pk)
    assert not facade.is_attorney_on_case(caseid=case.pk, account_id=judge.account_id)
    assert [c.caseid for c in facade.cases_of(account_id=attorney.pk)] == [case.pk]


def test_the_judge_draw_is_recorded_with_its_deck_and_roll(mowd, judge):
    other = judge_at(mowd, first_name="Nanette", last_name="Laughrey")
    case = open_case(mowd, now=NOW)
    draw = JudgeAssignment.objects.get(case=case)
    assert draw.how == "draw"
    assert draw.deck == [[judge.pk, 1], [other.pk, 1]]
    assert draw.judge_id == (judge.pk if draw.roll < 0.5 else other.pk)
    row = AuditEvent.objects.get(verb="case.opened")
    assert (row.court_id, row.subject_kind, row.subject_id) == ("mowd", "case", str(case.pk))
    assert row.details["draw"]["roll"] == draw.roll
    assert row.details["draw"]["judge"] == draw.judge_id


def test_a_court_with_no_judge_in_its_deck_opens_the_case_unassigned(mowd):
    case = open_case(mowd, now=NOW)
    assert (case.assigned_judge_id, case.judge_initials) == (None, "")
    assert facade.case(court_id="mowd", caseid=case.pk).shown_number == "4:18-cv-00001"


def test_a_debtors_tax_number_is_stored_encrypted_and_only_the_last_four_are_shown(mowb):
    case = open_case(mowb, bankruptcy_opening(), now=NOW)
    assert (case.case_number, case.chapter) == ("18-00001", 7)
    (debtor,) = facade.parties(caseid=case.pk)
    assert debtor.tax_id_shown == "xxx-xx-6789"
    with connection.cursor() as cursor:
        cursor.execute("select tax_id from cases_party where id = %s", [debtor.id])
        stored = cursor.fetchone()[0]
    assert "123456789" not in stored and stored.startswith("gAAAAA")
    assert Party.objects.get(pk=debtor.id).tax_id == "123456789"
    assert "6789" not in repr(debtor).replace("xxx-xx-6789", "")


def test_an_adversary_proceeding_shares_the_bankruptcy_numbers(mowb):
    main = open_case(mowb, bankruptcy_opening(), now=NOW)
    adversary = open_case(
        mowb,
        CaseOpening(
            kind="ap",
            title="Trustee v. Roe",
            lead_caseid=main.pk,
            parties=(
                PartyOpening(name="Tess Trustee", role="plaintiff"),
                PartyOpening(name="Roe", role="defendant"),
            ),
        ),
        now=NOW,
    )
    assert adversary.case_number == "18-00002"
    assert adversary.lead_case_id == main.pk


def test_an_appeal_links_back_to_the_case_and_entry_it_comes_from(mowd, ca8):
    origin = open_case(mowd, now=NOW)
    appeal = open_case(
        ca8,
        CaseOpening(
            kind="ca",
            title="Acme Corp. v. Roe",
            parties=(
                PartyOpening(name="Acme Corp.", role="appellant"),
                PartyOpening(name="Richard Roe", role="appellee"),
            ),
            origin_court_id="mowd",
            origin_caseid=origin.pk,
            origin_case_number=origin.case_number,
            origin_entry_number=12,
        ),
        now=NOW,
    )
    found = facade.case(court_id="ca8", caseid=appeal.pk)
    assert (
        found.case_number,
        found.origin_court_id,
        found.origin_caseid,
        found.origin_entry_number,
    ) == (
        "18-0001",
        "mowd",
        origin.pk,
        12,
    )


def test_an_appeal_from_another_circuit_is_refused(ca8, courts):
    opening = CaseOpening(
        kind="ca",
        title="A v. B",
        origin_court_id="ksd",
        origin_caseid=1,
        parties=(PartyOpening(name="A", role="appellant"),),
    )
    with pytest.raises(InputInvalid) as refused:
        open_case(ca8, opening, now=NOW)
    assert refused.value.problems == {
        "origin": ["That court is not in this circuit: its appeals go to another court of appeals."]
    }


def test_a_criminal_case_numbers_its_defendants(mowd, judge):
    case = open_case(
        mowd,
        CaseOpening(
            kind="cr",
            title="USA v. Doe et al.",
            office_number=4,
            parties=(
                PartyOpening(name="John Doe", role="defendant"),
                PartyOpening(name="Jane Doe", role="defendant"),
            ),
        ),
        now=NOW,
    )
    assert [(p.name, p.defendant_number) for p in facade.parties(caseid=case.pk)] == [
        ("John Doe", 1),
        ("Jane Doe", 2),
    ]


def test_a_refused_opening_leaves_nothing_behind(mowd, judge):
    with pytest.raises(InputInvalid) as refused:
        open_case(
            mowd, civil_opening(parties=(PartyOpening(name="Roe", role="defendant"),)), now=NOW
        )
    assert refused.value.problems == {"parties": ["Name at least one plaintiff."]}
    assert (
        Case.objects.count(),
        Party.objects.count(),
        AuditEvent.objects.filter(verb="case.opened").count(),
    ) == (0, 0, 0)


def test_an_unknown_attorney_is_refused(mowd):
    with pytest.raises(InputInvalid) as refused:
        open_case(mowd, civil_opening(plaintiff_attorney_id=987654), now=NOW)
    assert refused.value.problems == {
        "parties.0.attorneys": ["Name attorneys by their PACER accounts."]
    }
    assert AttorneyOfRecord.objects.count() == 0


def test_a_failed_filing_after_the_opening_leaves_no_case_and_no_number_used(mowd, judge):
    class FilingFailed(Exception):
        pass

    with pytest.raises(FilingFailed), transaction.atomic():
        facade.open_case(court_id="mowd", opening=civil_opening(), actor_id=None, now=NOW)
        raise FilingFailed
    assert Case.objects.count() == 0
    assert open_case(mowd, now=NOW).case_number == "4:18-cv-00001"


@pytest.mark.django_db(transaction=True)
def test_open_case_runs_only_inside_the_callers_transaction(courts):
    with pytest.raises(RuntimeError, match="inside the filing's transaction"):
        facade.open_case(court_id="mowd", opening=civil_opening(), actor_id=None, now=NOW)


def test_the_case_is_dated_in_the_courts_time_zone(mowd):
    late_evening_in_kansas_city = datetime(2019, 1, 1, 5, 0, tzinfo=UTC)
    case = open_case(mowd, now=late_evening_in_kansas_city)
    assert (case.date_filed, case.case_number) == (date(2018, 12, 31), "4:18-cv-00001")


def test_lock_case_holds_the_row_and_answers_the_case(mowd):
    case = open_case(mowd, replace(civil_opening(), sealed=True), now=NOW)
    with transaction.atomic():
        locked = facade.lock_case(caseid=case.pk)
    assert (locked.caseid, locked.sealed) == (case.pk, True)
    with pytest.raises(facade.CaseNotFound), transaction.atomic():
        facade.lock_case(caseid=case.pk + 1000)


def test_an_opening_is_checked_before_anything_is_paid_or_written(mowd):
    with pytest.raises(InputInvalid) as refused:
        facade.check_opening(court_id="mowd", opening=civil_opening(office_number=9))
    assert refused.value.problems == {
        "office_number": ["Choose one of the court's divisional offices."]
    }
    facade.check_opening(court_id="mowd", opening=civil_opening())
    assert Case.objects.count() == 0


def test_a_district_court_opens_cases_in_its_divisional_offices(mowd, mowb):
    assert facade.offices(court_id="mowd")[2] == (4, "Western Division (Kansas City)")
    assert facade.offices(court_id="mowb") == []


def test_a_court_continues_its_old_systems_numbers_and_never_goes_back(mowd):
    def continued(last: int) -> int:
        return facade.continue_numbering(
            court_id="mowd", series="cv", office_number=4, year=2018, last=last, actor_id=None
        )

    assert continued(122) == 122
    assert continued(100) == 122  # never lower: a number is never given twice
    assert AuditEvent.objects.filter(verb="cases.numbering_continued").count() == 1
    case = open_case(
        mowd, civil_opening(office_number=4), now=datetime(2018, 4, 24, 15, tzinfo=UTC)
    )
    assert case.case_number == "4:18-cv-00123"
    with pytest.raises(InputInvalid) as refused:
        facade.continue_numbering(
            court_id="mowd", series="xx", office_number=4, year=18, last=-1, actor_id=None
        )
    assert set(refused.value.problems) == {"series", "year", "last"}
