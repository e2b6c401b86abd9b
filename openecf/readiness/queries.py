"""Gather the facts for a firm's readiness page from firms, accounts, sign-on and each court."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from openecf.core import clock
from openecf.core.destinations import with_next
from openecf.core.records import copy_of
from openecf.courts import queries as court_queries
from openecf.courts.models import Court
from openecf.courts.presentation import court_row
from openecf.ecf import facade as ecf
from openecf.firms import facade as firms
from openecf.readiness import rules
from openecf.signon import facade as signon

if TYPE_CHECKING:
    from openecf.accounts.models import Account


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


def member_facts(
    member: firms.Member,
    courts: list[rules.CourtFacts],
    dues: dict[tuple[int, str], ecf.Dues] | None = None,
) -> rules.MemberFacts:
    """``dues``: this cycle's dues by (account id, court id), from ``ecf.dues_of``."""
    statuses = {}
    for court in courts:
        statuses[court.court_id] = rules.court_status(
            linked=ecf.is_linked(account_id=member.account_id, court_id=court.court_id),
            has_privilege=bool(
                ecf.privileges_of(account_id=member.account_id, court_id=court.court_id)
            ),
        )
    return copy_of(
        rules.MemberFacts,
        member,
        individual=member.kind == "individual",
        upgraded=member.is_upgraded,
        mfa=mfa_enrolled(member.account_id),
        court_status=statuses,
        dues_paid={
            court.court_id: found.paid_at is not None
            for court in courts
            if (found := (dues or {}).get((member.account_id, court.court_id))) is not None
        },
    )


def report_for(firm: firms.FirmSummary, *, now: datetime | None = None) -> Report:
    now = now or clock.now()
    courts = court_facts(firm.readiness_court_ids, now)
    people = firms.members_of(firm.firm_id)
    dues = ecf.dues_of(account_ids=[m.account_id for m in people])
    members = [member_facts(m, courts, dues) for m in people]
    return Report(firm=firm, courts=courts, rows=rules.rows_for(members, courts))


# One person's own courts ("Your courts", where an attorney lands after signing in) ----------

# Steps that hold at every court (the account itself); shown once, above the courts.
ACCOUNT_STEPS = ("sign_in", "upgrade", "not_shared", "account", "mfa")
# Pages that return to "Your courts" when their step is done.
RETURNING_STEPS = ("upgrade", "mfa")
YOUR_COURTS = "/account/courts/"


def _returning(step: ecf.MissingStep) -> ecf.MissingStep:
    if step.code in RETURNING_STEPS:
        return replace(step, link=with_next(step.link, YOUR_COURTS))
    return step


@dataclass(frozen=True)
class PersonalCourt:
    court_id: str
    name: str
    short_name: str
    status_label: str
    go_live_text: str
    is_nextgen: bool
    may_file: bool
    steps: tuple[ecf.MissingStep, ...]  # what this court still needs, after the account steps
    dues: ecf.Dues | None = None  # this cycle's attorney dues, where the court charges them


@dataclass(frozen=True)
class PersonalReadiness:
    account_steps: tuple[ecf.MissingStep, ...]
    courts: tuple[PersonalCourt, ...]

    @property
    def next_step(self) -> ecf.MissingStep | None:
        if self.account_steps:
            return self.account_steps[0]
        for court in self.courts:
            if court.steps:
                return court.steps[0]
        return None


def personal_court_ids(account: Account) -> list[str]:
    """Where the person files or is on the way to: privileges, links, unlinked own logins."""
    ids = {p.court_id for p in ecf.privileges_of(account_id=account.pk)}
    ids.update(login.court_id for login in ecf.linked_logins_of(account_id=account.pk))
    ids.update(ecf.courts_with_unlinked_logins_for_email(email=account.email))
    return sorted(ids)


def personal_readiness(
    account: Account, *, redaction_acknowledged: bool | None = None, now: datetime | None = None
) -> PersonalReadiness:
    """Every court of the person with what each still needs, account-wide steps first."""
    now = now or clock.now()
    account_steps: dict[str, ecf.MissingStep] = {}
    courts = []
    dues = ecf.dues_of(account_ids=[account.pk])
    for court in Court.objects.filter(pk__in=personal_court_ids(account)).order_by("pk"):
        check = ecf.can_file(account, court, now, redaction_acknowledged=redaction_acknowledged)
        for step in map(_returning, check.missing):
            if step.code in ACCOUNT_STEPS:
                account_steps.setdefault(step.code, step)
        row = court_row(court, now)
        courts.append(
            PersonalCourt(
                court_id=court.pk,
                name=court.name,
                short_name=court.short_name or court.name,
                status_label=row.status_label,
                go_live_text=row.go_live_text,
                is_nextgen=row.status == "nextgen",
                may_file=check.allowed,
                steps=tuple(s for s in check.missing if s.code not in ACCOUNT_STEPS),
                dues=dues.get((account.pk, court.pk)),
            )
        )
    if not courts and not account.is_upgraded:
        account_steps["upgrade"] = ecf.MissingStep(
            "upgrade",
            "Upgrade your Legacy PACER account before you can file or link a CM/ECF login.",
            with_next("/account/upgrade/", YOUR_COURTS),
        )
    return PersonalReadiness(account_steps=tuple(account_steps.values()), courts=tuple(courts))
