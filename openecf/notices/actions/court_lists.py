"""The court's own noticing lists (chambers): addresses the clerk's office adds and ends."""

from __future__ import annotations

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.locks import lock_found
from openecf.core.outbox_rules import address_problem
from openecf.core.transactions import durable_action
from openecf.courts import queries as court_queries
from openecf.notices.errors import AddressAlreadyListed
from openecf.notices.models import CourtNoticingAddress


def add_court_address(
    *, court_id: str, actor_id: int, name: str, email: str, judge_account_id: int | None
) -> CourtNoticingAddress:
    """Put ``email`` on the court's noticing list: for ``judge_account_id``'s cases, or for
    every case of the court when None. An address is on one active list of a court at a
    time (``AddressAlreadyListed`` otherwise)."""
    name, email = name.strip(), email.strip().lower()
    problems: dict[str, str] = {}
    if not name:
        problems["name"] = "Give the list's name, e.g. Chambers of Judge Wimes."
    elif len(name) > 200:
        problems["name"] = "Keep the name to 200 characters."
    if not email:
        problems["email"] = "Give the e-mail address the notices go to."
    elif problem := address_problem(email):
        problems["email"] = f"{problem}; give one like chambers@mowd.uscourts.gov."
    judges = dict(court_queries.judges(court_id))
    if judge_account_id is not None and judge_account_id not in judges:
        problems["judge_account_id"] = "Choose one of the court's judges, or every case."
    InputInvalid.raise_if(problems)
    with durable_action():
        if CourtNoticingAddress.objects.filter(
            court_id=court_id, email=email, ended_at__isnull=True
        ).exists():
            raise AddressAlreadyListed(
                f"{email} is already on the court's noticing lists; end it there first.",
                field="email",
            )
        row = CourtNoticingAddress.objects.create(
            court_id=court_id,
            name=name,
            email=email,
            judge_account_id=judge_account_id,
            created_by_id=actor_id,
            created_at=clock.now(),
        )
        audit.record(
            actor_id=actor_id,
            verb="noticing.court_address_added",
            subject=audit.Subject("court_noticing_address", row.pk),
            court_id=court_id,
            details={"judge_account_id": judge_account_id},
        )
    return row


def end_court_address(*, court_id: str, actor_id: int, address_id: int) -> CourtNoticingAddress:
    """Take an address off the court's noticing lists (kept, with when it ended)."""
    with durable_action():
        row = lock_found(
            CourtNoticingAddress.objects.filter(
                court_id=court_id, pk=address_id, ended_at__isnull=True
            ),
            missing="The court's noticing lists have no such address.",
        )
        row.ended_at = clock.now()
        row.save(update_fields=["ended_at"])
        audit.record(
            actor_id=actor_id,
            verb="noticing.court_address_ended",
            subject=audit.Subject("court_noticing_address", row.pk),
            court_id=court_id,
            details={},
        )
    return row
