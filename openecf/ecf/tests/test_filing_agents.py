"""Filing agents: an attorney associates an approved agent, who then files for them."""

from __future__ import annotations

import pytest
from django.core import mail

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf import actions, errors, queries
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.ecf.models import FilingAgentAssociation
from openecf.tests_support.factories import AccountFactory


@pytest.fixture
def agent(mowd):
    account = AccountFactory(username="paralegal1", first_name="Pam", last_name="Paralegal")
    FilingPrivilegeFactory(court=mowd, account=account, kind="filing_agent")
    return account


@pytest.fixture
def admitted(attorney, mowd):
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    return attorney


@pytest.mark.django_db
def test_an_attorney_associates_an_approved_agent(
    admitted, agent, mowd, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        association = actions.associate_filing_agent(
            principal=admitted, court=mowd, agent_username="PARALEGAL1", receives_notices=True
        )
    assert (association.principal_id, association.agent_id, association.receives_notices) == (
        admitted.pk,
        agent.pk,
        True,
    )
    assert queries.agents_of(court_id=mowd.pk, principal_id=admitted.pk) == [association]
    assert queries.principals_of(court_id=mowd.pk, agent_id=agent.pk) == [association]
    assert AuditEvent.objects.get(verb="filing_agent.associated").chain == "mowd"
    assert mail.outbox[0].to == [agent.email]


@pytest.mark.django_db
def test_an_agent_without_court_approval_is_refused(admitted, mowd):
    AccountFactory(username="notagent1")
    with pytest.raises(errors.AgentNotAllowed) as refused:
        actions.associate_filing_agent(principal=admitted, court=mowd, agent_username="notagent1")
    assert "'notagent1' is not an approved filing agent at this court" in refused.value.message
    assert FilingAgentAssociation.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


@pytest.mark.django_db
def test_someone_without_an_attorney_privilege_cannot_have_agents(public_user, agent, mowd):
    with pytest.raises(errors.AgentNotAllowed) as refused:
        actions.associate_filing_agent(
            principal=public_user, court=mowd, agent_username="paralegal1"
        )
    assert refused.value.message.startswith("Only an attorney or trustee with filing privileges")
    assert FilingAgentAssociation.objects.count() == 0


@pytest.mark.django_db
def test_the_same_agent_cannot_be_added_twice(admitted, agent, mowd):
    actions.associate_filing_agent(principal=admitted, court=mowd, agent_username="paralegal1")
    with pytest.raises(errors.AgentNotAllowed, match="already files for you"):
        actions.associate_filing_agent(principal=admitted, court=mowd, agent_username="paralegal1")
    assert FilingAgentAssociation.objects.count() == 1


@pytest.mark.django_db
def test_either_side_ends_an_association_but_no_one_else(admitted, agent, mowd, public_user):
    association = actions.associate_filing_agent(
        principal=admitted, court=mowd, agent_username="paralegal1"
    )
    with pytest.raises(errors.NotFound):
        actions.end_filing_agent(actor=public_user, court=mowd, association_id=association.pk)
    ended = actions.end_filing_agent(actor=agent, court=mowd, association_id=association.pk)
    assert ended.ended_at is not None
    assert queries.agents_of(court_id=mowd.pk, principal_id=admitted.pk) == []


@pytest.mark.django_db
def test_each_side_of_an_ended_association_gets_its_own_email(
    admitted, agent, mowd, django_capture_on_commit_callbacks
):
    association = actions.associate_filing_agent(
        principal=admitted, court=mowd, agent_username="paralegal1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.end_filing_agent(actor=admitted, court=mowd, association_id=association.pk)
    court = "United States District Court for the Western District of Missouri"
    assert [(m.to, m.body) for m in mail.outbox] == [
        ([admitted.email], f"Pam Paralegal no longer files for you at {court}.\n"),
        ([agent.email], f"You no longer file for Alice Attorney at {court}.\n"),
    ]
    assert list(
        OutboundEmail.objects.filter(kind="ecf.agent_ended")
        .order_by("pk")
        .values_list("account_id", flat=True)
    ) == [admitted.pk, agent.pk]
