"""Filing agents: associating an agent with an attorney at a court, and ending it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from openecf.accounts import facade as accounts
from openecf.core import audit, clock, outbox
from openecf.core.transactions import durable_action
from openecf.courts.models import Court
from openecf.ecf import letters, rules
from openecf.ecf.errors import (
    AgentAlreadyAssociated,
    AgentNotAllowed,
    NotFound,
)
from openecf.ecf.models import (
    FilingAgentAssociation,
    FilingPrivilege,
)

if TYPE_CHECKING:
    from openecf.accounts.models import Account


def associate_filing_agent(
    *, principal: Account, court: Court, agent_username: str, receives_notices: bool = False
) -> FilingAgentAssociation:
    """An attorney (or trustee) associates an approved filing agent at this court."""
    kinds = set(
        FilingPrivilege.objects.filter(
            court=court, account=principal, revoked_at__isnull=True
        ).values_list("kind", flat=True)
    )
    if not kinds & rules.PRINCIPAL_KINDS:
        raise AgentNotAllowed(
            "Only an attorney or trustee with filing privileges at this court can associate "
            "filing agents."
        )
    agent = accounts.person_by_username(username=agent_username)
    approved = (
        agent is not None
        and FilingPrivilege.objects.filter(
            court=court, account_id=agent.id, kind="filing_agent", revoked_at__isnull=True
        ).exists()
    )
    if not approved:
        raise AgentNotAllowed(
            f"{agent_username!r} is not an approved filing agent at this court: the agent must "
            "request filing-agent privileges here and be approved by the clerk first.",
            field="agent",
        )
    assert agent is not None
    if agent.id == principal.pk:
        raise AgentNotAllowed("You cannot be your own filing agent.", field="agent")
    already = AgentAlreadyAssociated(
        f"{agent.full_name} already files for you at this court.", field="agent"
    )
    with durable_action():
        if _live_association(court, principal.pk, agent.id) is not None:
            raise already
        try:
            with transaction.atomic():  # a savepoint: the same pair added at the same moment
                association = FilingAgentAssociation.objects.create(
                    court=court,
                    principal=principal,
                    agent_id=agent.id,
                    created_at=clock.now(),
                    receives_notices=receives_notices,
                )
        except IntegrityError:
            raise already from None
        audit.record(
            actor_id=principal.pk,
            verb="filing_agent.associated",
            subject=audit.Subject("account", principal.pk),
            court_id=court.pk,
            details={"association_id": association.pk, "agent_id": agent.id},
        )
        outbox.queue_letter(
            letters.agent_associated(
                court_name=court.name, short_name=court.short_name, principal=principal.full_name
            ),
            to=[agent.email],
            kind="ecf.agent_associated",
            court_id=court.pk,
            account_id=agent.id,
        )
    return association


def _live_association(
    court: Court, principal_id: int, agent_id: int
) -> FilingAgentAssociation | None:
    return FilingAgentAssociation.objects.filter(
        court=court, principal_id=principal_id, agent_id=agent_id, ended_at__isnull=True
    ).first()


def end_filing_agent(
    *, actor: Account, court: Court, association_id: int
) -> FilingAgentAssociation:
    """The principal (or the agent) ends an association."""
    with durable_action():
        association = (
            FilingAgentAssociation.objects.select_for_update()
            .filter(pk=association_id, court=court, ended_at__isnull=True)
            .select_related("principal", "agent")
            .first()
        )
        if association is None or actor.pk not in (
            association.principal_id,
            association.agent_id,
        ):
            raise NotFound("There is no such filing agent association.")
        association.ended_at = clock.now()
        association.save(update_fields=["ended_at"])
        audit.record(
            actor_id=actor.pk,
            verb="filing_agent.ended",
            subject=audit.Subject("account", association.principal_id),
            court_id=court.pk,
            details={"association_id": association.pk, "agent_id": association.agent_id},
        )
        principal, agent = association.principal, association.agent
        names = {"court_name": court.name, "short_name": court.short_name}
        outbox.queue_letter(
            letters.agent_ended_to_principal(**names, agent=agent.full_name),
            to=[principal.email],
            kind="ecf.agent_ended",
            court_id=court.pk,
            account_id=principal.pk,
        )
        outbox.queue_letter(
            letters.agent_ended_to_agent(**names, principal=principal.full_name),
            to=[agent.email],
            kind="ecf.agent_ended",
            court_id=court.pk,
            account_id=agent.id,
        )
    return association
