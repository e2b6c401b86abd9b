"""Who may file what in a case, and which entries the docket's own lists show.

Filing: an event the court alone dockets needs court staff (the clerk's office, chambers, the
operator). Any other event needs ``ecf``'s filing check at the court (privileges, sign-on,
MFA, the redaction agreement); a filing agent files for an attorney they are associated with
at the court, and the entry names the attorney. Seeing: a sealed case, a sealed entry and a
sealed document are missing to anyone but court staff (ADR 0005), an entry held for the
clerk's acceptance to anyone but the court and its filer; a restricted document is shown to
court staff and the case's attorneys only. Corrections and the review queue are the clerk's
office's (and the operator's). Who may open a document of the record is the record's one rule,
``reports.access`` (``reports.facade.record_access``); the court's own document page is court
staff's alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.http import HttpRequest

from openecf.accounts import facade as accounts
from openecf.courts.access import Standing, require_clerk
from openecf.courts.models import Court
from openecf.docket.errors import FilingNotAllowed
from openecf.docket.models import COURT, Event
from openecf.docket.rules import Signature, staff_initials
from openecf.ecf import facade as ecf

if TYPE_CHECKING:
    from collections.abc import Sequence

    from openecf.accounts.models import Account
    from openecf.cases import facade as cases


@dataclass(frozen=True)
class Filer:
    """Who files: the account entering the transaction and the person the entry names."""

    entered_by_id: int  # the agent, the attorney, or court staff
    filed_by_id: int  # the attorney (also when their agent files) or the staff member
    signature: Signature
    is_court: bool
    may_represent: bool  # an attorney: a first filing for a party makes them its attorney
    pro_se: bool = False  # a pro se filer (no attorney privilege): files for its own party only


def is_court_user(standing: Standing) -> bool:
    return standing.is_clerk or standing.is_judge or standing.is_operator


def filer_for(
    *,
    account: Account,
    standing: Standing,
    court: Court,
    event: Event,
    on_behalf_of: int | None,
    now: datetime,
    redaction_acknowledged: bool | None = None,
) -> Filer:
    """The filer of ``event`` at ``court``, or ``FilingNotAllowed`` saying what is missing."""
    if is_court_user(standing):
        return Filer(
            entered_by_id=account.pk,
            filed_by_id=account.pk,
            signature=Signature(
                staff_initials=staff_initials(account.first_name, account.last_name)
            ),
            is_court=True,
            may_represent=False,
        )
    if event.filers == COURT:
        raise FilingNotAllowed(
            f"Only the court dockets {event.name} at {standing.court_name}: choose an event "
            "filers may file."
        )
    check = ecf.can_file(account, court, now, redaction_acknowledged=redaction_acknowledged)
    if not check.allowed:
        raise FilingNotAllowed(
            f"You cannot file at {standing.court_name} yet: "
            + " ".join(step.text for step in check.missing),
            missing=[{"code": s.code, "text": s.text, "link": s.link} for s in check.missing],
        )
    filed_by = account.pk
    if on_behalf_of is not None and on_behalf_of != account.pk:
        if on_behalf_of not in ecf.attorneys_filed_for(court_id=court.pk, agent_id=account.pk):
            raise FilingNotAllowed(
                f"You do not file for that attorney at {standing.court_name}: the attorney must "
                "associate you as their filing agent first (Utilities, filing agents)."
            )
        filed_by = on_behalf_of
    person = accounts.person(account_id=filed_by)
    assert person is not None
    kinds = {p.kind for p in ecf.privileges_of(account_id=filed_by, court_id=court.pk)}
    return Filer(
        entered_by_id=account.pk,
        filed_by_id=filed_by,
        signature=Signature(last_name=person.last_name, first_name=person.first_name),
        is_court=False,
        may_represent=bool(kinds & {"attorney", "pro_hac_vice"}),
        pro_se="pro_se" in kinds and not kinds & {"attorney", "pro_hac_vice"},
    )


def pro_se_party(
    filer: Filer, parties: Sequence[cases.Party], filer_parties: Sequence[int]
) -> int | None:
    """The party a pro se filer files for and is not yet linked to (None when linked or none
    chosen), or ``FilingNotAllowed``: a pro se filer represents only themselves, one party
    that no attorney and no other pro se filer files for."""
    if not filer.pro_se or not filer_parties:
        return None
    own = {p.id for p in parties if p.pro_se_account_id == filer.filed_by_id}
    if own:
        if set(filer_parties) <= own:
            return None
        raise FilingNotAllowed(
            "You file pro se for yourself only: choose your own party as the filer."
        )
    if len(filer_parties) > 1:
        raise FilingNotAllowed("You file pro se for yourself only: choose one party, your own.")
    party = next(p for p in parties if p.id == filer_parties[0])
    if party.pro_se_account_id is not None:
        raise FilingNotAllowed(
            f"Another pro se filer files for {party.name}: you file for yourself only."
        )
    if any(a.terminated_on is None for a in party.attorneys):
        raise FilingNotAllowed(
            f"An attorney represents {party.name}: a pro se filer files for themselves only."
        )
    return party.id


def may_see_sealed(standing: Standing) -> bool:
    """Sealed cases, entries and documents: court staff only."""
    return is_court_user(standing)


def require_docket_clerk(standing: Standing) -> None:
    """Corrections and the review queue: the court's clerk's office or the operator; anyone
    else is told there is no such page (404, ADR 0005)."""
    require_clerk(standing, what="docket corrections")


def redaction_acknowledged(request: HttpRequest) -> bool | None:
    """Whether the sign-on session acknowledged the redaction rules (None: no session)."""
    session = getattr(request, "cso_session", None)
    return None if session is None else bool(session.redaction_acknowledged)
