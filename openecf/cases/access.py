"""Who may see a case: a sealed case is the court's alone and looks missing to anyone else.

Decided in terms of the court ``Standing`` (ADR 0005): clerks, judges (chambers) and the
operator see sealed cases; everyone else gets ``CaseNotFound``, as a missing case does.
"""

from __future__ import annotations

from openecf.cases import queries
from openecf.cases.errors import case_not_found
from openecf.cases.models import Case
from openecf.courts.access import Standing, require_clerk


def is_court_user(standing: Standing) -> bool:
    return standing.is_clerk or standing.is_judge or standing.is_operator


def may_see(standing: Standing, *, sealed: bool) -> bool:
    return not sealed or is_court_user(standing)


def case_for(standing: Standing, caseid: int) -> Case:
    """The case at the standing's court if the person may see it; ``CaseNotFound`` if not."""
    case = queries.case_at(standing.court_id, caseid)
    if case is None or not may_see(standing, sealed=case.sealed):
        raise case_not_found(standing.court_name)
    return case


def require_case_clerk(standing: Standing) -> None:
    """The clerk's case pages: the court's clerk's office or the operator (404 for others)."""
    require_clerk(standing, what="case management page")
