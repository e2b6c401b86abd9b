"""Judges and cases: the random draw, transfers and the court's draw deck."""

from __future__ import annotations

import secrets
from datetime import datetime

from openecf.cases import queries, rules
from openecf.cases.actions.common import _locked_case, _record_case
from openecf.cases.indexing import index
from openecf.cases.models import Case, JudgeAssignment, JudgeSeat
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.models import Court, CourtStaff


def _deck(court: Court) -> list[tuple[int, int]]:
    """The court's draw deck: every judge with its weight (1 unless the clerk set one)."""
    weights = dict(JudgeSeat.objects.filter(court=court).values_list("judge_id", "weight"))
    judges = CourtStaff.objects.filter(court=court, role=CourtStaff.Role.JUDGE).order_by("pk")
    return [
        (judge_id, weights.get(judge_id, 1)) for judge_id in judges.values_list("pk", flat=True)
    ]


def initials_of(judge: CourtStaff) -> str:
    """The judge's initials as case numbers show them (the deck's, or from the name)."""
    return next(c.initials for c in queries.draw_deck(judge.court_id) if c.judge_id == judge.pk)


def _court_judge(court: Court, judge_id: int) -> CourtStaff:
    judge = CourtStaff.objects.filter(pk=judge_id, court=court, role=CourtStaff.Role.JUDGE).first()
    if judge is None:
        raise InputInvalid({"judge_id": "Choose one of this court's judges."})
    return judge


def _assign(
    case: Case,
    judge: CourtStaff,
    *,
    referred: bool,
    how: str,
    now: datetime,
    actor_id: int | None,
    deck: list[tuple[int, int]] | None = None,
    roll: float | None = None,
    reason: str = "",
) -> JudgeAssignment:
    """Put ``judge`` on the case (or as its referred judge); the row keeps the history."""
    initials = initials_of(judge)
    if referred:
        case.referred_judge, case.referred_initials = judge, initials.lower()
    else:
        case.assigned_judge, case.judge_initials = judge, initials.upper()
    return JudgeAssignment.objects.create(
        case=case,
        judge=judge,
        referred=referred,
        how=how,
        deck=[list(card) for card in deck or []],
        roll=roll,
        reason=reason,
        at=now,
        by_id=actor_id,
    )


def _draw_judge(case: Case, court: Court, *, now: datetime, actor_id: int | None) -> dict:
    """Draw the case's judge at random from the court's deck; what the audit row records."""
    deck = _deck(court)
    roll = secrets.SystemRandom().random()
    drawn = rules.draw_judge(deck, roll)
    if drawn is None:
        return {"judge": None, "deck": [], "roll": roll}
    judge = CourtStaff.objects.get(pk=drawn)
    _assign(
        case,
        judge,
        referred=False,
        how=JudgeAssignment.How.DRAW,
        now=now,
        actor_id=actor_id,
        deck=deck,
        roll=roll,
    )
    return {"judge": drawn, "initials": case.judge_initials, "deck": deck, "roll": roll}


def transfer_judge(
    *,
    actor_id: int,
    court: Court,
    caseid: int,
    judge_id: int,
    referred: bool = False,
    reason: str = "",
) -> Case:
    """The clerk reassigns the case (or its referral) to another of the court's judges."""
    if not reason.strip():
        raise InputInvalid({"reason": "Say why the case is transferred (for example: recusal)."})
    with durable_action():
        case = _locked_case(court, caseid)
        judge = _court_judge(court, judge_id)
        before = case.referred_judge_id if referred else case.assigned_judge_id
        if before == judge.pk:
            raise InputInvalid({"judge_id": "The case is already with that judge."})
        _assign(
            case,
            judge,
            referred=referred,
            how=JudgeAssignment.How.TRANSFER,
            now=clock.now(),
            actor_id=actor_id,
            reason=reason.strip(),
        )
        case.save(
            update_fields=[
                "assigned_judge",
                "judge_initials",
                "referred_judge",
                "referred_initials",
            ]
        )
        index(case)  # the number the locator shows carries the judge's initials
        _record_case(
            case,
            actor_id=actor_id,
            verb="case.judge_transferred",
            judge=judge.pk,
            previous=before,
            referred=referred,
            reason=reason.strip(),
        )
    return case


def set_judge_seat(
    *, actor_id: int | None, court: Court, judge_id: int, initials: str, weight: int
) -> JudgeSeat:
    """The clerk sets a judge's initials and weight in the draw deck (0: out of the draw)."""
    initials = initials.strip().upper()
    problems: dict[str, str] = {}
    if not initials.isalpha() or not 2 <= len(initials) <= 4:
        problems["initials"] = "Initials are 2 to 4 letters, as case numbers show them (BCW)."
    if not 0 <= weight <= 100:
        problems["weight"] = "The weight is a whole number from 0 (not drawn) to 100."
    InputInvalid.raise_if(problems)
    with durable_action():
        judge = _court_judge(court, judge_id)
        seat, _ = JudgeSeat.objects.update_or_create(
            judge=judge, defaults={"court": court, "initials": initials, "weight": weight}
        )
        audit.record(
            actor_id=actor_id,
            verb="court.judge_deck_set",
            subject=audit.Subject("court_staff", judge.pk),
            court_id=court.pk,
            details={"initials": initials, "weight": weight},
        )
    return seat
