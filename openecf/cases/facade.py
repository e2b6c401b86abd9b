"""What other apps use of cases: open a case inside a filing, find, read and lock cases.

Only frozen dataclasses, ids and simple values cross this boundary, never cases' models.
``docket`` opens a case inside the transaction that dockets entry 1 (``open_case``), locks the
case first when it numbers entries (``lock_case``, ADR 0006) and asks who represents whom.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openecf.accounts import facade as accounts
from openecf.cases import actions, queries
from openecf.cases.access import is_court_user, may_see
from openecf.cases.errors import CaseNotFound, case_not_found
from openecf.cases.models import AttorneyOfRecord as AttorneyRow
from openecf.cases.models import Case as CaseRow
from openecf.cases.models import Party as PartyRow
from openecf.cases.queries import origin_court_problem
from openecf.cases.rules import (
    ROLES_OF_KIND,
    AttorneyOpening,
    CaseOpening,
    PartyOpening,
    appeal_origin_problem,
    masked_tax_id,
    numbered_parties,
    opening_problems,
    parse_number,
    shown_number,
)
from openecf.core import locks
from openecf.core.records import copy_of
from openecf.courts.access import Standing
from openecf.courts.models import Court

__all__ = [
    "AttorneyOfRecord",
    "AttorneyOpening",
    "Case",
    "CaseNotFound",
    "CaseOpening",
    "Party",
    "PartyOpening",
    "add_attorney_of_record",
    "add_pro_se_filer",
    "appeal_origin_problem",
    "case",
    "cases_of",
    "check_opening",
    "continue_numbering",
    "end_case",
    "find_cases",
    "forget_last_entry",
    "find_cases_by_party",
    "is_attorney_on_case",
    "numbered_parties",
    "origin_court_problem",
    "is_court_user",
    "judge_name",
    "lock_case",
    "my_cases",
    "note_entry",
    "offices",
    "open_case",
    "opening_problems",
    "parties",
    "referred_judge_name",
    "roles_of",
    "visible_case",
]


@dataclass(frozen=True)
class Case:
    caseid: int
    court_id: str
    case_number: str  # as the court keeps it: 4:18-cv-00123, 18-12345, 18-1234
    shown_number: str  # as CM/ECF shows it: 4:18-cv-00123-BCW
    title: str
    short_title: str
    kind: str  # cv, cr, mc, mj, bk, ap, ca
    kind_label: str
    judge_initials: str
    judge_id: int | None  # courts.CourtStaff id
    judge_account_id: int | None
    referred_judge_id: int | None
    date_filed: date
    date_terminated: date | None
    sealed: bool
    office_number: int
    nature_of_suit: str
    cause: str
    jurisdiction: str
    jury_demand: str
    demand_amount: Decimal | None
    chapter: int | None
    joint_petition: bool
    lead_caseid: int | None
    origin_court_id: str
    origin_caseid: int | None
    origin_case_number: str
    origin_entry_number: int | None
    opened_at: datetime
    jurisdiction_label: str
    jury_demand_label: str
    last_entry_number: int | None
    last_entry_text: str
    last_entry_at: datetime | None

    @property
    def is_closed(self) -> bool:
        return self.date_terminated is not None


@dataclass(frozen=True)
class AttorneyOfRecord:
    id: int
    account_id: int
    username: str
    name: str
    email: str
    phone: str
    lead: bool
    to_be_noticed: bool
    pro_hac_vice: bool
    added_on: date
    terminated_on: date | None


@dataclass(frozen=True)
class Party:
    id: int
    name: str
    role: str
    role_label: str
    aliases: tuple[tuple[str, str], ...]  # (name, kind): ("Acme Co.", "dba")
    defendant_number: int | None
    tax_id_shown: str  # xxx-xx-1234: only ever the last four
    added_on: date
    terminated_on: date | None
    attorneys: tuple[AttorneyOfRecord, ...]
    pro_se_account_id: int | None  # the PACER account that files for the party pro se


def case_of(row: CaseRow) -> Case:
    return copy_of(
        Case,
        row,
        caseid=row.pk,
        shown_number=shown_number(
            row.case_number,
            kind=row.kind,
            judge_initials=row.judge_initials,
            referred_initials=row.referred_initials,
        ),
        kind_label=row.get_kind_display(),
        jurisdiction_label=row.get_jurisdiction_display(),
        jury_demand_label=row.get_jury_demand_display(),
        judge_id=row.assigned_judge_id,
        judge_account_id=row.assigned_judge.account_id if row.assigned_judge else None,
        lead_caseid=row.lead_case_id,
    )


def _attorney(row: AttorneyRow) -> AttorneyOfRecord:
    return copy_of(
        AttorneyOfRecord,
        row,
        id=row.pk,
        username=row.account.username,
        name=row.account.full_name,
        email=row.account.email,
        phone=row.account.phone,
    )


def party_of(row: PartyRow) -> Party:
    return copy_of(
        Party,
        row,
        id=row.pk,
        role_label=row.get_role_display(),
        aliases=tuple((a["name"], a["kind"]) for a in row.aliases),
        tax_id_shown=masked_tax_id(row.tax_id_last_four),
        attorneys=tuple(_attorney(a) for a in row.attorneys.all()),
    )


def roles_of(kind: str) -> tuple[str, ...]:
    """The roles a party may have in a ``kind`` case, the one every case needs first."""
    return ROLES_OF_KIND.get(kind, ())


def open_case(*, court_id: str, opening: CaseOpening, actor_id: int | None, now: datetime) -> Case:
    """Open a case INSIDE the caller's transaction (the filing that dockets entry 1).

    Raises ``core.errors.InputInvalid`` with ``opening_problems``'s sentences.
    """
    row = actions.open_case(court_id=court_id, opening=opening, actor_id=actor_id, now=now)
    return case_of(CaseRow.objects.select_related("assigned_judge").get(pk=row.pk))


def continue_numbering(
    *, court_id: str, series: str, office_number: int, year: int, last: int, actor_id: int | None
) -> int:
    """Continue an old system's case numbers: the series' next case is numbered ``last + 1``."""
    return actions.continue_numbering(
        court=Court.objects.get(pk=court_id),
        series=series,
        office_number=office_number,
        year=year,
        last=last,
        actor_id=actor_id,
    )


def check_opening(*, court_id: str, opening: CaseOpening) -> None:
    """Raise ``InputInvalid`` with every problem of an opening (pure rules and the records:
    unknown attorneys, an appeal from another circuit), before any fee is charged."""
    actions.check_opening(court_id=court_id, opening=opening)


def offices(*, court_id: str) -> list[tuple[int, str]]:
    """The divisional offices a district case may be opened in, (number, name); none elsewhere."""
    from openecf.courts.models import DivisionalOffice

    court = Court.objects.get(pk=court_id)
    if court.kind != Court.Kind.DISTRICT:
        return []
    names = dict(DivisionalOffice.objects.filter(court=court).values_list("number", "name"))
    return [(number, names.get(number, "Main office")) for number in actions.court_offices(court)]


def find_cases(*, court_id: str, number: str, standing: Standing | None = None) -> list[Case]:
    """The court's cases a full or partial number names; several when it is partial.

    With ``standing``, sealed cases are left out for anyone but the court's own users.
    """
    query = parse_number(number)
    if query is None:
        return []
    rows = queries.cases_matching(court_id, query).select_related("assigned_judge")
    return [
        case_of(row)
        for row in rows[:100]
        if standing is None or may_see(standing, sealed=row.sealed)
    ]


def find_cases_by_party(*, court_id: str, name: str, standing: Standing) -> list[Case]:
    """The court's cases with a party whose name contains ``name``, newest first;
    sealed cases left out for anyone but the court's own users."""
    rows = queries.cases_with_party(court_id, name.strip()).select_related("assigned_judge")
    return [case_of(row) for row in rows[:100] if may_see(standing, sealed=row.sealed)]


def case(*, court_id: str, caseid: int, standing: Standing | None = None) -> Case:
    """The case, or ``CaseNotFound`` (also for a sealed case the standing may not see)."""
    row = (
        CaseRow.objects.filter(pk=caseid, court_id=court_id)
        .select_related("assigned_judge", "court")
        .first()
    )
    if row is None or (standing is not None and not may_see(standing, sealed=row.sealed)):
        raise case_not_found(row.court.short_name if row else _court_name(court_id))
    return case_of(row)


def _court_name(court_id: str) -> str:
    from openecf.courts.models import Court

    return (
        Court.objects.filter(pk=court_id).values_list("short_name", flat=True).first() or court_id
    )


def visible_case(*, standing: Standing, caseid: int) -> Case:
    """The case at the standing's court as the person may see it (``CaseNotFound`` if not)."""
    return case(court_id=standing.court_id, caseid=caseid, standing=standing)


def parties(*, caseid: int) -> list[Party]:
    """The case's parties, terminated ones included (with their dates), and attorneys."""
    return [party_of(row) for row in queries.parties_of(caseid)]


def lock_case(*, caseid: int) -> Case:
    """Hold the case's row until the caller's transaction ends: the first lock (ADR 0006)."""
    row = locks.lock_row(CaseRow.objects.filter(pk=caseid))
    if row is None:
        raise CaseNotFound("There is no such case.")
    return case_of(CaseRow.objects.select_related("assigned_judge").get(pk=row.pk))


def is_attorney_on_case(*, caseid: int, account_id: int) -> bool:
    """Whether the account represents a party of the case today (not terminated)."""
    return queries.is_attorney_on_case(caseid, account_id)


def cases_of(*, account_id: int) -> list[Case]:
    """Every case, at every court, the account is or was an attorney of record on (sealed
    cases, the court's alone, left out)."""
    return [mine.case for mine in my_cases(account_id=account_id)]


@dataclass(frozen=True)
class MyCase:
    """A case on a filer's "My cases": the court, whom they represent, the last entry."""

    case: Case
    court_name: str
    representing: tuple[str, ...]
    withdrawn: bool  # every representation on the case has ended


def my_cases(*, account_id: int) -> list[MyCase]:
    """The account's cases at every court: those it represents a party on (sealed ones are
    the court's and left out) and, for a judge, those assigned or referred to it."""
    mine: dict[int, list[tuple[str, bool]]] = {}
    for caseid, name, ended in queries.representations(account_id):
        mine.setdefault(caseid, []).append((name, ended))
    found = []
    for row in queries.cases_of_account(account_id).select_related("assigned_judge"):
        judging = row.pk not in mine
        found.append(
            MyCase(
                case=case_of(row),
                court_name=row.court.name,
                representing=("(assigned judge)",)
                if judging
                else tuple(n for n, _ in mine[row.pk]),
                withdrawn=not judging and all(ended for _, ended in mine[row.pk]),
            )
        )
    return found


def judge_name(case: Case) -> str:
    """The assigned judge's name, or "" when the case has none yet."""
    if case.judge_account_id is None:
        return ""
    found = accounts.person(account_id=case.judge_account_id)
    return found.full_name if found else ""


def referred_judge_name(case: Case) -> str:
    """The name of the magistrate judge the case is referred to, or "" when none."""
    if case.referred_judge_id is None:
        return ""
    from openecf.courts.models import CourtStaff

    names = (
        CourtStaff.objects.filter(pk=case.referred_judge_id)
        .values_list("account__first_name", "account__last_name")
        .first()
    )
    return f"{names[0]} {names[1]}".strip() if names else ""


def note_entry(*, caseid: int, entry_number: int, docket_text: str, filed_at: datetime) -> None:
    """Docket tells the case its newest entry, inside the entry's transaction (the caller
    holds ``lock_case``), so "My cases" shows it without cases importing docket."""
    CaseRow.objects.filter(pk=caseid).update(
        last_entry_number=entry_number, last_entry_text=docket_text[:2000], last_entry_at=filed_at
    )


def forget_last_entry(*, caseid: int) -> None:
    """The case has no entry on the public record any more (the docket sealed its only ones):
    "My cases" shows none, inside the docket's transaction (the caller holds ``lock_case``)."""
    CaseRow.objects.filter(pk=caseid).update(
        last_entry_number=None, last_entry_text="", last_entry_at=None
    )


def add_attorney_of_record(**association: Any) -> AttorneyOfRecord:
    """Associate an attorney with a party on their first filing, inside the caller's
    transaction (the caller holds ``lock_case``); an existing live association is kept.

    Keywords as ``cases.actions.add_attorney_of_record``: ``caseid``, ``party_id``,
    ``account_id``, ``lead``, ``to_be_noticed``, ``on`` (the court's date), ``actor_id``.
    """
    row = actions.add_attorney_of_record(**association)
    return _attorney(AttorneyRow.objects.select_related("account").get(pk=row.pk))


def add_pro_se_filer(*, caseid: int, party_id: int, account_id: int, actor_id: int | None) -> None:
    """Link the party to the pro se e-filer filing for it, inside the caller's transaction
    (the caller holds ``lock_case``); ``InputInvalid`` if an attorney or another pro se
    filer already files for it."""
    actions.add_pro_se_filer(
        caseid=caseid, party_id=party_id, account_id=account_id, actor_id=actor_id
    )


def end_case(*, court_id: str, caseid: int, on: date, actor_id: int | None) -> None:
    """Close the case inside the caller's transaction (an entry that ends it, as a judgment)."""
    actions.end_case(court_id=court_id, caseid=caseid, on=on, actor_id=actor_id)
