"""Entry numbers: the next in the case, gap-free and unique under concurrent filing."""

from __future__ import annotations

import pytest

from openecf.docket import actions
from openecf.docket.models import DocketEntry
from openecf.docket.rules import next_entry_number
from openecf.tests_support.concurrency import run_together


@pytest.mark.parametrize(("last", "following"), [(None, 1), (0, 1), (1, 2), (10_000, 10_001)])
def test_the_next_number_follows_the_last(last, following):
    assert next_entry_number(last) == following


def _minute_entry(clerk, mowd, caseid: int, n: int):
    return lambda: actions.file_entry(
        account=clerk,
        court=mowd,
        caseid=caseid,
        choices=actions.FilingChoices(event="minute-entry", free_text=f"Hearing {n} held"),
        document=None,
    )


@pytest.mark.django_db(transaction=True)
def test_eight_filers_at_once_get_the_numbers_one_to_eight_without_gap(mowd, clerk, case):
    actions.ensure_catalogue(court_id="mowd")
    results = run_together([_minute_entry(clerk, mowd, case.caseid, n) for n in range(8)])

    assert all(isinstance(r, actions.FiledEntry) for r in results), results
    assert sorted(r.entry_number for r in results) == list(range(1, 9))
    numbers = list(
        DocketEntry.objects.filter(caseid=case.caseid)
        .order_by("entry_number")
        .values_list("entry_number", flat=True)
    )
    assert numbers == list(range(1, 9))
    texts = {r.entry_number: r.docket_text for r in results}
    assert sorted(texts.values()) == sorted(
        f"MINUTE ENTRY Hearing {n} held. (cc, COURT STAFF)" for n in range(8)
    )


@pytest.mark.django_db
def test_numbers_are_per_case(mowd, clerk, case, alice):
    from openecf.cases.factories import civil_opening, open_case

    other = open_case(mowd, civil_opening(plaintiff_attorney_id=alice.pk, title="Beta v. Gamma"))
    for caseid in (case.caseid, other.caseid, case.caseid):
        _minute_entry(clerk, mowd, caseid, 0)()
    assert list(DocketEntry.objects.order_by("pk").values_list("caseid", "entry_number")) == [
        (case.caseid, 1),
        (other.caseid, 1),
        (case.caseid, 2),
    ]


@pytest.mark.django_db(transaction=True)
def test_eight_filers_with_pdfs_at_once_get_gap_free_numbers_and_keep_every_document(
    mowd, alice, case, parties, tmp_path
):
    """Each filing checks its PDF in a checker of the pool at the same moment as the others
    (the pool forks one per concurrent check), then numbers its entry."""
    import io

    from openecf.documents.tests import corpus

    actions.ensure_catalogue(court_id="mowd")

    def motion(n: int):
        return lambda: actions.file_entry(
            account=alice,
            court=mowd,
            caseid=case.caseid,
            choices=actions.FilingChoices(
                event="motion-dismiss",
                filer_parties=(parties["plaintiff"],),
                free_text=f"number {n}",
                redaction_confirmed=True,
            ),
            document=actions.Upload(
                io.BytesIO(corpus.text_pdf(2, lines=[f"Motion {n}"])), f"motion-{n}.pdf"
            ),
            redaction_acknowledged=True,
        )

    results = run_together([motion(n) for n in range(8)])

    assert all(isinstance(r, actions.FiledEntry) for r in results), results
    assert sorted(r.entry_number for r in results) == list(range(1, 9))
    entries = DocketEntry.objects.filter(caseid=case.caseid).prefetch_related("documents")
    assert sorted(e.entry_number for e in entries) == list(range(1, 9))
    assert all(len(e.documents.all()) == 1 for e in entries)
    assert not list((tmp_path / "intake").iterdir())
