"""The national Case Locator's index follows each case change in the same transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction

from openecf.cases import actions
from openecf.cases.factories import bankruptcy_opening, civil_opening, judge_at, open_case
from openecf.cases.models import Party
from openecf.locator import rules, search
from openecf.locator.models import IndexedCase, IndexedName

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 4, 24, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def in_april():
    with time_machine.travel(NOW, tick=False):
        yield


def found(**criteria) -> list[int]:
    read, problems = rules.read_criteria(**criteria)
    assert problems == {}
    return [row.caseid for row in search.matching(read)]


def indexed(case) -> IndexedCase:
    return IndexedCase.objects.get(court_id=case.court_id, caseid=case.pk)


@pytest.fixture
def case(mowd, judge):
    return open_case(mowd, civil_opening(), now=NOW)


def test_an_opened_case_is_in_the_locator_with_its_parties_and_aliases(case):
    row = indexed(case)
    assert (row.case_number, row.shown_number, row.court_kind, row.title) == (
        "4:26-cv-00001", "4:26-cv-00001-BW", "district", "Acme Corp. v. Roe",
    )  # fmt: skip
    assert (row.date_filed, row.nature_of_suit, row.date_terminated) == (
        date(2026, 4, 24), "440", None,
    )  # fmt: skip
    assert sorted(IndexedName.objects.filter(case=row).values_list("name", "role")) == [
        ("Acme Corp.", "plaintiff"), ("Dick Roe", "defendant"), ("Richard Roe", "defendant"),
    ]  # fmt: skip
    assert found(party_name="Roe, Dick") == [case.pk]


def test_a_bankruptcy_case_is_indexed_with_its_chapter(mowb):
    bk = open_case(mowb, bankruptcy_opening(chapter=13), now=NOW)
    assert (indexed(bk).court_kind, indexed(bk).chapter) == ("bankruptcy", 13)
    assert found(party_name="Debtor", chapter=13) == [bk.pk]


def test_an_opening_rolled_back_leaves_nothing_in_the_locator(mowd, judge):
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.open_case(court_id="mowd", opening=civil_opening(), actor_id=None, now=NOW)
        assert IndexedCase.objects.count() == 1  # in step inside the filing's transaction
        raise RuntimeError("the filing's fee was declined")
    assert IndexedCase.objects.count() == 0
    assert IndexedName.objects.count() == 0
    assert found(party_name="Richard Roe") == []


def test_a_case_opened_sealed_is_never_in_the_locator(mowd, judge):
    sealed = open_case(mowd, replace(civil_opening(), sealed=True), now=NOW)
    assert not IndexedCase.objects.filter(caseid=sealed.pk).exists()
    assert found(party_name="Richard Roe") == []


def test_sealing_takes_the_case_out_and_unsealing_brings_it_back(case, mowd, clerk):
    actions.set_case_sealed(actor_id=clerk.pk, court=mowd, caseid=case.pk, sealed=True)
    assert found(party_name="Richard Roe") == []
    assert not IndexedName.objects.exists()
    actions.set_case_sealed(actor_id=clerk.pk, court=mowd, caseid=case.pk, sealed=False)
    assert found(party_name="Richard Roe") == [case.pk]


def test_a_seal_that_fails_leaves_the_case_findable(case, mowd, clerk, monkeypatch):
    from openecf.cases.actions import clerk as clerk_actions

    def broken(*args, **kwargs):
        raise RuntimeError("the audit chain is unavailable")

    monkeypatch.setattr(clerk_actions, "_record_case", broken)
    with pytest.raises(RuntimeError):
        actions.set_case_sealed(actor_id=clerk.pk, court=mowd, caseid=case.pk, sealed=True)
    assert found(party_name="Richard Roe") == [case.pk]


def test_closing_and_reopening_are_in_step(case, mowd, clerk):
    actions.close_case(actor_id=clerk.pk, court=mowd, caseid=case.pk, on=date(2026, 4, 24))
    assert indexed(case).date_terminated == date(2026, 4, 24)
    actions.reopen_case(actor_id=clerk.pk, court=mowd, caseid=case.pk, reason="Remand")
    assert indexed(case).date_terminated is None


def test_a_transfer_changes_the_number_the_locator_shows(case, mowd, clerk):
    other = judge_at(mowd, first_name="Greg", last_name="Kays")
    actions.transfer_judge(
        actor_id=clerk.pk, court=mowd, caseid=case.pk, judge_id=other.pk, reason="Recusal"
    )
    assert indexed(case).shown_number == "4:26-cv-00001-GK"


def test_a_terminated_party_stays_findable(case, mowd, clerk):
    roe = Party.objects.get(case_id=case.pk, name="Richard Roe")
    actions.terminate_party(actor_id=clerk.pk, court=mowd, caseid=case.pk, party_id=roe.pk)
    assert found(party_name="Roe, Richard") == [case.pk]


def test_a_renamed_party_is_found_by_its_new_name_only(case, mowd):
    from openecf.cases.indexing import index

    with transaction.atomic():
        Party.objects.filter(case_id=case.pk, name="Richard Roe").update(name="Richard Rowe")
        index(case)
    assert found(party_name="Rowe, Richard") == [case.pk]
    assert found(party_name="Roe, Richard") == []


def test_the_rebuild_makes_the_index_the_record_and_a_second_run_changes_nothing(
    case, mowd, mowb, capsys
):
    bk = open_case(mowb, bankruptcy_opening(), now=NOW)
    IndexedCase.objects.filter(caseid=bk.pk).delete()  # missing
    IndexedCase.objects.filter(caseid=case.pk).update(title="Wrong title")  # differs
    row = indexed(case)
    IndexedName.objects.filter(case=row, name="Dick Roe").delete()  # a name missing
    stray = IndexedCase.objects.create(
        court_id="mowd", court_kind="district", caseid=case.pk + 1000, case_number="4:26-cv-09999",
        shown_number="4:26-cv-09999", kind="cv", year=2026, sequence=9999, title="Gone v. Gone",
        date_filed=date(2026, 1, 1),
    )  # fmt: skip
    call_command("locator", "rebuild", "--no-progress")
    assert "1 added, 1 updated, 1 removed, 0 unchanged" in capsys.readouterr().out
    assert not IndexedCase.objects.filter(pk=stray.pk).exists()
    assert indexed(case).title == "Acme Corp. v. Roe"
    assert found(party_name="Roe, Dick") == [case.pk]
    assert found(party_name="Debtor, Dana") == [bk.pk]
    call_command("locator", "rebuild", "--no-progress", "--batch", "1")
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in capsys.readouterr().out


def test_the_rebuild_leaves_sealed_cases_out(case, mowd, clerk, capsys):
    from openecf.cases.models import Case

    Case.objects.filter(pk=case.pk).update(sealed=True)  # as if sealed before the index existed
    call_command("locator", "rebuild", "--no-progress")
    assert "0 added, 0 updated, 1 removed, 0 unchanged" in capsys.readouterr().out
    assert found(party_name="Richard Roe") == []
