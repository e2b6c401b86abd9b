"""Who may see what of the court record: the one rule every report, page and endpoint asks.

Built on the court ``Standing`` (ADR 0005):

- a sealed case, entry or document is the court's alone (its clerks, judges and the
  operator), as is an entry held for the clerk's acceptance; to anyone else it is missing,
  with the very answer a missing one gets;
- a restricted document opens only for the case's participants (its attorneys of record)
  and the court;
- in a Social Security or immigration case (Fed. R. Civ. P. 5.2(c)) a remote non-participant
  sees the docket but opens only the court's opinions, orders and judgments.
"""

from __future__ import annotations

from dataclasses import dataclass

from openecf.cases import facade as cases
from openecf.courts.access import Standing
from openecf.docket import facade as docket
from openecf.reports import rules


@dataclass(frozen=True)
class RecordAccess:
    """What one person may see of one case."""

    standing: Standing
    case: cases.Case
    court_user: bool  # the court's clerks, judges, the operator
    participant: bool  # an attorney of record on the case today
    limited: bool  # Fed. R. Civ. P. 5.2(c): a remote non-participant in an SS/immigration case

    def record_filter(
        self, criteria: rules.Criteria | None = None, *, zone: str
    ) -> docket.RecordFilter:
        """The docket's filter for this person (and a report's criteria)."""
        chosen = criteria or rules.Criteria()
        return docket.RecordFilter(
            sealed=self.court_user,
            restricted=self.court_user or self.participant,
            date_field=chosen.date_field,
            date_from=chosen.date_from,
            date_to=chosen.date_to,
            number_from=chosen.number_from,
            number_to=chosen.number_to,
            newest_first=chosen.newest_first,
            zone=zone,
        )

    def may_open(
        self, entry: docket.RecordEntry | docket.RecordRow, document: docket.RecordDocument
    ) -> bool:
        """Whether the person may open ``document`` of ``entry`` (and see its link)."""
        if entry.sealed or entry.held or document.sealed:
            return self.court_user
        if entry.restricted or document.restricted:
            return self.court_user or self.participant
        if self.limited:
            return entry.event_category == rules.ORDERS_CATEGORY
        return True


def record_access(standing: Standing, caseid: int) -> RecordAccess:
    """The person's access to the case, or ``CaseNotFound`` (a missing case, or a sealed one
    they may not see: the same answer)."""
    case = cases.visible_case(standing=standing, caseid=caseid)
    court_user = cases.is_court_user(standing)
    participant = standing.account_id is not None and cases.is_attorney_on_case(
        caseid=case.caseid, account_id=standing.account_id
    )
    return RecordAccess(
        standing=standing,
        case=case,
        court_user=court_user,
        participant=participant,
        limited=not (court_user or participant)
        and rules.remote_access_limited(case.nature_of_suit),
    )
