"""Test data for cases: a case opened through the real ``open_case``, judges in the deck."""

from __future__ import annotations

from django.db import transaction

from openecf.cases import actions
from openecf.cases.models import Case
from openecf.cases.rules import AttorneyOpening, CaseOpening, PartyOpening
from openecf.core import clock
from openecf.tests_support.factories import AccountFactory, CourtStaffFactory


def judge_at(court, *, first_name: str = "Brian", last_name: str = "Wimes"):
    """A judge of ``court`` (a CourtStaff row), drawn with weight 1."""
    account = AccountFactory(purpose="case_search", first_name=first_name, last_name=last_name)
    return CourtStaffFactory(court=court, account=account, role="judge")


def civil_opening(
    *,
    plaintiff_attorney_id: int | None = None,
    title: str = "Acme Corp. v. Roe",
    office_number: int = 4,
    **overrides,
) -> CaseOpening:
    lawyers = (
        (AttorneyOpening(account_id=plaintiff_attorney_id, lead=True),)
        if plaintiff_attorney_id
        else ()
    )
    fields = {
        "kind": "cv",
        "title": title,
        "office_number": office_number,
        "nature_of_suit": "440",
        "cause": "42:1983 Civil Rights Act",
        "jurisdiction": "federal_question",
        "jury_demand": "plaintiff",
        "parties": (
            PartyOpening(name="Acme Corp.", role="plaintiff", attorneys=lawyers),
            PartyOpening(name="Richard Roe", role="defendant", aliases=(("Dick Roe", "aka"),)),
        ),
    }
    fields.update(overrides)
    return CaseOpening(**fields)


def criminal_opening(**overrides) -> CaseOpening:
    """USA v. Richard Roe at W.D. Mo.'s Western Division (defendant 1)."""
    fields = {"kind": "cr", "title": "USA v. Roe", "office_number": 4,
              "parties": (PartyOpening(name="Richard Roe", role="defendant"),)}  # fmt: skip
    fields.update(overrides)
    return CaseOpening(**fields)


def bankruptcy_opening(
    *, attorney_id: int | None = None, chapter: int = 7, **overrides
) -> CaseOpening:
    lawyers = (AttorneyOpening(account_id=attorney_id, lead=True),) if attorney_id else ()
    fields = {
        "kind": "bk",
        "title": "Dana Debtor",
        "chapter": chapter,
        "parties": (
            PartyOpening(
                name="Dana Debtor", role="debtor", tax_id="123-45-6789", attorneys=lawyers
            ),
        ),
    }
    fields.update(overrides)
    return CaseOpening(**fields)


def open_case(
    court, opening: CaseOpening | None = None, *, actor_id: int | None = None, now=None
) -> Case:
    """Open a case as a filing would (in its own transaction)."""
    with transaction.atomic():
        return actions.open_case(
            court_id=court.pk,
            opening=opening or civil_opening(),
            actor_id=actor_id,
            now=now or clock.now(),
        )
