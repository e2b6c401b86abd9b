"""The court's event catalogue: seeded from the court kind's list, then edited by the clerk."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from openecf.core import audit, clock
from openecf.core.errors import InputInvalid
from openecf.core.transactions import durable_action
from openecf.courts.fees import FeeKind
from openecf.courts.models import Court
from openecf.docket import rules
from openecf.docket.catalogue import SEEDS, EventRules
from openecf.docket.errors import EventNotFound
from openecf.docket.models import COURT, FILERS, Event


def ensure_catalogue(*, court_id: str) -> bool:
    """Give the court its kind's catalogue the first time it is asked for; True if seeded now.

    Call before any transaction (it is a top-level action): the event list, the filing pages,
    the API and the case-opening flow call it first. Costs one query once seeded.
    """
    if Event.objects.filter(court_id=court_id).exists():
        return False
    court = Court.objects.get(pk=court_id)
    with durable_action():
        Court.objects.select_for_update().filter(pk=court_id).first()  # one seeder at a time
        if Event.objects.filter(court_id=court_id).exists():
            return False
        seeds = SEEDS[court.kind]
        Event.objects.bulk_create(
            Event(
                court_id=court_id,
                position=position,
                template=seed.template,
                **asdict(seed),
            )
            for position, seed in enumerate(seeds, 1)
        )
        audit.record(
            actor_id=None,
            verb="docket.catalogue_seeded",
            subject=audit.Subject("court", court_id),
            court_id=court_id,
            details={"events": len(seeds), "kind": court.kind},
        )
    return True


@dataclass(frozen=True)
class EventChoices(EventRules):
    """What the clerk sets on an event (the code is fixed once created)."""

    name: str
    category: str
    template: str
    is_active: bool = True


def event_problems(choices: EventChoices) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if not choices.name.strip():
        problems["name"] = [
            "Enter the event's name as the docket shows it, e.g. MOTION to Dismiss."
        ]
    if not choices.category.strip():
        problems["category"] = ["Enter the menu category, e.g. Motions and Related Filings."]
    problems["template"] = rules.template_problems(choices.template)
    if choices.fee_kind and choices.fee_kind not in FeeKind.values:
        problems["fee_kind"] = ["Choose a fee from the court's fee schedule, or none."]
    if choices.filers not in (FILERS, COURT):
        problems["filers"] = ["Choose who may file it: filers, or the court only."]
    return problems


def save_event(
    *, actor_id: int, court_id: str, code: str, choices: EventChoices, create: bool = False
) -> Event:
    """The clerk changes one event of the court's catalogue (or adds one with ``create``)."""
    problems = event_problems(choices)
    if create and not rules.event_code_ok(code):
        problems["code"] = [
            "Use lower-case letters, digits and hyphens for the code, e.g. motion-stay."
        ]
    InputInvalid.raise_if(problems)
    fields = asdict(choices)
    with durable_action():
        if create:
            if Event.objects.filter(court_id=court_id, code=code).exists():
                raise InputInvalid({"code": [f"The court already has an event {code}."]})
            event = Event.objects.create(
                court_id=court_id,
                code=code,
                position=Event.objects.filter(court_id=court_id).count() + 1,
                modified_at=clock.now(),
                **fields,
            )
            changed = fields
        else:
            found = Event.objects.select_for_update().filter(court_id=court_id, code=code).first()
            if found is None:
                raise EventNotFound(f"The court has no event {code}.")
            event = found
            changed = {k: v for k, v in fields.items() if getattr(event, k) != v}
            if not changed:
                return event
            for name, value in changed.items():
                setattr(event, name, value)
            event.modified_at = clock.now()
            event.save(update_fields=[*changed, "modified_at"])
        audit.record(
            actor_id=actor_id,
            verb="docket.event_added" if create else "docket.event_changed",
            subject=audit.Subject("docket_event", event.pk),
            court_id=court_id,
            details={"code": code, "changed": changed},
        )
    return event
