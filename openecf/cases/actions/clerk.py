"""The clerk's office on a case: close, reopen, seal, terminate parties and attorneys.

Nothing leaves the record: a terminated party or attorney keeps its row with the date.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from openecf.cases.actions.common import _court_date, _locked_case, _record_case
from openecf.cases.errors import AlreadyTerminated, CaseAlreadyClosed, CaseNotClosed
from openecf.cases.indexing import index
from openecf.cases.models import AttorneyOfRecord, Case, Party
from openecf.cases.rules import spoken_date
from openecf.core import clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.models import Court


def _check_date(case: Case, on: date, *, today: date, field: str = "on") -> None:
    if on < case.date_filed:
        raise InputInvalid(
            {
                field: f"The date cannot be before the case was filed ({spoken_date(case.date_filed)})."
            }
        )
    if on > today:
        raise InputInvalid({field: "The date cannot be in the future."})


def _close(case: Case, *, on: date, actor_id: int | None, today: date) -> None:
    if case.date_terminated is not None:
        raise CaseAlreadyClosed(
            f"Case {case.case_number} was closed on {spoken_date(case.date_terminated)}."
        )
    _check_date(case, on, today=today)
    case.date_terminated = on
    case.save(update_fields=["date_terminated"])
    index(case)
    _record_case(case, actor_id=actor_id, verb="case.closed", on=on.isoformat())


def close_case(*, actor_id: int, court: Court, caseid: int, on: date | None = None) -> Case:
    """The clerk closes a case (terminated on ``on``, the court's today by default)."""
    today = _court_date(court, clock.now())
    with durable_action():
        case = _locked_case(court, caseid)
        _close(case, on=on or today, actor_id=actor_id, today=today)
    return case


def end_case(*, court_id: str, caseid: int, on: date, actor_id: int | None) -> None:
    """Close a case inside the caller's transaction (an entry that ends the case, as a
    judgment). The caller holds the case lock; plain ``transaction.atomic()``."""
    with transaction.atomic():
        court = Court.objects.get(pk=court_id)
        case = _locked_case(court, caseid)
        _close(case, on=on, actor_id=actor_id, today=on)


def reopen_case(*, actor_id: int, court: Court, caseid: int, reason: str) -> Case:
    """The clerk reopens a closed case; the date it was closed is kept in the audit log."""
    if not reason.strip():
        raise InputInvalid({"reason": "Say why the case is reopened."})
    with durable_action():
        case = _locked_case(court, caseid)
        if case.date_terminated is None:
            raise CaseNotClosed(f"Case {case.case_number} is open.")
        closed = case.date_terminated
        case.date_terminated = None
        case.save(update_fields=["date_terminated"])
        index(case)
        _record_case(
            case,
            actor_id=actor_id,
            verb="case.reopened",
            was_closed_on=closed.isoformat(),
            reason=reason.strip(),
        )
    return case


def set_case_sealed(*, actor_id: int, court: Court, caseid: int, sealed: bool) -> Case:
    """The clerk seals a case (court users only see it) or unseals it."""
    with durable_action():
        case = _locked_case(court, caseid)
        if case.sealed != sealed:
            case.sealed = sealed
            case.save(update_fields=["sealed"])
            index(case)  # a sealed case leaves the Case Locator; unsealed, it is back
            _record_case(case, actor_id=actor_id, verb="case.sealed" if sealed else "case.unsealed")
    return case


# What each kind of termination is: its rows, the field naming it, the words of its refusals.
_TERMINABLE: dict[str, tuple[type[Party] | type[AttorneyOfRecord], str, str, str, str]] = {
    "party": (
        Party,
        "case",
        "party_id",
        "Choose a party of this case.",
        "{name} was terminated on {on}.",
    ),
    "attorney": (
        AttorneyOfRecord,
        "party__case",
        "attorney_id",
        "Choose an attorney of record of this case.",
        "That attorney's representation ended on {on}.",
    ),
}


def _terminate(
    what: str, *, actor_id: int, court: Court, caseid: int, row_id: int, on: date | None
) -> Party | AttorneyOfRecord:
    """End a party's part in the case or an attorney's representation: kept, dated."""
    model, case_path, field, missing, done = _TERMINABLE[what]
    today = _court_date(court, clock.now())
    with durable_action():
        case = _locked_case(court, caseid)
        row: Party | AttorneyOfRecord | None = model._default_manager.filter(
            pk=row_id, **{case_path: case}
        ).first()
        if row is None:
            raise InputInvalid({field: missing})
        if row.terminated_on is not None:
            name = getattr(row, "name", "")
            raise AlreadyTerminated(done.format(name=name, on=spoken_date(row.terminated_on)))
        _check_date(case, on or today, today=today)
        row.terminated_on = on or today
        row.save(update_fields=["terminated_on"])
        if what == "party":
            index(case)
        _record_case(
            case,
            actor_id=actor_id,
            verb=f"case.{what}_terminated",
            **{what: row.pk},
            on=row.terminated_on.isoformat(),
        )
    return row


def terminate_party(
    *, actor_id: int, court: Court, caseid: int, party_id: int, on: date | None = None
) -> Party | AttorneyOfRecord:
    """The clerk terminates a party (dismissed, settled): it stays on the record, dated."""
    return _terminate(
        "party", actor_id=actor_id, court=court, caseid=caseid, row_id=party_id, on=on
    )


def terminate_attorney(
    *, actor_id: int, court: Court, caseid: int, attorney_id: int, on: date | None = None
) -> Party | AttorneyOfRecord:
    """The clerk ends an attorney's representation of a party (withdrawal): kept, dated."""
    return _terminate(
        "attorney", actor_id=actor_id, court=court, caseid=caseid, row_id=attorney_id, on=on
    )


def add_attorney_of_record(
    *,
    caseid: int,
    party_id: int,
    account_id: int,
    lead: bool,
    to_be_noticed: bool,
    on: date,
    actor_id: int | None,
    pro_hac_vice: bool = False,
) -> AttorneyOfRecord:
    """An attorney's first filing for a party adds the association (CM/ECF's screen), inside
    the filing's transaction; the caller holds the case lock. Plain ``transaction.atomic()``."""
    with transaction.atomic():
        party = Party.objects.select_related("case").filter(pk=party_id, case_id=caseid).first()
        if party is None:
            raise InputInvalid({"party_id": "Choose a party of this case."})
        live = AttorneyOfRecord.objects.filter(
            party=party, account_id=account_id, terminated_on__isnull=True
        ).first()
        if live is not None:
            return live
        lawyer = AttorneyOfRecord.objects.create(
            party=party,
            account_id=account_id,
            lead=lead,
            to_be_noticed=to_be_noticed,
            pro_hac_vice=pro_hac_vice,
            added_on=on,
        )
        _record_case(
            party.case,
            actor_id=actor_id,
            verb="case.attorney_added",
            attorney=lawyer.pk,
            account=account_id,
            party=party.pk,
        )
    return lawyer


def add_pro_se_filer(*, caseid: int, party_id: int, account_id: int, actor_id: int | None) -> Party:
    """A pro se e-filer's first filing for their own party links the party to their PACER
    account, inside the filing's transaction (the caller holds the case lock). A party an
    attorney represents, or another pro se account files for, is refused. Plain
    ``transaction.atomic()``."""
    with transaction.atomic():
        party = Party.objects.select_related("case").filter(pk=party_id, case_id=caseid).first()
        if party is None:
            raise InputInvalid({"party_id": "Choose a party of this case."})
        if party.pro_se_account_id == account_id:
            return party
        if party.pro_se_account_id is not None or party.terminated_on is not None:
            raise InputInvalid(
                {"filer_parties": f"{party.name} already has a pro se filer: file for yourself."}
            )
        if AttorneyOfRecord.objects.filter(party=party, terminated_on__isnull=True).exists():
            raise InputInvalid(
                {"filer_parties": f"An attorney represents {party.name}: file for yourself."}
            )
        party.pro_se_account_id = account_id
        party.save(update_fields=["pro_se_account"])
        _record_case(
            party.case,
            actor_id=actor_id,
            verb="case.pro_se_filer_added",
            account=account_id,
            party=party.pk,
        )
    return party
