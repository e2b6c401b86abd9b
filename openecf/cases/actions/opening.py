"""Opening a case, inside the transaction of the filing that opens it (docket entry 1)."""

from __future__ import annotations

from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from openecf.cases import queries, rules
from openecf.cases.actions.common import _court_date, _record_case
from openecf.cases.actions.judges import _draw_judge
from openecf.cases.indexing import index
from openecf.cases.models import AttorneyOfRecord, Case, CaseNumberSequence, Party
from openecf.core import audit, locks
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.models import Court, DivisionalOffice


def court_offices(court: Court) -> list[int]:
    """The office numbers a district case may carry (1 for a court with none on file)."""
    if court.kind != Court.Kind.DISTRICT:
        return [0]
    return list(DivisionalOffice.objects.filter(court=court).values_list("number", flat=True)) or [
        1
    ]


def _next_sequence(court: Court, *, series: str, office_number: int, year: int) -> int:
    """The next number of a series, held until the caller commits (safe under concurrency).

    The series row is created if missing (a conflict with a concurrent creator is ignored;
    PostgreSQL makes the second insert wait for the first), then locked and advanced.
    """
    key = {"court": court, "series": series, "office_number": office_number, "year": year}
    CaseNumberSequence.objects.bulk_create([CaseNumberSequence(**key)], ignore_conflicts=True)
    row = locks.lock_row(CaseNumberSequence.objects.filter(**key))
    assert row is not None
    CaseNumberSequence.objects.filter(pk=row.pk).update(last=F("last") + 1)
    return row.last + 1


def _problems_with_records(court: Court, opening: rules.CaseOpening) -> dict[str, list[str]]:
    """The problems only the database can tell: unknown attorneys, lead case, origin."""
    problems: dict[str, list[str]] = {}
    wanted = {a.account_id for p in opening.parties for a in p.attorneys}
    if wanted:
        accounts = apps.get_model(settings.AUTH_USER_MODEL)
        known = set(accounts.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        for index, party in enumerate(opening.parties):
            if any(a.account_id not in known for a in party.attorneys):
                problems[f"parties.{index}.attorneys"] = ["Name attorneys by their PACER accounts."]
    if (
        opening.kind == "ap"
        and opening.lead_caseid is not None
        and not Case.objects.filter(pk=opening.lead_caseid, court=court, kind="bk").exists()
    ):
        problems["lead_caseid"] = ["Name a bankruptcy case of this court."]
    if opening.kind == "ca" and opening.origin_court_id:
        problem = queries.origin_court_problem(
            appellate_court_id=court.pk, origin_court_id=opening.origin_court_id
        )
        if problem:
            problems["origin"] = [problem]
    return problems


def check_opening(*, court_id: str, opening: rules.CaseOpening) -> Court:
    """Every problem of an opening, before anything is paid or written (``InputInvalid``).

    The opening filing asks first, so a fee is never charged for a case that cannot open.
    """
    court = Court.objects.filter(pk=court_id).first()
    if court is None:
        raise InputInvalid({"court": "There is no such court."})
    problems = rules.opening_problems(opening, court_kind=court.kind, offices=court_offices(court))
    InputInvalid.raise_if(problems)
    InputInvalid.raise_if(_problems_with_records(court, opening))
    return court


def open_case(
    *, court_id: str, opening: rules.CaseOpening, actor_id: int | None, now: datetime
) -> Case:
    """Open a case: its number, parties, attorneys of record and judge (drawn at random).

    Runs INSIDE the caller's transaction (the filing that dockets entry 1), so the case, its
    number and the entry commit together or not at all; plain ``transaction.atomic()``.
    Raises ``InputInvalid`` with ``rules.opening_problems``'s sentences, field by field.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("open_case() runs inside the filing's transaction")
    court = check_opening(court_id=court_id, opening=opening)
    with transaction.atomic():
        on = _court_date(court, now)
        office = opening.office_number if opening.kind in rules.DISTRICT_KINDS else 0
        assert office is not None
        sequence = _next_sequence(
            court, series=rules.series_of(opening.kind), office_number=office, year=on.year
        )
        case = Case.objects.create(
            court=court,
            kind=opening.kind,
            office_number=office,
            year=on.year,
            sequence=sequence,
            case_number=rules.case_number(
                kind=opening.kind, office_number=office, year=on.year, sequence=sequence
            ),
            title=opening.title.strip(),
            short_title=(opening.short_title.strip() or rules.default_short_title(opening.title)),
            nature_of_suit=opening.nature_of_suit,
            cause=opening.cause.strip(),
            jurisdiction=opening.jurisdiction,
            jury_demand=opening.jury_demand or Case.JuryDemand.NONE,
            demand_amount=opening.demand_amount,
            cover_sheet=dict(opening.cover_sheet),
            chapter=opening.chapter,
            joint_petition=opening.joint_petition,
            sealed=opening.sealed,
            lead_case_id=opening.lead_caseid,
            origin_court_id=opening.origin_court_id,
            origin_caseid=opening.origin_caseid,
            origin_case_number=opening.origin_case_number,
            origin_entry_number=opening.origin_entry_number,
            date_filed=on,
            opened_by_id=actor_id,
            opened_at=now,
        )
        for party in rules.numbered_parties(opening):
            _add_party(case, party, on=on)
        draw = _draw_judge(case, court, now=now, actor_id=actor_id)
        case.save(update_fields=["assigned_judge", "judge_initials"])
        index(case)  # in the national Case Locator with the filing, or not at all
        _record_case(
            case,
            actor_id=actor_id,
            verb="case.opened",
            kind=case.kind,
            parties=len(opening.parties),
            draw=draw,
        )
    return case


def _add_party(case: Case, party: rules.PartyOpening, *, on: date) -> Party:
    row = Party.objects.create(
        case=case,
        name=party.name.strip(),
        role=party.role,
        aliases=[{"name": name.strip(), "kind": kind} for name, kind in party.aliases],
        defendant_number=party.defendant_number,
        tax_id=rules.tax_id_digits(party.tax_id),
        tax_id_last_four=rules.last_four(party.tax_id) if party.tax_id else "",
        added_on=on,
        pro_se_account_id=party.pro_se_account_id,
    )
    AttorneyOfRecord.objects.bulk_create(
        AttorneyOfRecord(
            party=row,
            account_id=lawyer.account_id,
            lead=lawyer.lead,
            to_be_noticed=lawyer.to_be_noticed,
            pro_hac_vice=lawyer.pro_hac_vice,
            added_on=on,
        )
        for lawyer in party.attorneys
    )
    return row


def continue_numbering(
    *, court: Court, series: str, office_number: int, year: int, last: int, actor_id: int | None
) -> int:
    """A court moving from its old CM/ECF continues that system's numbers: the series' last
    number given out becomes ``last`` (never lower: a number is never given twice). Returns
    the series' last number now."""
    problems: dict[str, list[str]] = {}
    if series not in {"cv", "cr", "mc", "mj", "bk", "ap", "ca"}:
        problems["series"] = ["Name a number series: cv, cr, mc, mj, bk, ap or ca."]
    if not 1970 <= year <= 2200:
        problems["year"] = ["Give the year in four digits, e.g. 2018."]
    if last < 0:
        problems["last"] = ["Give the last number the old system gave out, e.g. 122."]
    InputInvalid.raise_if(problems)
    with durable_action():
        key = {"court": court, "series": series, "office_number": office_number, "year": year}
        CaseNumberSequence.objects.bulk_create([CaseNumberSequence(**key)], ignore_conflicts=True)
        row = locks.lock_row(CaseNumberSequence.objects.filter(**key))
        assert row is not None
        if row.last >= last:
            return row.last
        CaseNumberSequence.objects.filter(pk=row.pk).update(last=last)
        audit.record(
            actor_id=actor_id,
            verb="cases.numbering_continued",
            subject=audit.Subject("case_number_series", row.pk),
            court_id=court.pk,
            details={"series": series, "office": office_number, "year": year, "last": last},
        )
    return last
