"""Every entry the docket records is noticed: notices' receiver of the docket's
announcement (``docket.facade.when_entry_recorded``, registered in ``NoticesConfig.ready``).

It runs inside the filing's transaction: it reads the case, its parties and attorneys
(``cases.facade``) and their addresses (``accounts.facade``), turns them into the notice's
candidates and writes the notice and its outbox rows (``notify_entry``). The filing and its
notice commit together or not at all.
"""

from __future__ import annotations

from django.db.models import Q

from openecf.accounts import facade as accounts
from openecf.cases import facade as cases
from openecf.core import clock
from openecf.courts.queries import get_court
from openecf.docket import facade as docket
from openecf.ecf import facade as ecf
from openecf.notices.actions.filing import notify_entry
from openecf.notices.models import CourtNoticingAddress
from openecf.notices.recipients import Candidate, FiledDocument, FiledEntry


def notify_recorded_entry(recorded: docket.RecordedEntry) -> None:
    """The docket's receiver: write the notice of ``recorded`` in its transaction."""
    notify_entry(entry=filed_entry_of(recorded))


def filed_entry_of(recorded: docket.RecordedEntry) -> FiledEntry:
    """What the notice says about ``recorded`` and whom it may go to."""
    court = get_court(recorded.court_id)
    case = cases.case(court_id=court.pk, caseid=recorded.caseid)
    parties = cases.parties(caseid=recorded.caseid)
    agents = ecf.noticed_agents_of(
        court_id=court.pk,
        attorney_ids=sorted({a.account_id for p in parties for a in p.attorneys}),
    )
    people = accounts.people(
        account_ids=sorted(
            {a.account_id for p in parties for a in p.attorneys}
            | {agent for found in agents.values() for agent in found}
            | {p.pro_se_account_id for p in parties if p.pro_se_account_id}
            | {recorded.entered_by_id}
            | ({recorded.filed_by_id} if recorded.filed_by_id else set())
        )
    )
    entering = people.get(recorded.entered_by_id)
    entered_at = clock.in_zone(recorded.entered_at, court.time_zone)
    names = {p.id: p.name for p in parties}
    return FiledEntry(
        court_id=court.pk,
        court_kind=court.kind,
        court_name=court.name.split(" for the ", 1)[-1],
        caseid=case.caseid,
        case_number=case.shown_number,
        case_name=case.short_title or case.title,
        entry_id=recorded.entry_id,
        entry_number=recorded.entry_number,
        event=recorded.event_name,
        entered_by=f"{entering.last_name}, {entering.first_name}" if entering else "",
        entered_at=entered_at,
        filed_on=clock.in_zone(recorded.filed_at, court.time_zone).date(),
        filer=", ".join(names[p] for p in recorded.filer_party_ids if p in names),
        filer_account_id=recorded.entered_by_id,
        docket_text=recorded.docket_text,
        sealed=recorded.sealed,
        documents=tuple(
            FiledDocument(
                doc_id=d.doc_id,
                attachment_number=d.attachment_number,
                description=d.description,
                original_filename=d.file_name,
                stamp=d.stamp,
                is_transcript=recorded.is_transcript,
                restricted=d.restricted,
            )
            for d in recorded.documents
        ),
        candidates=(
            *candidates_of(parties, people, agents=agents),
            *court_lists_of(court_id=court.pk, judge_account_id=case.judge_account_id),
        ),
        # A sealed entry: only its filer is noticed, and the court's own lists (court staff
        # see it on the docket), both without a document link.
        entitled=(
            frozenset(i for i in (recorded.filed_by_id, recorded.entered_by_id) if i)
            if recorded.sealed
            else None
        ),
    )


def candidates_of(
    parties: list[cases.Party],
    people: dict[int, accounts.Person],
    *,
    agents: dict[int, list[int]] | None = None,
) -> list[Candidate]:
    """The case's attorneys of record (with their "to be noticed" flag; terminated ones and
    those of terminated parties marked so), the filing agents each attorney has noticed in
    their name, and each party no attorney represents: e-mailed at its pro se e-filer's
    address, or else served by the filer by other means."""
    found = []
    for party in parties:
        for attorney in party.attorneys:
            person = people.get(attorney.account_id)
            ended = attorney.terminated_on is not None or party.terminated_on is not None
            found.append(
                Candidate(
                    account_id=attorney.account_id,
                    name=attorney.name,
                    email=person.email if person else "",
                    role="attorney",
                    to_be_noticed=attorney.to_be_noticed,
                    terminated=ended,
                )
            )
            for agent_id in (agents or {}).get(attorney.account_id, []):
                agent = people.get(agent_id)
                if agent is not None:
                    found.append(
                        Candidate(
                            account_id=agent_id,
                            name=agent.full_name,
                            email=agent.email,
                            role="agent",
                            to_be_noticed=attorney.to_be_noticed,
                            terminated=ended,
                            participant=False,
                        )
                    )
        represented = any(a.terminated_on is None for a in party.attorneys)
        if not represented and party.terminated_on is None:
            # A pro se e-filer is e-mailed; a party without one is served on paper.
            pro_se = people.get(party.pro_se_account_id) if party.pro_se_account_id else None
            found.append(
                Candidate(
                    account_id=pro_se.id if pro_se else None,
                    name=party.name,
                    email=pro_se.email if pro_se else "",
                    role="pro_se",
                )
            )
    return found


def court_lists_of(*, court_id: str, judge_account_id: int | None) -> list[Candidate]:
    """The court's own noticing lists for a case: its judge's chambers and the court-wide
    lists (active addresses only, oldest first)."""
    rows = CourtNoticingAddress.objects.filter(court_id=court_id, ended_at__isnull=True).filter(
        Q(judge_account_id__isnull=True) | Q(judge_account_id=judge_account_id)
    )
    return [
        Candidate(account_id=None, name=row.name, email=row.email, role="court")
        for row in rows.order_by("pk")
    ]
