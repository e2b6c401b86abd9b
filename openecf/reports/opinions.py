"""The written opinions report (CM/ECF's ``WrtOpRpt.pl``): the court's opinions filed within
some dates, free to everyone signed in (Judicial Conference policy).

Which entries are opinions is ``rules.OPINION_EVENTS`` and ``rules.OPINION_WORDS`` among the
court's own entries (Orders and Judgments). Each is listed only if the person may open its
document (``record_access``, ``RecordAccess.may_open``). The report is of the public record:
a sealed case, entry or document is missing for everyone, the court's users too (they read
those on the docket); a restricted document is listed for participants and the court only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openecf.cases import facade as cases
from openecf.core import clock
from openecf.courts.access import Standing
from openecf.docket import facade as docket
from openecf.reports import rules
from openecf.reports.access import RecordAccess, record_access


class TooManyOpinions(Exception):
    """More than ``rules.OPINIONS_LIMIT`` opinions in the dates asked."""


@dataclass(frozen=True)
class Opinion:
    case: cases.Case
    office: str
    entry: docket.RecordEntry
    document: docket.RecordDocument
    filed_on: date  # the court's date


def opinions(
    *, standing: Standing, zone: str, filed_from: date, filed_to: date, by_date: bool
) -> list[Opinion]:
    """The opinions filed from ``filed_from`` to ``filed_to`` that the person may open, by
    case number (then date) or by date (then case number)."""
    found = docket.public_entries(
        court_id=standing.court_id,
        only=docket.PublicFilter(
            filed_from=filed_from,
            filed_to=filed_to,
            zone=zone,
            categories=frozenset({rules.ORDERS_CATEGORY}),
            events=rules.OPINION_EVENTS,
            words=rules.OPINION_WORDS,
        ),
        limit=rules.OPINIONS_LIMIT + 1,
    )
    if len(found) > rules.OPINIONS_LIMIT:
        raise TooManyOpinions
    offices = dict(cases.offices(court_id=standing.court_id))
    seen: dict[int, RecordAccess | None] = {}
    rows = []
    for public in found:
        if public.caseid not in seen:
            try:
                seen[public.caseid] = record_access(standing, public.caseid)
            except cases.CaseNotFound:
                seen[public.caseid] = None
        access = seen[public.caseid]
        main = next((d for d in public.entry.documents if d.attachment_number == 0), None)
        if access is None or access.case.sealed:
            continue  # the report is of the public record: a sealed case's opinions are not
        if main is None or not access.may_open(public.entry, main):
            continue
        rows.append(
            Opinion(
                case=access.case,
                office=offices.get(access.case.office_number, ""),
                entry=public.entry,
                document=main,
                filed_on=clock.in_zone(public.entry.filed_at, zone).date(),
            )
        )

    def by_case(o: Opinion) -> tuple:
        return (o.case.case_number, o.filed_on, o.entry.entry_number)

    def by_day(o: Opinion) -> tuple:
        return (o.filed_on, o.case.case_number, o.entry.entry_number)

    return sorted(rows, key=by_day if by_date else by_case)
