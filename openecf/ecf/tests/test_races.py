"""Check-then-create races end in the database's unique constraint, never in a 500.

The race is simulated: the lookup finds nothing, and the same row is created by "someone
else" just before this action's own insert.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from openecf.core.models import AuditEvent, OutboundEmail
from openecf.ecf import actions, errors
from openecf.ecf.actions import agents, privileges
from openecf.ecf.factories import FilingPrivilegeFactory
from openecf.ecf.models import FilingAgentAssociation, FilingPrivilege
from openecf.tests_support.factories import AccountFactory

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def lose_the_race_once(monkeypatch, module, name: str, create_the_other_row):
    """Make ``module.<name>`` find nothing once, after the other row has been created."""
    original = getattr(module, name)
    calls = {"count": 0}

    def lookup(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 1:
            create_the_other_row()
            return None
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, lookup)
    return calls


@pytest.mark.django_db
def test_a_privilege_granted_at_the_same_moment_is_returned_not_a_500(monkeypatch, attorney, mowd):
    other = {}

    def grant_elsewhere():
        other["row"] = FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")

    calls = lose_the_race_once(monkeypatch, privileges, "_live_privilege", grant_elsewhere)
    privilege = actions.grant_privilege(
        actor_id=None,
        court_id=mowd.pk,
        account_id=attorney.pk,
        kind="attorney",
        source="approved_request",
    )
    assert calls["count"] == 2
    assert privilege == other["row"]
    assert FilingPrivilege.objects.count() == 1
    assert not AuditEvent.objects.filter(verb="filing_privilege.granted").exists()


@pytest.mark.django_db
def test_an_agent_associated_at_the_same_moment_is_a_clear_conflict(monkeypatch, attorney, mowd):
    FilingPrivilegeFactory(court=mowd, account=attorney, kind="attorney")
    agent = AccountFactory(username="paralegal1", first_name="Pam", last_name="Paralegal")
    FilingPrivilegeFactory(court=mowd, account=agent, kind="filing_agent")

    def associate_elsewhere():
        FilingAgentAssociation.objects.create(
            court=mowd, principal=attorney, agent=agent, created_at=NOW
        )

    lose_the_race_once(monkeypatch, agents, "_live_association", associate_elsewhere)
    with pytest.raises(errors.AgentAlreadyAssociated) as refused:
        actions.associate_filing_agent(principal=attorney, court=mowd, agent_username="paralegal1")
    assert refused.value.message == "Pam Paralegal already files for you at this court."
    assert (refused.value.code, refused.value.status, refused.value.field) == (
        "agent_already_associated",
        409,
        "agent",
    )
    # (The simulated other row was made inside this action's transaction, so it is rolled back
    # with it; a real concurrent association stays, committed by its own transaction.)
    assert not AuditEvent.objects.filter(verb="filing_agent.associated").exists()
    assert OutboundEmail.objects.count() == 0
