"""Gather the facts for a firm's readiness page from firms, accounts, sign-on and each court."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from openecf.core import clock
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.courts.presentation import court_row
from openecf.ecf import facade as ecf
from openecf.firms import facade as firms
from openecf.readiness import rules
from openecf.signon import facade as signon


def mfa_enrolled(account_id: int) -> bool:
    """Asks sign-on (central) whether the account has an authenticator app."""
    return signon.has_mfa(account_id=account_id)


@dataclass(frozen=True)
class Report:
    firm: firms.FirmSummary
    courts: list[rules.CourtFacts]
    rows: list[rules.Row]

    @property
    def ready_count(self) -> int:
        return sum(1 for r in self.rows if r.ready)

    @property
    def not_ready(self) -> list[rules.Row]:
        return [r for r in self.rows if not r.ready]


def court_facts(court_ids: tuple[str, ...], now: datetime) -> list[rules.CourtFacts]:
    facts = []
    for court in Court.objects.filter(pk__in=court_ids).order_by("pk"):
        facts.append(
            rules.CourtFacts(
                court_id=court.pk,
                short_name=court.short_name,
                is_nextgen=court_queries.is_nextgen(court, now),
                go_live_text=court_row(court, now).go_live_text,
            )
        )
    return facts


def member_facts(member: firms.Member, courts: list[rules.CourtFacts]) -> rules.MemberFacts:
    statuses = {}
    for court in courts:
        statuses[court.court_id] = rules.court_status(
            linked=ecf.is_linked(account_id=member.account_id, court_id=court.court_id),
            has_privilege=bool(
                ecf.privileges_of(account_id=member.account_id, court_id=court.court_id)
            ),
        )
    return rules.MemberFacts(
        account_id=member.account_id,
        first_name=member.first_name,
        last_name=member.last_name,
        username=member.username,
        account_number=member.account_number,
        email=member.email,
        individual=member.kind == "individual",
        upgraded=member.is_upgraded,
        mfa=mfa_enrolled(member.account_id),
        court_status=statuses,
    )


def report_for(firm: firms.FirmSummary, *, now: datetime | None = None) -> Report:
    now = now or clock.now()
    courts = court_facts(firm.readiness_court_ids, now)
    members = [member_facts(m, courts) for m in firms.members_of(firm.firm_id)]
    return Report(firm=firm, courts=courts, rows=rules.rows_for(members, courts))
