"""A person's billing settings: the session's client code, and court-granted exemptions."""

from __future__ import annotations

from datetime import date

from openecf.billing import queries, rules
from openecf.billing.models import Exemption, SessionClientCode
from openecf.core import audit, clock
from openecf.core.errors import InputInvalid, NotFound
from openecf.core.locks import lock_found
from openecf.core.transactions import durable_action
from openecf.courts.access import standing_at
from openecf.courts.models import Court


def set_client_code(*, session_id: int, account_id: int, client_code: str) -> str:
    """The client code shown on every receipt of this sign-on session from now on."""
    required = queries.bill_of(account_id).client_code_required
    InputInvalid.raise_if(rules.client_code_problems(client_code, required=required))
    code = client_code.strip()
    with durable_action():
        SessionClientCode.objects.update_or_create(
            session_id=session_id, defaults={"account_id": account_id, "client_code": code}
        )
        audit.record(
            actor_id=account_id,
            verb="billing.client_code_set",
            subject=audit.Subject("account", account_id),
            details={"session": session_id, "client_code": code},
        )
    return code


def grant_exemption(
    *,
    court_id: str,
    by_account_id: int,
    account_id: int,
    reason: str,
    scope: str,
    ends_on: date,
) -> Exemption:
    """The court's clerk exempts a person from access fees at the court until ``ends_on``."""
    court = Court.objects.filter(pk=court_id).first()
    if court is None or not standing_at(court=court, account_id=by_account_id).may_manage_court:
        raise NotFound("There is no such page.")
    now = clock.now()
    InputInvalid.raise_if(
        {
            "reason": [] if reason.strip() else ["Say why the court grants the exemption."],
            "scope": [] if scope in rules.ExemptionScope.values else ["Choose a scope."],
            "ends_on": []
            if ends_on >= rules.pacer_day(now)
            else ["An exemption must end today or later."],
        }
    )
    with durable_action():
        exemption = Exemption.objects.create(
            account_id=account_id,
            court=court,
            reason=reason.strip()[:200],
            scope=scope,
            ends_on=ends_on,
            granted_by_id=by_account_id,
            granted_at=now,
        )
        audit.record(
            actor_id=by_account_id,
            verb="billing.exemption_granted",
            subject=audit.Subject("account", account_id),
            court_id=court.pk,
            details={"exemption": exemption.pk, "scope": scope, "ends_on": ends_on},
        )
    return exemption


def switch_exemption(*, account_id: int, exemption_id: int, enabled: bool) -> Exemption:
    """The person turns their exemption off (to pay, as PACER lets them) or back on."""
    with durable_action():
        exemption = lock_found(
            Exemption.objects.filter(pk=exemption_id, account_id=account_id),
            missing="There is no such exemption on your account.",
        )
        if exemption.enabled != enabled:
            exemption.enabled = enabled
            exemption.save(update_fields=["enabled"])
            audit.record(
                actor_id=account_id,
                verb="billing.exemption_switched",
                subject=audit.Subject("account", account_id),
                details={"exemption": exemption.pk, "enabled": enabled},
            )
    return exemption
