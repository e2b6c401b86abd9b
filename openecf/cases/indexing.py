"""Telling the national Case Locator (central) about a case, in the transaction changing it.

Every action that changes what the locator searches (opening, closing and reopening, sealing
and unsealing, terminating a party, transferring the judge; any future party change) ends with
``index(case)``. ``every_case`` is the whole record, read for ``openecf locator rebuild``.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from openecf.cases.models import Case, Party
from openecf.cases.rules import shown_number
from openecf.locator import facade as locator


def record_of(case: Case, parties: list[Party]) -> locator.CaseRecord:
    names = []
    for party in parties:
        names.append(locator.PartyName(name=party.name, role=party.role))
        names += [locator.PartyName(name=a["name"], role=party.role) for a in party.aliases]
    return locator.CaseRecord(
        court_id=case.court_id,
        caseid=case.pk,
        case_number=case.case_number,
        shown_number=shown_number(
            case.case_number,
            kind=case.kind,
            judge_initials=case.judge_initials,
            referred_initials=case.referred_initials,
        ),
        kind=case.kind,
        office_number=case.office_number,
        year=case.year,
        sequence=case.sequence,
        title=case.title,
        date_filed=case.date_filed,
        date_terminated=case.date_terminated,
        nature_of_suit=case.nature_of_suit,
        chapter=case.chapter,
        sealed=case.sealed,
        names=tuple(names),
    )


def index(case: Case) -> None:
    """The case as it now is, into the locator: inside the caller's transaction."""
    locator.index_case(record_of(case, list(Party.objects.filter(case=case).order_by("pk"))))


def every_case(batch: int = 1000) -> Iterator[locator.CaseRecord]:
    """Every case of every court, in (court id, caseid) order, a batch of rows at a time."""
    ordered = Case.objects.order_by("court_id", "caseid")
    last: tuple[str, int] | None = None
    while True:
        rows = ordered
        if last is not None:
            rows = rows.filter(court_id__gte=last[0]).exclude(court_id=last[0], caseid__lte=last[1])
        chunk = list(
            rows.prefetch_related(Prefetch("parties", queryset=Party.objects.order_by("pk")))[
                :batch
            ]
        )
        if not chunk:
            return
        for case in chunk:
            yield record_of(case, list(case.parties.all()))
        last = (chunk[-1].court_id, chunk[-1].pk)
