"""Reads of cases that pages, the API and the facade rely on, court-scoped."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from openecf.cases.models import AttorneyOfRecord, Case, JudgeSeat, Party
from openecf.cases.rules import NumberQuery, appeal_origin_problem, judge_initials
from openecf.courts.models import Court, CourtStaff


def cases_matching(court_id: str, query: NumberQuery) -> QuerySet[Case]:
    """The court's cases a full or partial number names (several when it is partial)."""
    found = Case.objects.filter(court_id=court_id, sequence=query.sequence)
    if query.yy is not None:
        found = found.filter(year__in=(2000 + query.yy, 1900 + query.yy))
    if query.office_number is not None:
        found = found.filter(Q(office_number=query.office_number) | Q(office_number=0))
    if query.kind is not None:
        found = found.filter(kind=query.kind)
    return found.order_by("-year", "office_number", "kind")


def cases_with_party(court_id: str, name: str) -> QuerySet[Case]:
    """The court's cases with a party whose name contains ``name`` (any case), newest first."""
    named = Party.objects.filter(case__court_id=court_id, name__icontains=name)
    return Case.objects.filter(pk__in=named.values("case_id")).order_by("-opened_at", "-pk")


def case_at(court_id: str, caseid: int) -> Case | None:
    return Case.objects.filter(pk=caseid, court_id=court_id).select_related("court").first()


def parties_of(caseid: int) -> list[Party]:
    """The case's parties in the order they were added, each with its attorneys of record."""
    lawyers = AttorneyOfRecord.objects.select_related("account").order_by("pk")
    return list(
        Party.objects.filter(case_id=caseid)
        .prefetch_related(Prefetch("attorneys", queryset=lawyers))
        .order_by("pk")
    )


def cases_of_account(account_id: int) -> QuerySet[Case]:
    """Every case, at every court, where the account is (or was) an attorney of record (not
    sealed: those are the court's), or is the assigned or referred judge (sealed included)."""
    represented = Q(parties__attorneys__account_id=account_id, sealed=False)
    judging = Q(assigned_judge__account_id=account_id) | Q(referred_judge__account_id=account_id)
    return (
        Case.objects.filter(represented | judging)
        .select_related("court")
        .distinct()
        .order_by("-opened_at")
    )


def representations(account_id: int) -> list[tuple[int, str, bool]]:
    """(caseid, party name, ended) for each party the account represents or represented."""
    rows = AttorneyOfRecord.objects.filter(account_id=account_id).order_by("party__case_id", "pk")
    return [
        (caseid, name, ended is not None)
        for caseid, name, ended in rows.values_list(
            "party__case_id", "party__name", "terminated_on"
        )
    ]


def is_attorney_on_case(caseid: int, account_id: int) -> bool:
    return AttorneyOfRecord.objects.filter(
        party__case_id=caseid, account_id=account_id, terminated_on__isnull=True
    ).exists()


@dataclass(frozen=True)
class DeckCard:
    """A judge of the court as the draw deck holds it."""

    judge_id: int
    name: str
    initials: str
    weight: int


def draw_deck(court_id: str) -> list[DeckCard]:
    """The court's judges with their initials and weights (1 and name initials by default)."""
    seats = {seat.judge_id: seat for seat in JudgeSeat.objects.filter(court_id=court_id)}
    judges = CourtStaff.objects.filter(court_id=court_id, role=CourtStaff.Role.JUDGE).order_by("pk")
    cards = []
    for judge_id, first, last in judges.values_list(
        "pk", "account__first_name", "account__last_name"
    ):
        seat = seats.get(judge_id)
        cards.append(
            DeckCard(
                judge_id=judge_id,
                name=f"{first} {last}".strip(),
                initials=seat.initials if seat else judge_initials(first, last),
                weight=seat.weight if seat else 1,
            )
        )
    return cards


def origin_court_problem(*, appellate_court_id: str, origin_court_id: str) -> str:
    """Why an appeal cannot come from the court ``origin_court_id`` names ("" when it can)."""
    origin = Court.objects.filter(pk=origin_court_id).first()
    if origin is None:
        return "There is no such court."
    return appeal_origin_problem(
        appellate_court_id=appellate_court_id,
        origin_court_id=origin.pk,
        origin_kind=origin.kind,
        origin_state=origin.state,
    )
